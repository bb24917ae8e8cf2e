package org.stroma.store.user;

import java.time.Instant;

/** A study team's version: how many times a role was given or taken away, and who did it last and when. */
public record TeamVersion(int version, String changedBy, Instant changedAt) {
}
