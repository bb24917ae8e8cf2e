package org.stroma.report;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.stroma.analysis.plot.KaplanMeierPlot;
import org.stroma.analysis.plot.MeansPlot;
import org.stroma.analysis.result.Analysis;
import org.stroma.analysis.result.Estimate;
import org.stroma.analysis.result.HypothesisTest;
import org.stroma.analysis.tables.SafetyTable;
import org.stroma.protocol.text.Words;
import org.stroma.trial.capture.FormLibrary;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.ProductOutcome;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.plan.Endpoint;

/**
 * A trial's report as one self-contained HTML page: the CONSORT flow (by sequence for a crossover), the baseline, each
 * outcome with its analyses and its means over time, time to EDSS progression, safety, the cell products with the dose
 * given against the dose planned, and the protocol deviations. The blinded report is written from the same locked data with the arms left out: every table
 * and plot pools the subjects, and no comparison between arms is shown.
 */
public final class TrialReport {
    /** The report's sections, by their ids, as they appear. */
    public static final List<String> SECTIONS = List.of("consort", "plan", "baseline", "outcomes", "safety",
            "products", "deviations");

    /** Each form item's label and unit, by item id: "Left-ventricular ejection fraction (%)". */
    private static final Map<String, String> LABELS = labels();

    private TrialReport() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (FormLibrary.Entry e : FormLibrary.standard().entries()) {
            for (ItemDef i : e.form().items()) {
                labels.putIfAbsent(i.id(), i.label() + (i.unit() == null || i.unit().isEmpty() ? "" : " (" + i.unit()
                        + ")"));
            }
        }
        return labels;
    }

    private static String label(String item) {
        return LABELS.getOrDefault(item, item);
    }

    public static String html(LockedTrial t, boolean blinded, String subtitle) {
        return html(t, null, blinded, subtitle);
    }

    /** The report with the analysis plan's endpoints first, each by its prespecified analysis (none: the plan is missing). */
    public static String html(LockedTrial t, AnalysisPlan plan, boolean blinded, String subtitle) {
        Map<String, String> arms = armNames(t, blinded);
        StringBuilder s = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.esc(t.trial())).append(blinded ? " — blinded report" : " — unblinded report")
                .append("</title><style>").append(CSS).append("</style></head><body><h1>").append(Html.esc(t.trial()))
                .append(" — ").append(blinded ? "blinded" : "unblinded").append(" report</h1><p>").append(Html.esc(
                        t.title())).append("</p><p class=\"muted\">").append(Html.esc(subtitle)).append(blinded
                        ? " Arms are hidden: every figure pools all subjects." : " Arms are shown.").append("</p>");
        s.append(consort(t, blinded, arms));
        s.append(plan(t, plan, blinded, arms));
        s.append(BaselineTable.html(t, blinded, arms, TrialReport::label));
        s.append(outcomes(t, blinded, arms));
        s.append(safety(t, blinded, arms));
        s.append(products(t, blinded));
        s.append(deviations(t));
        return s.append("</body></html>").toString();
    }

    /** Each arm's letter with its treatments ("A: placebo"); blinded, every subject is in one group. */
    private static Map<String, String> armNames(LockedTrial t, boolean blinded) {
        Map<String, String> names = new TreeMap<>();
        for (LockedTrial.SubjectRow s : t.subjects()) {
            if (s.group() != null) {
                names.put(s.group(), blinded ? "all subjects" : s.group() + (s.treatments() == null ? "" : ": "
                        + s.treatments()));
            }
        }
        return names;
    }

    private static String group(String letter, Map<String, String> arms) {
        return arms.getOrDefault(letter, letter);
    }

    /**
     * The CONSORT diagram as a table: the boxes every subject passes through span the table, then each arm (or
     * sequence) has a column. A table, not flex boxes, because the PDF's renderer knows CSS 2.1 only: laid out this
     * way the PDF shows the arms side by side as the page does.
     */
    private static String consort(LockedTrial t, boolean blinded, Map<String, String> arms) {
        ConsortFlow f = ConsortFlow.of(t);
        Map<String, ConsortFlow.Arm> byArm = f.arms();
        if (blinded) {
            ConsortFlow.Arm all = byArm.values().stream().reduce(new ConsortFlow.Arm(0, 0, 0, List.of(), 0, 0, 0, 0),
                    (a, b) -> new ConsortFlow.Arm(a.allocated() + b.allocated(), a.received() + b.received(),
                            a.notReceived() + b.notReceived(), merge(a.notReceivedReasons(), b.notReceivedReasons()),
                            a.receivedSecondPeriod() + b.receivedSecondPeriod(), a.lost() + b.lost(),
                            a.discontinued() + b.discontinued(), a.analysed() + b.analysed()));
            byArm = Map.of("all subjects", all);
        }
        int columns = Math.max(1, byArm.size());
        StringBuilder s = new StringBuilder("<section id=\"consort\"><h2>CONSORT flow").append(t.crossover()
                ? " (crossover: by sequence through both periods)" : "").append("</h2><table class=\"flow\">");
        s.append(spanning(box("Assessed for eligibility", f.assessed(), null), columns));
        s.append(spanning(box("Excluded", f.assessed() - f.randomized(), "not meeting the criteria "
                + f.notEligible() + "; declined " + f.declined() + "; other reasons " + f.otherExcluded()), columns));
        s.append(spanning(box("Randomized", f.randomized(), null), columns));
        List<List<String>> stages = new ArrayList<>();
        for (Map.Entry<String, ConsortFlow.Arm> e : byArm.entrySet()) {
            ConsortFlow.Arm a = e.getValue();
            List<String> column = new ArrayList<>();
            column.add(box((t.crossover() && !blinded ? "Sequence " : "Allocated: ") + e.getKey(), a.allocated(),
                    "received " + (t.crossover() ? "period 1 " : "") + "product " + a.received() + "; did not "
                    + a.notReceived() + (a.notReceivedReasons().isEmpty() ? "" : " (" + String.join("; ",
                    a.notReceivedReasons()) + ")")));
            if (t.crossover()) {
                // the crossover variant: through period 1, the washout, then period 2
                column.add(box("Period 1 → washout → period 2", a.receivedSecondPeriod(), "received the period 2"
                        + " product"));
            }
            column.add(box("Follow-up", a.received() - a.lost() - a.discontinued(), "lost to follow-up " + a.lost()
                    + "; discontinued " + a.discontinued()));
            column.add(box("Analysed (completed)", a.analysed(), null));
            stages.add(column);
        }
        for (int stage = 0; !stages.isEmpty() && stage < stages.get(0).size(); stage++) {
            s.append("<tr>");
            for (List<String> column : stages) {
                s.append("<td>").append(column.get(stage)).append("</td>");
            }
            s.append("</tr>");
        }
        return s.append("</table></section>").toString();
    }

    /** A row of the CONSORT table with one box across every arm's column. */
    private static String spanning(String box, int columns) {
        return "<tr><td colspan=\"" + columns + "\">" + box + "</td></tr>";
    }

    private static List<String> merge(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(x -> !all.contains(x)).forEach(all::add);
        return all;
    }

    private static String box(String title, int n, String detail) {
        return "<div class=\"box\"><strong>" + Html.esc(title) + "</strong> (n = " + n + ")" + (detail == null ? ""
                : "<br><span class=\"muted\">" + Html.esc(detail) + "</span>") + "</div>";
    }

    /**
     * The analysis plan's endpoints, primary first, with the prespecified analysis of each; in the unblinded report
     * its result at the registered time. The blinded report lists the plan alone: it is the same whatever the arms.
     */
    private static String plan(LockedTrial t, AnalysisPlan plan, boolean blinded, Map<String, String> arms) {
        StringBuilder s = new StringBuilder("<section id=\"plan\"><h2>Prespecified analyses</h2>");
        if (plan == null) {
            return s.append("<p class=\"muted\">No analysis plan was given with these data: the outcomes below are"
                    + " compared at the last visit most subjects reached, none of them prespecified.</p></section>")
                    .toString();
        }
        s.append(plan.version() == 0 ? "<p>The analysis plan derived from the registered outcome measures"
                + " (<code>stroma sap</code>), not signed: these data were locked without a signed plan. "
                : "<p>Version " + plan.version() + " of the analysis plan, as the statistician signed it and the lock"
                + " froze it; the primary endpoint first. ").append(Html.esc(
                plan.multiplicity())).append(plan.openQuestions().isEmpty() ? "" : " " + plan.openQuestions().size()
                + " question(s) in the plan are left to the statistician.").append("</p>");
        List<List<String>> rows = new ArrayList<>();
        if (blinded) {
            for (Endpoint e : plan.endpoints()) {
                rows.add(List.of(Html.esc(e.id()), Html.esc(e.variable()), Html.esc(times(e)), Html.esc(e.method()
                        .label())));
            }
            s.append(Html.table(List.of("endpoint", "variable", "registered time", "analysis"), rows));
            return s.append("<p class=\"muted\">Comparisons between arms are in the unblinded report.</p></section>")
                    .toString();
        }
        List<PlannedAnalyses.Result> results = PlannedAnalyses.run(t, plan);
        for (PlannedAnalyses.Result r : results) {
            Endpoint e = r.endpoint();
            Estimate c = r.contrast();
            String estimate = c == null ? "—" : c.term() + ": " + Html.num(c.estimate()) + (c.ciLow() == null ? ""
                    : " (" + Html.num(c.ciLow()) + " to " + Html.num(c.ciHigh()) + ")");
            rows.add(List.of(Html.esc(e.id() + (r.perProtocol() ? " (per protocol, supportive)" : "")),
                    Html.esc(e.variable()), Html.esc(times(e)), Html.esc(e.method().label()), Html.esc(r.visit() == null ? "—" : r.visit()), Html.esc(estimate), c == null ? "—"
                    : Html.p(c.p()), r.n() == null ? "—" : String.valueOf(r.n()), Html.esc(r.note() == null ? ""
                    : r.note())));
        }
        s.append(Html.table(List.of("endpoint", "variable", "registered time", "analysis", "visit compared",
                "estimate (95 % CI)", "p", "n", "note"), rows));
        if (results.stream().anyMatch(PlannedAnalyses.Result::perProtocol)) {
            long randomized = t.subjects().stream().filter(x -> x.group() != null).count();
            s.append("<p class=\"muted\">Per protocol: the ").append(PerProtocol.of(t).subjects().size())
                    .append(" of ").append(randomized).append(" randomized subjects who received every planned"
                    + " product. The deviations recorded (visits outside their windows) are minor and exclude no"
                    + " one.</p>");
        }
        for (PlannedAnalyses.Result r : results) {
            if (!r.perProtocol() && r.shifts() != null && !r.shifts().isEmpty()) {
                s.append(shifts(r, arms));
            }
        }
        return s.append("</section>").toString();
    }

    /** A class endpoint's shift table: subjects by baseline class (rows) and class at the visit (columns), by arm. */
    private static String shifts(PlannedAnalyses.Result r, Map<String, String> arms) {
        StringBuilder s = new StringBuilder("<h3>").append(Html.esc(r.endpoint().id() + ": " + r.endpoint().variable()
                + ", from baseline to " + r.visit())).append("</h3>");
        List<String> classes = r.shifts().values().stream().flatMap(b -> java.util.stream.Stream.concat(
                b.keySet().stream(), b.values().stream().flatMap(v -> v.keySet().stream()))).distinct()
                .sorted(PlannedAnalyses.CLASS_ORDER).toList();
        for (Map.Entry<String, Map<String, Map<String, Integer>>> arm : r.shifts().entrySet()) {
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, Map<String, Integer>> from : arm.getValue().entrySet()) {
                List<String> row = new ArrayList<>(List.of(Html.esc(from.getKey())));
                classes.forEach(c -> row.add(String.valueOf(from.getValue().getOrDefault(c, 0))));
                rows.add(row);
            }
            List<String> headers = new ArrayList<>(List.of(group(arm.getKey(), arms) + ": baseline ↓ / at "
                    + r.visit() + " →"));
            headers.addAll(classes);
            s.append(Html.table(headers, rows));
        }
        return s.toString();
    }

    private static String times(Endpoint e) {
        return e.timePoints().isEmpty() ? "—" : String.join(", ", e.timePoints().stream().map(Object::toString)
                .toList());
    }

    private static String outcomes(LockedTrial t, boolean blinded, Map<String, String> arms) {
        StringBuilder s = new StringBuilder("<section id=\"outcomes\"><h2>Outcomes</h2>");
        LockedTrial pooled = blinded ? pooled(t) : t;
        for (OutcomeAnalyses.Outcome o : OutcomeAnalyses.outcomes(pooled, LABELS)) {
            s.append("<div class=\"outcome\" id=\"outcome-").append(Html.esc(o.item())).append("\"><h3>")
                    .append(Html.esc(o.label())).append("</h3>");
            List<MeansPlot.Series> series = o.means().stream().map(m -> new MeansPlot.Series(group(m.name(), arms),
                    m.points())).toList();
            s.append(MeansPlot.svg(series, "months from the first administration", o.label(), null));
            if (!blinded) {
                s.append("<p class=\"muted\">Compared at ").append(Html.esc(o.visit() == null ? "no visit" : o.visit()))
                        .append(".</p>");
                for (Analysis a : o.analyses()) {
                    s.append(analysisTable(a));
                }
                if (o.item().equals("gel_count") || o.item().equals("new_t2_count")) {
                    Analysis nb = OutcomeAnalyses.lesionCounts(t, o.item());
                    if (nb != null) {
                        s.append("<p class=\"muted\">Total over the first period's scans, negative binomial with the"
                                + " number of scans as exposure:</p>").append(analysisTable(nb));
                    }
                }
                o.notAnalysed().forEach(n -> s.append("<p class=\"muted\">Not analysed: ").append(Html.esc(n))
                        .append("</p>"));
            }
            s.append("</div>");
        }
        TimeToEvent p = OutcomeAnalyses.progression(t, blinded);
        if (p != null) {
            s.append("<div class=\"outcome\" id=\"outcome-edss-progression\"><h3>Time to confirmed EDSS progression"
                    + "</h3>").append(KaplanMeierPlot.svg(p.curves(), p.followUpDays(), "days", null));
            if (p.logRank() != null) {
                s.append(analysisTable(p.logRank()));
            }
            if (p.cox() != null) {
                s.append(analysisTable(p.cox()));
            }
            s.append("</div>");
        }
        return s.append("</section>").toString();
    }

    /** The locked data with every subject in one group, for the blinded report. */
    private static LockedTrial pooled(LockedTrial t) {
        return new LockedTrial(t.trial(), t.title(), false, t.subjects(), t.measurements().stream().map(m -> m.group()
                == null ? m : new LockedTrial.MeasurementRow(m.subject(), "all subjects", m.visit(), m.day(), m.months(),
                m.form(), m.item(), m.value())).toList(), t.adverseEvents(), t.products(), t.deviations());
    }

    private static String analysisTable(Analysis a) {
        List<List<String>> rows = new ArrayList<>();
        for (Estimate e : a.estimates()) {
            if (e.term().equals("(intercept)")) {
                continue;
            }
            rows.add(List.of(Html.esc(a.method()), Html.esc(e.term()), Html.num(e.estimate()), e.ciLow() == null ? ""
                    : Html.num(e.ciLow()) + " to " + Html.num(e.ciHigh()), Html.p(e.p())));
        }
        for (HypothesisTest h : a.tests()) {
            rows.add(List.of(Html.esc(a.method()), Html.esc(h.name()), Html.num(h.statistic()), "", Html.p(h.p())));
        }
        String notes = a.notes().isEmpty() ? "" : "<p class=\"muted\">" + Html.esc(String.join("; ", a.notes()))
                + "</p>";
        return Html.table(List.of("Method", "Term", "Estimate", "95% CI", "p"), rows) + notes;
    }

    /**
     * Safety in the treated: adverse events from the first administration on (treatment-emergent) by arm, and every
     * serious event. An event that began before the first administration is a baseline event: listed, counted apart,
     * never taken for an effect of the product.
     */
    private static String safety(LockedTrial t, boolean blinded, Map<String, String> arms) {
        Map<String, Integer> exposed = new LinkedHashMap<>();
        for (LockedTrial.SubjectRow s : t.subjects()) {
            if (s.group() != null && s.firstAdministration() != null) {
                exposed.merge(blinded ? "all subjects" : group(s.group(), arms), 1, Integer::sum);
            }
        }
        List<SafetyTable.Event> events = t.adverseEvents().stream().filter(TrialReport::treatmentEmergent).map(
                a -> new SafetyTable.Event(a.subject(), blinded ? "all subjects" : group(a.group(), arms),
                        a.event().grade().number(), a.event().isSerious(), a.related())).toList();
        List<SafetyTable.Row> table = SafetyTable.of(events, exposed);
        List<String> headers = new ArrayList<>(List.of("Subjects with"));
        exposed.forEach((arm, n) -> headers.add(arm + " (n = " + n + ")"));
        List<List<String>> rows = new ArrayList<>();
        for (SafetyTable.Row r : table) {
            List<String> row = new ArrayList<>(List.of(Html.esc(r.label())));
            r.byArm().values().forEach(c -> row.add(c.subjects() + " (" + Html.num(c.percent()) + " %); " + c.events()
                    + " events"));
            rows.add(row);
        }
        long before = t.adverseEvents().stream().filter(TrialReport::beforeTreatment).count();
        long untreated = t.adverseEvents().stream().filter(a -> a.daysFromAdministration() == null).count();
        List<List<String>> serious = t.adverseEvents().stream().filter(a -> a.event().isSerious()).map(a -> List.of(
                Html.esc(a.event().id()), Html.esc(a.event().term()), String.valueOf(a.event().grade().number()),
                a.susar() ? "SUSAR" : "", Html.esc(a.event().onset()), fromAdministration(a))).toList();
        return "<section id=\"safety\"><h2>Safety</h2><p class=\"muted\">Treatment-emergent events: from the day of the"
                + " first administration on. " + before + " event" + (before == 1 ? "" : "s") + " began before it"
                + " (baseline events) and " + untreated + " in subjects never treated: neither counted here.</p>"
                + Html.table(headers, rows)
                + "<h3>Serious adverse events</h3>" + Html.table(List.of("Event", "Term", "Grade", "Expedited", "Onset",
                "From administration"), serious) + mace(t, blinded, arms) + "</section>";
    }

    /** An event on or after the subject's first administration. */
    private static boolean treatmentEmergent(LockedTrial.AdverseEventRow a) {
        return a.daysFromAdministration() != null && a.daysFromAdministration() >= 0;
    }

    /** An event that began before the subject's first administration: a baseline event. */
    private static boolean beforeTreatment(LockedTrial.AdverseEventRow a) {
        return a.daysFromAdministration() != null && a.daysFromAdministration() < 0;
    }

    private static String fromAdministration(LockedTrial.AdverseEventRow a) {
        Long d = a.daysFromAdministration();
        if (d == null) {
            return "not treated";
        }
        return d < 0 ? "before it (day " + d + ")" : "day " + d;
    }

    /**
     * Major adverse cardiac events, when the trial has any: by category and arm, and the time from the first
     * administration to the first of them (Kaplan–Meier; log-rank unblinded), a subject without one being censored at
     * the last day the trial knew of them.
     */
    private static String mace(LockedTrial t, boolean blinded, Map<String, String> arms) {
        List<LockedTrial.AdverseEventRow> events = t.adverseEvents().stream().filter(a -> a.event().mace() != null)
                .toList();
        if (events.isEmpty()) {
            return "";
        }
        Map<String, Map<String, Integer>> byCategory = new TreeMap<>();
        for (LockedTrial.AdverseEventRow a : events) {
            byCategory.computeIfAbsent(Words.of(a.event().mace()), k -> new TreeMap<>())
                    .merge(blinded ? "all subjects" : group(a.group(), arms), 1, Integer::sum);
        }
        List<String> columns = new ArrayList<>(new TreeSet<>(blinded ? List.of("all subjects")
                : new ArrayList<>(arms.values())));
        List<String> headers = new ArrayList<>(List.of("Category"));
        headers.addAll(columns);
        List<List<String>> rows = byCategory.entrySet().stream().map(e -> {
            List<String> row = new ArrayList<>(List.of(Html.esc(e.getKey())));
            columns.forEach(c -> row.add(String.valueOf(e.getValue().getOrDefault(c, 0))));
            return row;
        }).toList();
        long before = events.stream().filter(TrialReport::beforeTreatment).count();
        StringBuilder s = new StringBuilder("<h3>Major adverse cardiac events</h3>").append(Html.table(headers, rows));
        if (before > 0) {
            s.append("<p class=\"muted\">").append(before).append(" of them began before the first administration:"
                    + " baseline events, not counted in the time to the first event.</p>");
        }
        TimeToEvent first = OutcomeAnalyses.timeToFirstMace(t, blinded, arms);
        if (first != null) {
            s.append(KaplanMeierPlot.svg(first.curves(), first.followUpDays(), "days from the first administration",
                    "Free of a major adverse cardiac event"));
            if (first.logRank() != null) {
                s.append(analysisTable(first.logRank()));
            }
        }
        return s.toString();
    }

    private static String products(LockedTrial t, boolean blinded) {
        List<LockedTrial.ProductRow> made = t.products().stream().filter(p -> p.outcome()
                != ProductOutcome.IN_PROGRESS).toList();
        // blinded, a product's outcome reads as its blinded data does: "not released", whatever kept it back
        Map<String, Long> outcomes = made.stream().collect(Collectors.groupingBy(p -> blinded
                ? LockedTrialCsv.blindedOutcome(p.outcome()) : p.outcome().words(), TreeMap::new,
                Collectors.counting()));
        DoubleSummaryStatistics culture = t.products().stream().filter(p -> p.cultureDays() != null).mapToDouble(
                LockedTrial.ProductRow::cultureDays).summaryStatistics();
        DoubleSummaryStatistics viability = t.products().stream().filter(p -> p.viabilityPercent() != null)
                .mapToDouble(LockedTrial.ProductRow::viabilityPercent).summaryStatistics();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("products ordered", String.valueOf(t.products().size())));
        outcomes.forEach((k, v) -> rows.add(List.of(Html.esc(k), String.valueOf(v))));
        long released = made.stream().filter(p -> p.outcome() != ProductOutcome.REJECTED).count();
        rows.add(List.of("manufacturing success", made.isEmpty() ? "" : Html.num(100.0 * released / made.size())
                + " %"));
        if (!blinded && culture.getCount() > 0) {
            // culture days and viability belong to cell products: shown only where the arm may be known
            rows.add(List.of("culture days, mean (range)", Html.num(culture.getAverage()) + " (" + Html.num(culture
                    .getMin()) + "–" + Html.num(culture.getMax()) + ")"));
            rows.add(List.of("viability %, mean (range)", Html.num(viability.getAverage()) + " (" + Html.num(viability
                    .getMin()) + "–" + Html.num(viability.getMax()) + ")"));
            DoubleSummaryStatistics cells = t.products().stream().filter(p -> p.cellsGiven() != null
                    && p.cellsGiven() > 0).mapToDouble(LockedTrial.ProductRow::cellsGiven).summaryStatistics();
            if (cells.getCount() > 0) {
                rows.add(List.of("cells given, mean (range)", Html.cells(cells.getAverage()) + " (" + Html.cells(
                        cells.getMin()) + "–" + Html.cells(cells.getMax()) + ")"));
            }
        }
        return "<section id=\"products\"><h2>Cell products</h2>" + Html.table(List.of("", ""), rows)
                + DoseComparison.html(t, blinded) + SubjectDoses.html(t, blinded) + "</section>";
    }

    private static String deviations(LockedTrial t) {
        List<List<String>> rows = t.deviations().stream().map(d -> List.of(Html.esc(d.subject()), Html.esc(d.date()),
                Html.esc(d.what()))).toList();
        return "<section id=\"deviations\"><h2>Protocol deviations (" + rows.size() + ")</h2>" + Html.table(List.of(
                "Subject", "Date", "Deviation"), rows) + "</section>";
    }

    private static final String CSS = "body{font-family:sans-serif;max-width:60rem;margin:1rem auto;color:#1d2a33}"
            + "table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ccd;padding:.25rem .5rem;"
            + "text-align:left;vertical-align:top}th{background:#eef2f5}.muted{color:#5f6f78}"
            + "table.flow{border-collapse:separate;border-spacing:1rem .5rem;margin:0 auto}table.flow td{border:0;"
            + "padding:0;text-align:center}.box{display:inline-block;text-align:left;border:1px solid #446;"
            + "padding:.4rem .7rem;border-radius:3px;background:#fff;max-width:22rem}section{margin-bottom:1.5rem}"
            + ".outcome{border-top:1px solid #dde;padding-top:.5rem}"
            // a plot is one picture: the PDF starts a new page rather than cut one in two, or part it from its title
            + "svg{display:block;page-break-inside:avoid}h3{page-break-after:avoid}";
}
