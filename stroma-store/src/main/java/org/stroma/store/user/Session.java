package org.stroma.store.user;

import java.time.Instant;

/**
 * A signed-in session: its id (the start of its token's hash: it names the session to its owner and opens nothing),
 * whose it is, its CSRF token, the address it was opened from, and when it began and was last used.
 */
public record Session(String id, String username, String csrfToken, String source, Instant created,
        Instant lastSeen) {
}
