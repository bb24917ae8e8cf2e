package org.stroma.server.demo;

import org.stroma.trial.masking.Role;

/**
 * A demo account: its name, the role it holds in every reference study, and the index of its site among the study's
 * sites (null for every site).
 */
public record DemoUser(String username, Role role, Integer site) {

    /** "first site", "second site", or null for an account that sees every site. */
    public String siteNote() {
        return site == null ? null : site == 0 ? "first site" : "second site";
    }
}
