package org.stroma.trial.masking;

import java.time.Instant;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * One subject's arm revealed to one person in an emergency: the request (its number, who asked, in which role, why,
 * when) and, where the trial asks for a second person, who approved it and when. It reveals the arm only once
 * granted, to the person who asked, and nothing of any other subject; everyone in the study sees that it happened,
 * never the arm.
 */
public record EmergencyUnblinding(String id, String subject, String requestedBy, Role role, String reason, Instant at,
        boolean needsSecondPerson, String approvedBy, Instant approvedAt) {

    public EmergencyUnblinding {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("an emergency unblinding needs its reason");
        }
    }

    /** Whether the arm is revealed: at once, or once a second person approved. */
    public boolean granted() {
        return !needsSecondPerson || approvedBy != null;
    }

    EmergencyUnblinding approved(String by, Instant when) {
        return new EmergencyUnblinding(id, subject, requestedBy, role, reason, at, needsSecondPerson, by, when);
    }
}
