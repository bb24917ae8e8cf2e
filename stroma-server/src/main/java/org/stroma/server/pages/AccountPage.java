package org.stroma.server.pages;

import java.time.ZoneOffset;
import java.util.List;
import org.stroma.server.app.Moments;
import org.stroma.server.auth.Principal;
import org.stroma.store.user.Session;

/** A person's own account: the sessions open in their name (ended one by one), and a new password (ending them all). */
public final class AccountPage {
    private AccountPage() {
    }

    public static String render(Principal p, List<Session> sessions, String message) {
        StringBuilder rows = new StringBuilder();
        for (Session s : sessions) {
            boolean current = s.id().equals(p.sessionId());
            rows.append("<tr><td>").append(Html.esc(s.source().isEmpty() ? "—" : s.source())).append("</td><td>")
                    .append(Html.esc(Moments.show(s.created(), ZoneOffset.UTC))).append("</td><td>")
                    .append(Html.esc(Moments.show(s.lastSeen(), ZoneOffset.UTC))).append("</td><td>")
                    .append(current ? "this one" : Html.form("/account/sessions/" + s.id() + "/end", p.csrfToken(),
                            "", "End")).append("</td></tr>");
        }
        String error = message == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.esc(message) + "</p>";
        return Layout.page("Your account", p, error + "<h2>Your sessions</h2><p>Every browser or program signed in as "
                + Html.esc(p.username()) + ". End one you do not know, and change your password.</p><table><thead>"
                + "<tr><th>From</th><th>Opened</th><th>Last used</th><th></th></tr></thead><tbody>" + rows
                + "</tbody></table><h2>Change your password</h2><p>Every session ends with it, this one too.</p>"
                + Html.form("/account/password", p.csrfToken(), "<label for=\"current\">Current password</label>"
                        + "<input type=\"password\" id=\"current\" name=\"current\" autocomplete=\"current-password\""
                        + " required><label for=\"new\">New password (8 characters or more)</label><input"
                        + " type=\"password\" id=\"new\" name=\"new\" autocomplete=\"new-password\" minlength=\"8\""
                        + " required><br>", "Change the password"));
    }
}
