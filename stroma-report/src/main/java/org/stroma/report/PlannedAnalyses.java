package org.stroma.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.stroma.analysis.compare.TTest;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.data.DataSet;
import org.stroma.analysis.result.Analysis;
import org.stroma.analysis.result.Estimate;
import org.stroma.analysis.run.Columns;
import org.stroma.analysis.run.DataAnalysis;
import org.stroma.analysis.run.Method;
import org.stroma.protocol.Offset;
import org.stroma.trial.instrument.Mlhfq;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.plan.Endpoint;
import org.stroma.trial.plan.PlannedMethod;

/**
 * The analysis plan's endpoints run on the locked data, primary first, each by its prespecified method at its
 * registered time point: the visit whose median time from the first administration is nearest to it (MMRM, ANCOVA,
 * proportional odds with the shift table, a single group's change from baseline), at the end of each period (a
 * crossover), over follow-up (counts, the first major adverse cardiac event, subjects with adverse events). Where the
 * plan asks for it, the same analysis follows in the per-protocol population, marked supportive. An endpoint whose
 * analysis is not run here says why (not yet decided, reported in the sections after it, or could not be run);
 * nothing else is substituted for it.
 */
final class PlannedAnalyses {
    /** A time to an event the adverse event form records as a category of its own: major adverse cardiac events. */
    private static final Pattern MACE = Pattern.compile("\\bmajor (?:adverse )?cardi(?:ac|ovascular) events?\\b"
            + "|\\bmace\\b");

    private PlannedAnalyses() {
    }

    /**
     * One endpoint's result: the visit compared, the contrast (null when not run), and why not; for classes, how many
     * subjects of each arm moved from each baseline class to each class at the visit (null otherwise).
     */
    record Result(Endpoint endpoint, String visit, Estimate contrast, Integer n, String note,
            Map<String, Map<String, Map<String, Integer>>> shifts, boolean perProtocol) {

        Result(Endpoint endpoint, String visit, Estimate contrast, Integer n, String note,
                Map<String, Map<String, Map<String, Integer>>> shifts) {
            this(endpoint, visit, contrast, n, note, shifts, false);
        }

        Result(Endpoint endpoint, String visit, Estimate contrast, Integer n, String note) {
            this(endpoint, visit, contrast, n, note, null);
        }

        Result inPerProtocol() {
            return new Result(endpoint, visit, contrast, n, note, shifts, true);
        }
    }

    /**
     * Each endpoint's result, in the plan's order; right after it, where the plan asks for it, the same analysis in
     * the per-protocol population, marked supportive.
     */
    static List<Result> run(LockedTrial t, AnalysisPlan plan) {
        List<Result> results = new ArrayList<>();
        LockedTrial perProtocol = null;
        for (Endpoint e : plan.endpoints()) {
            results.add(guarded(t, e));
            if (PerProtocol.asked(e)) {
                perProtocol = perProtocol == null ? PerProtocol.of(t) : perProtocol;
                results.add(guarded(perProtocol, e).inPerProtocol());
            }
        }
        return results;
    }

    private static Result guarded(LockedTrial t, Endpoint e) {
        try {
            return result(t, e);
        } catch (DataException | IllegalArgumentException | ArithmeticException x) {
            return new Result(e, null, null, null, "could not be run: " + x.getMessage());
        }
    }

    private static Result result(LockedTrial t, Endpoint e) {
        if (e.method() == PlannedMethod.UNDECIDED) {
            return new Result(e, null, null, null, "not run: the analysis is not decided");
        }
        if (e.method() == PlannedMethod.RISK_DIFFERENCE && !t.crossover()) {
            return SubjectsWithEvents.byArm(t, e, reference(t));
        }
        if (e.method() == PlannedMethod.PAIRED_PROPORTIONS && t.crossover()) {
            return SubjectsWithEvents.byTreatmentWithinSubjects(t, e);
        }
        if (e.method() == PlannedMethod.PROPORTION_WITH_EXACT_INTERVAL) {
            return SubjectsWithEvents.oneGroup(t, e);
        }
        if (e.method() == PlannedMethod.CROSSOVER && e.item() != null) {
            return crossover(t, e);
        }
        if (e.method() == PlannedMethod.NEGATIVE_BINOMIAL && e.item() != null && !t.crossover()) {
            return counts(t, e);
        }
        if (e.method() == PlannedMethod.COX && e.item() == null && !t.crossover() && MACE.matcher((e.registeredMeasure()
                + " " + e.variable()).toLowerCase(Locale.ROOT)).find()) {
            return firstMajorCardiacEvent(t, e);
        }
        if (!e.method().readsAnItem() || e.item() == null || e.timePoints().isEmpty()) {
            return new Result(e, null, null, null, "reported in the sections below");
        }
        Offset at = e.timePoints().get(0);
        Visits visits = Visits.of(t, e.item());
        String visit = visits.nearest(at);
        if (visit == null) {
            return new Result(e, null, null, null, "no follow-up visit of " + e.item() + " was recorded");
        }
        if (e.method() == PlannedMethod.WITHIN_SUBJECT_CHANGE) {
            return changeFromBaseline(e, visits.atVisit(visit), visit);
        }
        Columns columns = Columns.none().withGroup("group", reference(t));
        Analysis a;
        java.util.function.Predicate<String> contrastTerm;
        if (e.method() == PlannedMethod.MMRM) {
            a = DataAnalysis.run(visits.longData(), Method.MMRM, columns.withOutcome("change", "baseline", List.of())
                    .withRepeatedMeasures("subject", "visit"), null);
            contrastTerm = term -> term.contains(" − ") && term.endsWith(" at " + visit);
        } else if (e.method() == PlannedMethod.ANCOVA) {
            a = DataAnalysis.run(visits.atVisit(visit), Method.ANCOVA, columns.withOutcome("followup", "baseline",
                    List.of()), null);
            contrastTerm = term -> term.startsWith("group=");
        } else {
            try {
                a = DataAnalysis.run(visits.atVisit(visit), Method.ORDINAL, columns.withOutcome("followup", "baseline",
                        List.of()), null);
            } catch (DataException | IllegalArgumentException | ArithmeticException x) {
                // the shift table describes the classes whether or not the model can be fitted (a class kept from
                // baseline by every subject of a small trial separates the model): it is shown with the reason
                return new Result(e, visit, null, null, "could not be run: " + x.getMessage(), visits.shifts(visit));
            }
            contrastTerm = term -> term.startsWith("odds ratio group=");
        }
        Estimate contrast = a.estimates().stream().filter(x -> contrastTerm.test(x.term())).findFirst().orElse(null);
        String covariance = a.notes().stream().filter(n -> n.startsWith("covariance:")).findFirst().orElse(null);
        return new Result(e, visit, contrast, a.n(), covariance, e.method() == PlannedMethod.PROPORTIONAL_ODDS
                ? visits.shifts(visit) : null);
    }

    /**
     * Counts over follow-up: each subject's total over the assessments after baseline, by negative binomial regression
     * on the arm with the log of the number of assessments as offset, and the baseline count as covariate where the
     * count has one.
     */
    private static Result counts(LockedTrial t, Endpoint e) {
        Analysis a = OutcomeAnalyses.lesionCounts(t, e.item(), reference(t));
        if (a == null) {
            return new Result(e, null, null, null, "could not be run: fewer than 4 subjects with the count (and its"
                    + " baseline, where it has one), or counts that vary no more than a Poisson's");
        }
        Estimate ratio = a.estimates().stream().filter(x -> x.term().startsWith("rate ratio")).findFirst().orElse(
                null);
        return new Result(e, "every assessment after baseline", ratio, a.n(), "total over the assessments, their"
                + " number as offset" + (a.estimates().stream().anyMatch(x -> x.term().contains("baseline"))
                ? "; baseline count as covariate" : ""));
    }

    /**
     * The time to the first major adverse cardiac event after the first administration (the category the adverse
     * event form records), censored at the last contact: Cox regression on the arm, Efron's ties.
     */
    private static Result firstMajorCardiacEvent(LockedTrial t, Endpoint e) {
        TimeToEvent first = OutcomeAnalyses.timeToFirstMace(t, false, Map.of(), true);
        if (first == null || first.cox() == null) {
            return new Result(e, null, null, null, "could not be run: too few subjects or events");
        }
        Estimate hazard = first.cox().estimates().stream().filter(x -> x.term().startsWith("hazard ratio"))
                .findFirst().orElse(null);
        return new Result(e, "over follow-up", hazard, first.cox().n(), "events: major adverse cardiac events as"
                + " recorded; Efron's ties");
    }

    /**
     * A single group's change from baseline to the visit: its mean with the one-sample t interval (classes counted as
     * their numbers, NYHA I as 1).
     */
    private static Result changeFromBaseline(Endpoint e, DataSet d, String visit) {
        Double[] baseline = d.numbers("baseline");
        Double[] followUp = d.numbers("followup");
        double[] change = IntStream.range(0, d.rows()).filter(i -> baseline[i] != null
                && followUp[i] != null).mapToDouble(i -> followUp[i] - baseline[i]).toArray();
        if (change.length < 2) {
            return new Result(e, visit, null, change.length, "fewer than 2 subjects with a baseline and a value at"
                    + " the visit");
        }
        return new Result(e, visit, TTest.oneSample(change, "mean change from baseline"), change.length,
                "one-sample t");
    }

    /**
     * A crossover's continuous or count endpoint: each subject's value at the end of each period, by the two-period
     * crossover analysis (treatment, period, carryover); the contrast is the treatments' difference.
     */
    private static Result crossover(LockedTrial t, Endpoint e) {
        List<LockedTrial.MeasurementRow> rows = t.measurements().stream().filter(m -> m.item().equals(e.item())
                && m.group() != null && OutcomeAnalyses.numeric(m.value())).toList();
        OutcomeAnalyses.Outcome o = OutcomeAnalyses.crossover(t, e.item(), rows, Map.of());
        Analysis a = o.analyses().isEmpty() ? null : o.analyses().get(0);
        if (a == null) {
            return new Result(e, null, null, null, "could not be run: " + String.join("; ", o.notAnalysed()));
        }
        Estimate contrast = a.estimates().stream().filter(x -> x.term().contains(" − ")).findFirst().orElse(null);
        return new Result(e, o.visit(), contrast, a.n(), "treatment, period and carryover");
    }

    /** The reference arm: the one whose treatments name a placebo, else the first. */
    private static String reference(LockedTrial t) {
        return t.subjects().stream().filter(s -> s.group() != null).sorted(Comparator.comparing(
                LockedTrial.SubjectRow::group)).filter(s -> s.treatments() != null && s.treatments().toLowerCase(
                Locale.ROOT).contains("placebo")).map(LockedTrial.SubjectRow::group).findFirst().orElseGet(() -> t
                .subjects().stream().map(LockedTrial.SubjectRow::group).filter(g -> g != null).sorted().findFirst()
                .orElseThrow(() -> new DataException("no subject was randomized")));
    }

    /** Classes in their order: roman numerals and numbers by value ("IV" after "III", "10" after "9"). */
    static final Comparator<String> CLASS_ORDER = Comparator.<String>comparingDouble(v -> Visits.number(v).matches(
            "-?\\d+(?:\\.\\d+)?") ? Double.parseDouble(Visits.number(v)) : Double.MAX_VALUE)
            .thenComparing(Comparator.naturalOrder());

    /** The variable the plan names for the MLHFQ: the total of its 21 items, computed here from the answers. */
    private static final String MLHFQ_TOTAL = "mlhfq_total";

    /** One item's values by subject: at baseline and at each follow-up visit, with each visit's median time. */
    record Visits(Map<String, String> group, Map<String, String> baseline,
            Map<String, Map<String, String>> byVisit, Map<String, List<Double>> months) {

        static Visits of(LockedTrial t, String item) {
            Visits v = new Visits(new LinkedHashMap<>(), new TreeMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
            for (LockedTrial.MeasurementRow m : item.equals(MLHFQ_TOTAL) ? mlhfqTotals(t) : t.measurements()) {
                if (!m.item().equals(item) || m.group() == null || m.value() == null || m.value().isBlank()) {
                    continue;
                }
                v.group.put(m.subject(), m.group());
                if (m.months() == null || m.months() <= 0 || m.visit().equals("Baseline")) {
                    v.baseline.put(m.subject(), m.value());
                } else {
                    v.byVisit.computeIfAbsent(m.visit(), k -> new TreeMap<>()).put(m.subject(), m.value());
                    v.months.computeIfAbsent(m.visit(), k -> new ArrayList<>()).add(m.months());
                }
            }
            return v;
        }

        /**
         * The MLHFQ total of each subject's questionnaire at each visit, as a row of its own; a questionnaire with an
         * item missing has no total (the strict rule: a total is the sum of all 21 answers).
         */
        private static List<LockedTrial.MeasurementRow> mlhfqTotals(LockedTrial t) {
            Map<String, List<LockedTrial.MeasurementRow>> forms = new LinkedHashMap<>();
            t.measurements().stream().filter(m -> m.form().equals("mlhfq") && m.item().startsWith("item_"))
                    .forEach(m -> forms.computeIfAbsent(m.subject() + "\u0000" + m.visit(), k -> new ArrayList<>()).add(m));
            List<LockedTrial.MeasurementRow> totals = new ArrayList<>();
            for (List<LockedTrial.MeasurementRow> answers : forms.values()) {
                Map<Integer, Integer> responses = new TreeMap<>();
                for (LockedTrial.MeasurementRow a : answers) {
                    if (a.value() != null && a.value().matches("\\d+")) {
                        responses.put(Integer.parseInt(a.item().substring("item_".length())), Integer.parseInt(a.value()));
                    }
                }
                Double total = Mlhfq.strict().score(responses).get("total");
                LockedTrial.MeasurementRow first = answers.get(0);
                totals.add(new LockedTrial.MeasurementRow(first.subject(), first.group(), first.visit(), first.day(),
                        first.months(), first.form(), MLHFQ_TOTAL, total == null ? null : String.valueOf(total)));
            }
            return totals;
        }

        /** The follow-up visit whose median time is nearest to the registered one. */
        String nearest(Offset at) {
            double target = at.approximateDays() / 30.44;
            return months.keySet().stream().min(Comparator.comparingDouble(k -> Math.abs(median(months.get(k))
                    - target))).orElse(null);
        }

        /** One row per subject with a baseline and a value at the visit: baseline, follow-up. */
        DataSet atVisit(String visit) {
            Map<String, List<String>> columns = columns("subject", "group", "baseline", "followup");
            byVisit.getOrDefault(visit, Map.of()).forEach((subject, value) -> {
                if (baseline.containsKey(subject)) {
                    add(columns, subject, group.get(subject), number(baseline.get(subject)), number(value));
                }
            });
            return new DataSet(columns);
        }

        /** By arm, how many subjects went from each baseline class to each class at the visit. */
        Map<String, Map<String, Map<String, Integer>>> shifts(String visit) {
            Map<String, Map<String, Map<String, Integer>>> shifts = new TreeMap<>();
            byVisit.getOrDefault(visit, Map.of()).forEach((subject, value) -> {
                if (baseline.containsKey(subject)) {
                    shifts.computeIfAbsent(group.get(subject), g -> new TreeMap<>(CLASS_ORDER)).computeIfAbsent(
                            baseline.get(subject), b -> new TreeMap<>(CLASS_ORDER)).merge(value, 1, Integer::sum);
                }
            });
            return shifts;
        }

        /** One row per subject and follow-up visit: the change from baseline, for the repeated-measures model. */
        DataSet longData() {
            Map<String, List<String>> columns = columns("subject", "group", "visit", "baseline", "change");
            byVisit.forEach((visit, values) -> values.forEach((subject, value) -> {
                if (baseline.containsKey(subject)) {
                    double b = Double.parseDouble(baseline.get(subject));
                    add(columns, subject, group.get(subject), visit, String.valueOf(b), String.valueOf(
                            Double.parseDouble(value) - b));
                }
            }));
            return new DataSet(columns);
        }

        private static Map<String, List<String>> columns(String... names) {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            for (String n : names) {
                columns.put(n, new ArrayList<>());
            }
            return columns;
        }

        private static void add(Map<String, List<String>> columns, String... values) {
            int i = 0;
            for (List<String> column : columns.values()) {
                column.add(values[i++]);
            }
        }

        /** A class as a number for the model's baseline ("III" is 3); a number stays itself. */
        static String number(String value) {
            int roman = List.of("0", "I", "II", "III", "IV", "V", "VI").indexOf(value);
            return roman >= 0 ? String.valueOf(roman) : value;
        }

        private static double median(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }
}
