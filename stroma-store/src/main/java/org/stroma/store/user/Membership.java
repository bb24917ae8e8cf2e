package org.stroma.store.user;

import org.stroma.trial.masking.Role;

/** A person's role in one study, at one site, or at every site when {@code site} is null. */
public record Membership(String study, Role role, String site) {
}
