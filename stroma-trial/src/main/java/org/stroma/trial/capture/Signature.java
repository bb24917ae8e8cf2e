package org.stroma.trial.capture;

import java.time.Instant;

/**
 * An electronic signature on a form (21 CFR 11.50): the signer's printed name, when, and what the signature means
 * ("reviewed", "approved", "authored"). A change to the form after signing voids it; the void is kept with the reason.
 */
public record Signature(String username, String printedName, Instant at, String meaning, Instant voidedAt,
        String voidedBecause) {

    public boolean valid() {
        return voidedAt == null;
    }

    Signature voided(Instant at, String because) {
        return new Signature(username, printedName, this.at, meaning, at, because);
    }
}
