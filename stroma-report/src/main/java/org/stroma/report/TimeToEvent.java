package org.stroma.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.data.DataSet;
import org.stroma.analysis.result.Analysis;
import org.stroma.analysis.run.Columns;
import org.stroma.analysis.run.DataAnalysis;
import org.stroma.analysis.run.Method;
import org.stroma.analysis.survival.KaplanMeier;
import org.stroma.analysis.survival.SurvivalData;

/**
 * A time to an event by group: the Kaplan–Meier curves and, unblinded with more than one group and any event, the
 * log-rank test and (when asked) Cox's hazard ratio; null where not run.
 */
record TimeToEvent(List<KaplanMeier.Curve> curves, Analysis logRank, Analysis cox, double followUpDays) {

    /**
     * One subject's time: from the analysis's origin (randomization, or the first administration) to the event or to
     * the day they were censored. An end before the origin is refused here, where the dates are known, so that a
     * statistic is never handed a negative time.
     */
    record Observation(String group, LocalDate origin, LocalDate end, boolean event) {
        Observation {
            if (origin == null || end == null || end.isBefore(origin)) {
                throw new IllegalArgumentException("a time to an event from " + origin + " cannot end on " + end);
            }
        }

        double days() {
            return ChronoUnit.DAYS.between(origin, end);
        }
    }

    /** The curves and tests of these observations; null with fewer than two subjects. */
    static TimeToEvent of(List<Observation> observations, boolean blinded, boolean withCox) {
        if (observations.size() < 2) {
            return null;
        }
        double[] times = observations.stream().mapToDouble(Observation::days).toArray();
        boolean[] events = new boolean[times.length];
        String[] groups = new String[times.length];
        for (int i = 0; i < times.length; i++) {
            events[i] = observations.get(i).event();
            groups[i] = observations.get(i).group();
        }
        SurvivalData data = new SurvivalData(times, events, groups);
        List<KaplanMeier.Curve> curves = new ArrayList<>();
        observations.stream().map(Observation::group).distinct().sorted().forEach(g -> curves.add(
                KaplanMeier.estimate(g, data.of(g))));
        Analysis logRank = null;
        Analysis cox = null;
        boolean anyEvent = observations.stream().anyMatch(Observation::event);
        if (!blinded && curves.size() > 1 && anyEvent) {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            columns.put("time", observations.stream().map(o -> String.valueOf(o.days())).toList());
            columns.put("event", observations.stream().map(o -> o.event() ? "1" : "0").toList());
            columns.put("group", observations.stream().map(Observation::group).toList());
            DataSet set = new DataSet(columns);
            Columns survival = Columns.none().withTime("time", "event").withGroup("group", null);
            try {
                logRank = DataAnalysis.run(set, Method.LOGRANK, survival, null);
                cox = withCox ? DataAnalysis.run(set, Method.COX, survival, null) : null;
            } catch (DataException | IllegalArgumentException | ArithmeticException e) {
                // too few events to compare: the curves stand alone
            }
        }
        double longest = observations.stream().mapToDouble(Observation::days).max().orElse(1);
        return new TimeToEvent(curves, logRank, cox, Math.max(1, longest));
    }
}
