package org.stroma.store.user;

import java.time.Instant;

/** The failed sign-ins of a user name from one address since a time: how many, and the last one (null if none). */
public record Failures(int count, Instant last) {
}
