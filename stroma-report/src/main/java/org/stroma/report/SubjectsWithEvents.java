package org.stroma.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stroma.analysis.compare.BinomialIntervals;
import org.stroma.analysis.compare.Proportions;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.data.DataSet;
import org.stroma.analysis.result.Analysis;
import org.stroma.analysis.result.Estimate;
import org.stroma.analysis.run.Columns;
import org.stroma.analysis.run.DataAnalysis;
import org.stroma.analysis.run.Method;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.PlannedDose;
import org.stroma.trial.plan.Endpoint;

/**
 * A binary safety endpoint: whether each treated subject had an adverse event (a suspected related one when the
 * endpoint says "related"), analysed as the design asks — by arm in a parallel trial (difference in proportions,
 * Newcombe's interval, Fisher's exact p), by treatment within subjects in a crossover (Mainland–Gart), and as one
 * proportion with its exact interval in a single-group trial.
 */
final class SubjectsWithEvents {
    private SubjectsWithEvents() {
    }

    /** A parallel trial: the subjects treated in each arm, the difference in proportions against the reference arm. */
    static PlannedAnalyses.Result byArm(LockedTrial t, Endpoint e, String reference) {
        Set<String> withEvent = subjectsWithEvent(t, e);
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("group", new ArrayList<>());
        columns.put("event", new ArrayList<>());
        t.subjects().stream().filter(s -> s.group() != null && s.firstAdministration() != null).forEach(s -> {
            columns.get("group").add(s.group());
            columns.get("event").add(withEvent.contains(s.subject()) ? "1" : "0");
        });
        Analysis a = DataAnalysis.run(new DataSet(columns), Method.PROPORTIONS, Columns.none().withGroup("group",
                reference).withOutcome("event", null, List.of()), null);
        Estimate difference = a.estimates().get(0);
        // the interval is Newcombe's; the p is Fisher's exact test
        Estimate withP = new Estimate(difference.term(), difference.estimate(), null, difference.ciLow(),
                difference.ciHigh(), null, null, a.tests().get(0).p());
        return new PlannedAnalyses.Result(e, null, withP, a.n(), kind(e));
    }

    /** A single-group trial: the proportion of treated subjects with an event, with the exact interval. */
    static PlannedAnalyses.Result oneGroup(LockedTrial t, Endpoint e) {
        Set<String> withEvent = subjectsWithEvent(t, e);
        List<String> treated = t.subjects().stream().filter(s -> s.firstAdministration() != null).map(
                LockedTrial.SubjectRow::subject).toList();
        if (treated.isEmpty()) {
            throw new DataException("no subject was treated");
        }
        int events = (int) treated.stream().filter(withEvent::contains).count();
        Estimate p = BinomialIntervals.clopperPearson(events, treated.size(), "proportion with an event");
        return new PlannedAnalyses.Result(e, null, p, treated.size(), kind(e) + "; " + events + " of "
                + treated.size() + " treated subjects, exact (Clopper–Pearson) interval");
    }

    /**
     * A crossover: each event counted in the period its onset falls in (from the day of the second administration on,
     * the second period: a reaction to the product follows it), among subjects treated in both periods. The estimate
     * is the paired difference in proportions of subjects with an event on each treatment (the same subjects, so no
     * two-sample interval applies); the p is the Mainland–Gart test — Fisher's exact test of sequence against the
     * period of the event among subjects with an event in one period only — which allows for a period effect.
     */
    static PlannedAnalyses.Result byTreatmentWithinSubjects(LockedTrial t, Endpoint e) {
        Map<String, LocalDate> secondPeriod = new LinkedHashMap<>();
        t.products().stream().filter(p -> p.period() == 2 && p.administered() != null).forEach(p -> secondPeriod.put(
                p.subject(), p.administered()));
        Map<String, boolean[]> eventInPeriod = new LinkedHashMap<>();
        Map<String, String[]> sequence = new LinkedHashMap<>();
        for (LockedTrial.SubjectRow s : t.subjects()) {
            String[] treatments = s.treatments() == null ? new String[0] : s.treatments().split(" then ");
            if (secondPeriod.containsKey(s.subject()) && treatments.length == 2) {
                eventInPeriod.put(s.subject(), new boolean[2]);
                sequence.put(s.subject(), treatments);
            }
        }
        if (eventInPeriod.isEmpty()) {
            throw new DataException("no subject was treated in both periods");
        }
        boolean related = related(e);
        for (LockedTrial.AdverseEventRow a : t.adverseEvents()) {
            boolean[] periods = eventInPeriod.get(a.subject());
            if (periods != null && (!related || a.related()) && a.event().onset() != null) {
                periods[a.event().onset().isBefore(secondPeriod.get(a.subject())) ? 0 : 1] = true;
            }
        }
        String referenceTreatment = referenceTreatment(t, sequence);
        String other = sequence.values().stream().flatMap(java.util.Arrays::stream).filter(x -> !x.equals(
                referenceTreatment)).findFirst().orElseThrow(() -> new DataException("one treatment only"));
        int onReference = 0;
        int onOther = 0;
        // Mainland–Gart: rows are the sequences (reference first or other first), columns the period of the event
        int[] firstOnlyBySequence = new int[2];
        int[] discordantBySequence = new int[2];
        for (Map.Entry<String, boolean[]> s : eventInPeriod.entrySet()) {
            String[] treatments = sequence.get(s.getKey());
            boolean[] p = s.getValue();
            for (int period = 0; period < 2; period++) {
                if (p[period]) {
                    if (treatments[period].equals(referenceTreatment)) {
                        onReference++;
                    } else {
                        onOther++;
                    }
                }
            }
            if (p[0] != p[1]) {
                int row = treatments[0].equals(referenceTreatment) ? 0 : 1;
                discordantBySequence[row]++;
                firstOnlyBySequence[row] += p[0] ? 1 : 0;
            }
        }
        int n = eventInPeriod.size();
        Double mainlandGart = discordantBySequence[0] == 0 || discordantBySequence[1] == 0 ? null
                : Proportions.compare(firstOnlyBySequence[0], discordantBySequence[0], firstOnlyBySequence[1],
                        discordantBySequence[1], "period of the event by sequence").fisherP();
        Estimate difference = new Estimate(other + " − " + referenceTreatment, (onOther - onReference) / (double) n,
                null, null, null, null, null, mainlandGart);
        return new PlannedAnalyses.Result(e, "each period", difference, n, kind(e) + "; " + onOther + " of " + n
                + " on " + other + ", " + onReference + " on " + referenceTreatment + " (subjects treated in both"
                + " periods); paired difference, Mainland–Gart exact test" + (mainlandGart == null ? " not possible:"
                + " no subject of one sequence had an event in one period only" : ""));
    }

    /**
     * The treatment compared against: the one that gives no cells (the placebo); when that does not tell one
     * treatment (no dose stated for either), the first sequence's first.
     */
    private static String referenceTreatment(LockedTrial t, Map<String, String[]> sequence) {
        List<String> withoutCells = t.subjects().stream().flatMap(s -> s.plannedDoses().stream()).filter(d -> d.plan()
                == null && d.treatment() != null).map(PlannedDose::treatment).distinct().toList();
        return withoutCells.size() == 1 ? withoutCells.get(0) : sequence.values().iterator().next()[0];
    }

    private static Set<String> subjectsWithEvent(LockedTrial t, Endpoint e) {
        boolean related = related(e);
        Set<String> withEvent = new HashSet<>();
        t.adverseEvents().stream().filter(a -> !related || a.related()).forEach(a -> withEvent.add(a.subject()));
        return withEvent;
    }

    private static boolean related(Endpoint e) {
        return (e.registeredMeasure() + " " + e.variable()).toLowerCase(Locale.ROOT).matches(
                "(?s).*\\b(?<!un)related\\b.*");
    }

    private static String kind(Endpoint e) {
        return related(e) ? "suspected related events" : "any adverse event";
    }
}
