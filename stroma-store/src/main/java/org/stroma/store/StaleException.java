package org.stroma.store;

import java.time.Instant;
import org.stroma.trial.refusal.Refusal;

/**
 * A change refused because it was made from an older version of what it changes: what, its version now, and who
 * changed it last and when (null when nobody has).
 */
public final class StaleException extends RuntimeException implements Refusal {
    private final int current;
    private final String changedBy;
    private final Instant changedAt;

    public StaleException(String what, int current, String changedBy, Instant changedAt) {
        super(what + " is at version " + current);
        this.current = current;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public int current() {
        return current;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }

    /** The version the change was made from is the field at fault. */
    @Override
    public String field() {
        return "version";
    }
}
