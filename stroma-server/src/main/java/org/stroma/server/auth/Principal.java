package org.stroma.server.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.stroma.store.user.Membership;
import org.stroma.trial.masking.Role;

/**
 * The signed-in person: who, their roles in each study and at which sites, their session (its CSRF token, and its
 * id, to tell it apart among their sessions), and the locale their browser asks for, in which the pages write dates
 * ({@link Locale#ROOT} when it asks for none: ISO dates).
 */
public record Principal(String username, String displayName, boolean createsStudies, List<Membership> memberships,
        String csrfToken, String sessionId, Locale locale) {

    public Principal {
        memberships = List.copyOf(memberships);
        locale = locale == null ? Locale.ROOT : locale;
    }

    /** The person with no locale asked for. */
    public Principal(String username, String displayName, boolean createsStudies, List<Membership> memberships,
            String csrfToken, String sessionId) {
        this(username, displayName, createsStudies, memberships, csrfToken, sessionId, Locale.ROOT);
    }

    /** The same person, reading in another locale (the one this request's browser asks for). */
    public Principal withLocale(Locale asked) {
        return new Principal(username, displayName, createsStudies, memberships, csrfToken, sessionId, asked);
    }

    public Set<Role> rolesIn(String study) {
        Set<Role> roles = new LinkedHashSet<>();
        memberships.stream().filter(m -> m.study().equals(study)).forEach(m -> roles.add(m.role()));
        return roles;
    }

    public boolean isMemberOf(String study) {
        return !rolesIn(study).isEmpty();
    }

    /** The sites whose subjects this person sees in a study; null when they see every site. */
    public Set<String> sitesIn(String study) {
        Set<String> sites = new LinkedHashSet<>();
        for (Membership m : memberships) {
            if (m.study().equals(study)) {
                if (m.site() == null) {
                    return null;
                }
                sites.add(m.site());
            }
        }
        return sites;
    }

    public boolean seesSite(String study, String site) {
        Set<String> sites = sitesIn(study);
        return isMemberOf(study) && (sites == null || sites.contains(site));
    }
}
