package org.stroma.server.app;

import java.time.LocalDate;
import java.util.Set;
import org.stroma.trial.safety.Causality;
import org.stroma.trial.safety.Grade;
import org.stroma.trial.safety.MaceCategory;
import org.stroma.trial.safety.Outcome;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.safety.SeriousnessCriterion;

/**
 * An adverse event as a person reports it, or a follow-up of one: {@code followUpOf} names the event and
 * {@code version} is how many reports of it the person had read (null for a first report). The seriousness criteria
 * are empty for a non-serious event; {@code sponsorAware}, the reporting clock's day 0, is the day of the report at
 * the subject's site when null; {@code mace} is null when the event is not a major adverse cardiac event; the
 * outcome, when not given, is unknown.
 */
public record ReportAdverseEvent(String followUpOf, Integer version, String term, Grade grade,
        Set<SeriousnessCriterion> seriousness, Causality causality, boolean expected, LocalDate onset,
        LocalDate sponsorAware, Outcome outcome, MaceCategory mace) {
    public ReportAdverseEvent {
        required(term, "term", "the adverse event's term is required");
        required(grade, "grade", "the CTCAE grade is required");
        required(causality, "causality", "the causality is required");
        required(onset, "onset", "the onset date is required");
        seriousness = seriousness == null ? Set.of() : Set.copyOf(seriousness);
        outcome = outcome == null ? Outcome.UNKNOWN : outcome;
    }

    private static void required(Object value, String field, String message) {
        if (value == null) {
            throw new InvalidInputException(field, message);
        }
    }
}
