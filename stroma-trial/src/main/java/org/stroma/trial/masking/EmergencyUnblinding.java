package org.stroma.trial.masking;

import java.time.Instant;

/**
 * The arm of one subject revealed to one person in an emergency: who asked, in which role, why, and when. It is kept
 * and reported; it reveals nothing of any other subject.
 */
public record EmergencyUnblinding(String subject, String requestedBy, Role role, String reason, Instant at) {
    public EmergencyUnblinding {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an emergency unblinding needs its reason");
        }
    }
}
