package org.stroma.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.data.DataSet;
import org.stroma.analysis.plot.MeansPlot;
import org.stroma.analysis.result.Analysis;
import org.stroma.analysis.result.Distributions;
import org.stroma.analysis.run.Columns;
import org.stroma.analysis.run.DataAnalysis;
import org.stroma.analysis.run.Method;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.measure.EdssProgression;

/**
 * The outcome analyses of a locked trial, chosen by its design. A parallel trial: for each measured number, change
 * from baseline to the last visit most subjects reached, by arm, with ANCOVA adjusted for baseline, Welch's t and
 * Mann–Whitney. A crossover: each number at the end of each period, by the two-period crossover analysis. A trial
 * with EDSS: time to confirmed progression by Kaplan–Meier and log-rank. Means over time by arm for the plots.
 */
final class OutcomeAnalyses {
    private OutcomeAnalyses() {
    }

    /** One outcome: its item, the visit compared, what was run (or why not), and its means over time. */
    record Outcome(String item, String label, String visit, List<Analysis> analyses, List<String> notAnalysed,
            List<MeansPlot.Series> means) {
    }

    static List<Outcome> outcomes(LockedTrial t, Map<String, String> labels) {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, List<LockedTrial.MeasurementRow>> byItem = t.measurements().stream().filter(m -> numeric(m.value()))
                .filter(m -> m.group() != null).collect(Collectors.groupingBy(LockedTrial.MeasurementRow::item,
                        LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<LockedTrial.MeasurementRow>> e : byItem.entrySet()) {
            if (e.getKey().startsWith("item_") || e.getKey().equals("temperature")) {
                continue; // questionnaire items are reported through their scores; temperature is safety
            }
            Outcome o = t.crossover() ? crossover(t, e.getKey(), e.getValue(), labels)
                    : parallel(e.getKey(), e.getValue(), labels);
            if (o != null) {
                outcomes.add(o);
            }
        }
        return outcomes;
    }

    static boolean numeric(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    private static Outcome parallel(String item, List<LockedTrial.MeasurementRow> rows,
            Map<String, String> labels) {
        Map<String, Double> baseline = new LinkedHashMap<>();
        Map<String, String> group = new LinkedHashMap<>();
        Map<String, Map<String, Double>> byVisit = new LinkedHashMap<>();
        Map<String, List<Double>> visitMonths = new LinkedHashMap<>();
        for (LockedTrial.MeasurementRow m : rows) {
            group.put(m.subject(), m.group());
            double v = Double.parseDouble(m.value());
            if (m.months() == null || m.months() <= 0 || m.visit().equals("Baseline")) {
                baseline.put(m.subject(), v);
            } else {
                byVisit.computeIfAbsent(m.visit(), k -> new LinkedHashMap<>()).put(m.subject(), v);
                visitMonths.computeIfAbsent(m.visit(), k -> new ArrayList<>()).add(m.months());
            }
        }
        if (baseline.isEmpty() || byVisit.isEmpty()) {
            return null;
        }
        // the latest visit at least half the subjects with a baseline reached
        String visit = byVisit.keySet().stream().filter(v -> byVisit.get(v).keySet().stream().filter(
                baseline::containsKey).count() * 2 >= baseline.size()).max(Comparator.comparingDouble(v -> median(
                visitMonths.get(v)))).orElse(null);
        List<MeansPlot.Series> means = means(rows, group);
        if (visit == null) {
            return new Outcome(item, labels.getOrDefault(item, item), null, List.of(), List.of("fewer than half the"
                    + " subjects reached a follow-up visit"), means);
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String c : List.of("subject", "group", "baseline", "followup", "change")) {
            columns.put(c, new ArrayList<>());
        }
        for (Map.Entry<String, Double> b : baseline.entrySet()) {
            Double f = byVisit.get(visit).get(b.getKey());
            if (f == null) {
                continue;
            }
            columns.get("subject").add(b.getKey());
            columns.get("group").add(group.get(b.getKey()));
            columns.get("baseline").add(String.valueOf(b.getValue()));
            columns.get("followup").add(String.valueOf(f));
            columns.get("change").add(String.valueOf(f - b.getValue()));
        }
        List<Analysis> analyses = new ArrayList<>();
        List<String> not = new ArrayList<>();
        if (columns.get("subject").size() < 3) {
            return new Outcome(item, labels.getOrDefault(item, item), visit, analyses, List.of("fewer than three"
                    + " subjects have a value at baseline and at " + visit), means);
        }
        DataSet data = new DataSet(columns);
        String reference = data.levels("group").get(0);
        Columns byGroup = Columns.none().withGroup("group", reference);
        run(data, Method.ANCOVA, byGroup.withOutcome("followup", "baseline", null), analyses, not);
        run(data, Method.TTEST, byGroup.withOutcome("change", null, null), analyses, not);
        run(data, Method.MANNWHITNEY, byGroup.withOutcome("change", null, null), analyses, not);
        return new Outcome(item, labels.getOrDefault(item, item), visit, analyses, not, means);
    }

    private static void run(DataSet data, Method method, Columns columns, List<Analysis> analyses, List<String> not) {
        try {
            analyses.add(DataAnalysis.run(data, method, columns, null));
        } catch (DataException | IllegalArgumentException | ArithmeticException e) {
            not.add(method.code() + ": " + e.getMessage());
        }
    }

    /**
     * Lesion counts as the MS trials analyse them: each subject's total over the scans of the first period (before
     * any crossover), by negative binomial regression on the group with the subject's baseline count (when the count
     * has one) and the log of the number of scans as offset.
     */
    static Analysis lesionCounts(LockedTrial t, String item) {
        return lesionCounts(t, item, null);
    }

    /** The same, compared against the arm (its group code) given, or the first by name when null. */
    static Analysis lesionCounts(LockedTrial t, String item, String referenceGroup) {
        String reference = referenceGroup == null ? null : t.subjects().stream().filter(s -> referenceGroup.equals(
                s.group())).findFirst().map(s -> firstTreatment(t, s.subject(), s.group()).split(" then ")[0])
                .orElse(null);
        Map<String, LocalDate> secondPeriod = new LinkedHashMap<>();
        t.products().stream().filter(p -> p.period() == 2 && p.administered() != null).forEach(p -> secondPeriod.put(
                p.subject(), p.administered()));
        Map<String, Double> baseline = new TreeMap<>();
        Map<String, double[]> totals = new TreeMap<>();
        Map<String, String> group = new LinkedHashMap<>();
        for (LockedTrial.MeasurementRow m : t.measurements()) {
            if (!m.item().equals(item) || m.group() == null || !numeric(m.value())) {
                continue;
            }
            double v = Double.parseDouble(m.value());
            group.put(m.subject(), firstTreatment(t, m.subject(), m.group()).split(" then ")[0]);
            if (m.months() == null || m.months() <= 0 || m.visit().equals("Baseline")) {
                baseline.put(m.subject(), v);
            } else if (secondPeriod.get(m.subject()) == null || !m.day().isAfter(secondPeriod.get(m.subject()))) {
                double[] total = totals.computeIfAbsent(m.subject(), k -> new double[2]);
                total[0] += v;
                total[1]++;
            }
        }
        // a count first taken after the first administration (an ICD's shocks) has no baseline to adjust for
        boolean withBaseline = !baseline.isEmpty();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String c : withBaseline ? List.of("subject", "group", "lesions", "scans", "baseline") : List.of("subject",
                "group", "lesions", "scans")) {
            columns.put(c, new ArrayList<>());
        }
        totals.forEach((subject, total) -> {
            if (!withBaseline || baseline.containsKey(subject)) {
                columns.get("subject").add(subject);
                columns.get("group").add(group.get(subject));
                columns.get("lesions").add(String.valueOf((long) total[0]));
                columns.get("scans").add(String.valueOf((long) total[1]));
                if (withBaseline) {
                    columns.get("baseline").add(String.valueOf(baseline.get(subject)));
                }
            }
        });
        if (columns.get("subject").size() < 4) {
            return null;
        }
        try {
            return DataAnalysis.run(new DataSet(columns), Method.NEGBIN, Columns.none().withGroup("group", reference)
                    .withOutcome("lesions", withBaseline ? "baseline" : null, null).withOffset("scans"), null);
        } catch (DataException | IllegalArgumentException | ArithmeticException e) {
            return null; // no overdispersion, or one group: the counts stand as described
        }
    }

    /** A crossover's outcome: each subject's value at the last visit of each period, by the period's treatment. */
    static Outcome crossover(LockedTrial t, String item, List<LockedTrial.MeasurementRow> rows,
            Map<String, String> labels) {
        Map<String, LocalDate> secondPeriod = new LinkedHashMap<>();
        t.products().stream().filter(p -> p.period() == 2 && p.administered() != null).forEach(p -> secondPeriod.put(
                p.subject(), p.administered()));
        Map<String, String> sequence = new LinkedHashMap<>();
        t.subjects().stream().filter(s -> s.treatments() != null).forEach(s -> sequence.put(s.subject(),
                s.treatments()));
        Map<String, double[]> periodEnd = new TreeMap<>();
        Map<String, LocalDate[]> when = new TreeMap<>();
        for (LockedTrial.MeasurementRow m : rows) {
            LocalDate start2 = secondPeriod.get(m.subject());
            if (start2 == null || m.months() == null || m.months() <= 0) {
                continue;
            }
            // an assessment on the day of the second administration is taken before it: the first period's
            int period = m.day().isAfter(start2) ? 1 : 0;
            double[] values = periodEnd.computeIfAbsent(m.subject(), k -> new double[] {Double.NaN, Double.NaN});
            LocalDate[] days = when.computeIfAbsent(m.subject(), k -> new LocalDate[2]);
            if (days[period] == null || !m.day().isBefore(days[period])) {
                days[period] = m.day();
                values[period] = Double.parseDouble(m.value());
            }
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String c : List.of("subject", "period", "sequence", "treatment", "value")) {
            columns.put(c, new ArrayList<>());
        }
        for (Map.Entry<String, double[]> e : periodEnd.entrySet()) {
            String[] treatments = sequence.getOrDefault(e.getKey(), "").split(" then ");
            for (int p = 0; p < 2; p++) {
                if (Double.isNaN(e.getValue()[p]) || treatments.length < 2) {
                    continue;
                }
                columns.get("subject").add(e.getKey());
                columns.get("period").add(String.valueOf(p + 1));
                columns.get("sequence").add(sequence.get(e.getKey()));
                columns.get("treatment").add(treatments[p]);
                columns.get("value").add(String.valueOf(e.getValue()[p]));
            }
        }
        Map<String, String> group = new LinkedHashMap<>();
        rows.forEach(m -> group.put(m.subject(), m.group()));
        List<MeansPlot.Series> means = means(rows, group);
        List<Analysis> analyses = new ArrayList<>();
        List<String> not = new ArrayList<>();
        if (columns.get("subject").isEmpty()) {
            return new Outcome(item, labels.getOrDefault(item, item), null, analyses, List.of("no subject has a value"
                    + " in both periods"), means);
        }
        run(new DataSet(columns), Method.CROSSOVER, Columns.none().withCrossover("subject", "period", "sequence")
                .withOutcome("value", null, null).withGroup("treatment", null), analyses, not);
        return new Outcome(item, labels.getOrDefault(item, item), "end of each period", analyses, not, means);
    }

    /** Mean and 95 % interval of an item at each visit, by group, placed at the visit's median month. */
    static List<MeansPlot.Series> means(List<LockedTrial.MeasurementRow> rows, Map<String, String> group) {
        Map<String, Map<String, List<Double>>> byGroup = new TreeMap<>();
        Map<String, List<Double>> months = new LinkedHashMap<>();
        for (LockedTrial.MeasurementRow m : rows) {
            String g = group.get(m.subject());
            byGroup.computeIfAbsent(g, k -> new LinkedHashMap<>()).computeIfAbsent(m.visit(), k -> new ArrayList<>())
                    .add(Double.parseDouble(m.value()));
            months.computeIfAbsent(m.visit(), k -> new ArrayList<>()).add(m.months() == null ? 0 : Math.max(0,
                    m.months()));
        }
        List<MeansPlot.Series> series = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Double>>> g : byGroup.entrySet()) {
            List<MeansPlot.Point> points = new ArrayList<>();
            for (Map.Entry<String, List<Double>> v : g.getValue().entrySet()) {
                List<Double> values = v.getValue();
                double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                double half = 0;
                if (values.size() > 1) {
                    double sd = Math.sqrt(values.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum()
                            / (values.size() - 1));
                    half = Distributions.t95(values.size() - 1) * sd / Math.sqrt(values.size());
                }
                points.add(new MeansPlot.Point(median(months.get(v.getKey())), mean, mean - half, mean + half));
            }
            points.sort(Comparator.comparingDouble(MeansPlot.Point::time));
            series.add(new MeansPlot.Series(g.getKey(), points));
        }
        return series;
    }

    /**
     * Time to confirmed EDSS progression by group, when EDSS was measured: an efficacy outcome of the randomized
     * (intention to treat), so counted from randomization. The baseline is the last assessment on or before the day of
     * randomization; a subject without one is left out, a subject with no later assessment is censored at
     * randomization.
     */
    static TimeToEvent progression(LockedTrial t, boolean blinded) {
        Map<String, List<LockedTrial.MeasurementRow>> edss = t.measurements().stream().filter(m -> m.item().equals(
                "edss")).filter(m -> m.group() != null && numeric(m.value())).collect(Collectors.groupingBy(
                LockedTrial.MeasurementRow::subject, TreeMap::new, Collectors.toList()));
        if (edss.isEmpty()) {
            return null;
        }
        List<TimeToEvent.Observation> observations = new ArrayList<>();
        for (LockedTrial.SubjectRow s : t.subjects()) {
            List<LockedTrial.MeasurementRow> list = edss.getOrDefault(s.subject(), List.of()).stream().sorted(
                    Comparator.comparing(LockedTrial.MeasurementRow::day)).toList();
            if (s.randomized() == null || list.isEmpty()) {
                continue;
            }
            LockedTrial.MeasurementRow base = list.stream().filter(m -> !m.day().isAfter(s.randomized())).reduce(
                    (a, b) -> b).orElse(null);
            if (base == null) {
                continue; // no baseline: nothing to progress from
            }
            List<EdssProgression.Assessment> later = list.stream().filter(m -> m.day().isAfter(base.day())).map(
                    m -> new EdssProgression.Assessment(m.day(), Double.parseDouble(m.value()))).toList();
            EdssProgression.Outcome o = EdssProgression.TWELVE_WEEKS.of(base.day(), Double.parseDouble(base.value()),
                    later, List.of());
            LocalDate end = o.day().isBefore(s.randomized()) ? s.randomized() : o.day();
            observations.add(new TimeToEvent.Observation(blinded ? "all subjects" : firstTreatment(t, s.subject(),
                    s.group()), s.randomized(), end, o.progressed()));
        }
        return TimeToEvent.of(observations, blinded, true);
    }

    /**
     * Time from the first administration to the first major adverse cardiac event, by arm: a safety outcome of the
     * treated, so counted from the first administration. An event before it is a baseline event, not the outcome; a
     * subject without an event is censored at the last day the trial knew of them.
     */
    static TimeToEvent timeToFirstMace(LockedTrial t, boolean blinded, Map<String, String> arms) {
        return timeToFirstMace(t, blinded, arms, false);
    }

    /** The time to the first major adverse cardiac event, with Cox regression when asked (the plan's analysis). */
    static TimeToEvent timeToFirstMace(LockedTrial t, boolean blinded, Map<String, String> arms, boolean withCox) {
        List<TimeToEvent.Observation> observations = new ArrayList<>();
        for (LockedTrial.SubjectRow s : t.subjects()) {
            LocalDate origin = s.firstAdministration();
            if (origin == null || s.group() == null) {
                continue;
            }
            LocalDate first = t.adverseEvents().stream().filter(a -> a.subject().equals(s.subject())
                    && a.event().mace() != null && a.event().onset() != null && !a.event().onset().isBefore(origin))
                    .map(a -> a.event().onset()).min(LocalDate::compareTo).orElse(null);
            LocalDate censored = s.lastContact() == null || s.lastContact().isBefore(origin) ? origin
                    : s.lastContact();
            observations.add(new TimeToEvent.Observation(blinded ? "all subjects" : arms.getOrDefault(s.group(),
                    s.group()), origin, first != null ? first : censored, first != null));
        }
        return TimeToEvent.of(observations, blinded, withCox);
    }

    /** For a crossover the sequence names the group; for a parallel trial the arm does. */
    private static String firstTreatment(LockedTrial t, String subject, String group) {
        return t.subjects().stream().filter(s -> s.subject().equals(subject)).map(s -> s.treatments() == null ? group
                : s.treatments()).findFirst().orElse(group);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
