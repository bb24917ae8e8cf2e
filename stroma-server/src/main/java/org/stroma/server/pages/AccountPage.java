package org.stroma.server.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.stroma.server.app.Moments;
import org.stroma.server.auth.Principal;
import org.stroma.store.user.Session;

/**
 * A person's own account: the sessions open in their name (ended one by one), and a new password (ending them all);
 * the message says why the last change was refused (null for none).
 */
public record AccountPage(Principal principal, List<Session> sessions, String message) {

    public static String render(Principal p, List<Session> sessions, String message) {
        return Templates.render("page/account.jte", new AccountPage(p, sessions, message));
    }

    /** The session this page was asked for from, which the person does not end from here. */
    public boolean current(Session s) {
        return s.id().equals(principal.sessionId());
    }

    /** A session's time: a person's sessions may span sites, so in UTC. */
    public String shown(Instant at) {
        return Moments.show(at, ZoneOffset.UTC, principal.locale());
    }
}
