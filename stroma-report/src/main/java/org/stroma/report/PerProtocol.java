package org.stroma.report;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.ProductOutcome;
import org.stroma.trial.plan.Endpoint;
import org.stroma.trial.plan.Population;

/**
 * The per-protocol population of a locked trial: randomized subjects treated as allocated — every period's product
 * given — without a major protocol deviation. The deviations Stroma records are visits outside their windows, minor
 * by convention (ICH E3 calls major those that bear on the key data or the subject's safety, such as eligibility not
 * met or the wrong treatment, which the screening and the bedside check refuse), so none of them excludes a subject.
 */
final class PerProtocol {
    private static final Pattern ASKED = Pattern.compile("\\bper[- ]protocol\\b");

    private PerProtocol() {
    }

    /** Whether the plan asks for an endpoint's analysis again in the per-protocol population, as supportive. */
    static boolean asked(Endpoint e) {
        return e.population() == Population.INTENTION_TO_TREAT && e.supportive().stream().anyMatch(s -> ASKED.matcher(
                s.toLowerCase(Locale.ROOT)).find());
    }

    /** The locked data of the per-protocol subjects only. */
    static LockedTrial of(LockedTrial t) {
        Map<String, Long> periodsGiven = new HashMap<>();
        t.products().stream().filter(p -> p.outcome() == ProductOutcome.ADMINISTERED).forEach(p -> periodsGiven.merge(
                p.subject(), 1L, Long::sum));
        Set<String> kept = t.subjects().stream().filter(s -> s.group() != null && periodsGiven.getOrDefault(
                s.subject(), 0L) >= Math.max(1, s.plannedDoses().size())).map(LockedTrial.SubjectRow::subject)
                .collect(Collectors.toSet());
        return new LockedTrial(t.trial(), t.title(), t.crossover(), t.subjects().stream().filter(s -> kept.contains(
                s.subject())).toList(), t.measurements().stream().filter(m -> kept.contains(m.subject())).toList(),
                t.adverseEvents().stream().filter(a -> kept.contains(a.subject())).toList(), t.products().stream()
                .filter(p -> kept.contains(p.subject())).toList(), t.deviations().stream().filter(d -> kept.contains(
                d.subject())).toList());
    }
}
