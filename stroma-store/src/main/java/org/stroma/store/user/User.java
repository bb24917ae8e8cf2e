package org.stroma.store.user;

/** A person who signs in: the bcrypt hash of their password, and whether they may create studies. */
public record User(String username, String displayName, String passwordHash, boolean createsStudies) {
}
