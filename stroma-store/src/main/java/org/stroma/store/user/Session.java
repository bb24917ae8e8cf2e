package org.stroma.store.user;

import java.time.Instant;

/** A signed-in session: whose it is, its CSRF token, and when it began and was last used. */
public record Session(String username, String csrfToken, Instant created, Instant lastSeen) {
}
