package org.stroma.trial.subject;

import java.time.Instant;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * A subject's informed consent as the regulator asks to see it: the version of the consent form signed, when the
 * subject signed it, who obtained it, and who recorded it when.
 */
public record Consent(String formVersion, Instant signedAt, String obtainedBy, Instant recordedAt, String recordedBy) {
    public Consent {
        if (formVersion == null || formVersion.isBlank()) {
            throw new InvalidInputException("a consent names the version of the form signed");
        }
        if (obtainedBy == null || obtainedBy.isBlank()) {
            throw new InvalidInputException("a consent names who obtained it");
        }
    }
}
