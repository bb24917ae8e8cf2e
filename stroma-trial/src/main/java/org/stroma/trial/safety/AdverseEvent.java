package org.stroma.trial.safety;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.stroma.protocol.text.Words;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * An adverse event as the site reports it: the term (verbatim, coded later by the licensee's dictionary), severity,
 * the seriousness criteria met (none: not serious), causality, whether the reference safety information expects it,
 * onset, the day the sponsor became aware (day 0 of any reporting clock), the outcome, and for the cardiac trials the
 * major adverse cardiac event category it counts as (null if none).
 */
public record AdverseEvent(String id, String subject, String term, Grade grade, Set<SeriousnessCriterion> seriousness,
        Causality causality, boolean expected, LocalDate onset, LocalDate sponsorAware, Outcome outcome,
        MaceCategory mace) {

    public AdverseEvent {
        if (term == null || term.isBlank()) {
            throw new InvalidInputException("an adverse event needs its term");
        }
        EnumSet<SeriousnessCriterion> criteria = EnumSet.noneOf(SeriousnessCriterion.class);
        if (seriousness != null) {
            criteria.addAll(seriousness);
        }
        // in the criteria's own order, so that an event reads the same every time
        seriousness = Collections.unmodifiableSet(criteria);
        if (grade == Grade.DEATH && !seriousness.contains(SeriousnessCriterion.DEATH)) {
            throw new InvalidInputException("a grade 5 event is fatal: seriousness 'death' must be ticked");
        }
        if (grade == Grade.DEATH && outcome != Outcome.FATAL && outcome != Outcome.UNKNOWN) {
            throw new InvalidInputException("a grade 5 event is fatal: its outcome cannot be "
                    + Words.of(outcome));
        }
        if (outcome == Outcome.FATAL && !seriousness.contains(SeriousnessCriterion.DEATH)) {
            throw new InvalidInputException("a fatal outcome makes the event serious (death)");
        }
        if (onset != null && sponsorAware != null && sponsorAware.isBefore(onset)) {
            throw new InvalidInputException("the sponsor cannot learn of an event (" + sponsorAware
                    + ") before its onset (" + onset + ")");
        }
    }

    /** Onset relative to the first administration: day 0 is the day of it, negative before it. */
    public Long daysFromAdministration(LocalDate administered) {
        return onset == null || administered == null ? null
                : ChronoUnit.DAYS.between(administered, onset);
    }

    public boolean isSerious() {
        return !seriousness.isEmpty();
    }

    /** A suspected unexpected serious adverse reaction: the events that are reported to regulators expedited. */
    public boolean isSusar() {
        return isSerious() && causality != null && causality.suspected() && !expected;
    }

    /** Fatal or life-threatening: the shorter clock. */
    public boolean isFatalOrLifeThreatening() {
        return seriousness.contains(SeriousnessCriterion.DEATH)
                || seriousness.contains(SeriousnessCriterion.LIFE_THREATENING);
    }
}
