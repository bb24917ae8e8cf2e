package org.stroma.server.auth;

import java.time.Instant;

/** Sign-in refused for a while after repeated failures for the same user name. */
public final class TooManyAttemptsException extends RuntimeException {
    private final Instant retryAfter;

    public TooManyAttemptsException(String username, Instant retryAfter) {
        super("too many failed sign-ins for " + username + "; try again after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Instant retryAfter() {
        return retryAfter;
    }
}
