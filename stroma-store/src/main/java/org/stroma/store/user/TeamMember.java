package org.stroma.store.user;

import org.stroma.trial.masking.Role;

/** A person's role in a study, as the study's team list shows it: at one site, or (site null) at all of them. */
public record TeamMember(String username, String displayName, Role role, String site) {
}
