package org.stroma.server.demo;

import org.stroma.trial.masking.Role;

/** A demo account: its name, the role it holds in every reference study, and its site (null for every site). */
public record DemoUser(String username, Role role, String siteNote) {
}
