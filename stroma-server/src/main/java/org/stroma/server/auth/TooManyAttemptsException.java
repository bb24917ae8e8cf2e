package org.stroma.server.auth;

import java.time.Duration;
import java.time.Instant;

/** A sign-in (or a password typed again) refused for a while after repeated failures from the same address. */
public final class TooManyAttemptsException extends RuntimeException {
    private final long retryAfterSeconds;

    public TooManyAttemptsException(Instant now, Instant retryAfter) {
        this(Math.max(1, Duration.between(now, retryAfter).toSeconds() + 1));
    }

    private TooManyAttemptsException(long seconds) {
        super("too many failed sign-ins from this address: try again in " + seconds + " s");
        this.retryAfterSeconds = seconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
