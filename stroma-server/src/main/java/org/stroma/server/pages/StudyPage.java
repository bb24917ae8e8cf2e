package org.stroma.server.pages;

import java.time.ZoneId;
import java.util.List;
import org.stroma.protocol.text.Words;
import org.stroma.server.app.Action;
import org.stroma.server.app.ConductService;
import org.stroma.server.app.Moments;
import org.stroma.server.app.StudyOverview;
import org.stroma.server.app.StudyService;
import org.stroma.server.auth.Principal;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.masking.Role;

/** A study: its design, arms, masking and schedule, its sites with enrolment, and the subjects the person sees. */
public final class StudyPage {
    private StudyPage() {
    }

    /** The study page; {@code team} is null for those who do not manage the study's team. */
    public static String render(Principal p, StudyOverview o, List<SubjectView> subjects, StudyService.Team team,
            List<ConductService.UnblindingView> unblindings) {
        StringBuilder s = new StringBuilder("<p>" + Html.esc(o.title()) + "</p><p class=\"muted\">Your roles: "
                + Html.esc(String.join(", ", o.roles())) + "</p>");
        if (o.publishedVersion() == 0) {
            s.append("<p class=\"error\">No protocol version is published yet. ").append(Html.link("/studies/" + o.id()
                    + "/versions/1", "Review version 1")).append("</p>");
            return Layout.page(o.id(), p, s.append(team(p, o, team)).toString());
        }
        s.append("<section><h2>Design</h2><p>").append(Html.esc(o.design())).append(", ").append(Html.esc(
                o.allocation())).append("; masked: ").append(o.masked().isEmpty() ? "nobody" : Html.esc(String.join(
                ", ", o.masked()))).append(" (protocol version ").append(o.publishedVersion()).append(")</p>");
        s.append(Html.table(o.arms(), a -> new String[] {Html.esc(a.code()), Html.esc(a.label()), Html.esc(a.type())},
                "Arm", "Label", "Type"));
        if (!o.periods().isEmpty()) {
            s.append("<p>Periods: ").append(Html.esc(String.join("; ", o.periods()))).append("</p>");
        }
        s.append("</section><section><h2>Schedule</h2>").append(Html.table(o.schedule(), v -> new String[] {
                Html.esc(v.name()), Html.esc(v.when()), Html.esc(v.window())}, "Visit", "When", "Window"))
                .append("</section>");
        if (!o.assumptions().isEmpty()) {
            s.append("<section id=\"assumptions\"><h2>Assumptions to confirm</h2><p>Made where the protocol record"
                    + " is silent: the study team confirms or corrects each one.</p><ul>");
            o.assumptions().forEach(a -> s.append("<li>").append(Html.esc(a)).append("</li>"));
            s.append("</ul></section>");
        }
        s.append("<section id=\"consent-form\"><h2>Consent</h2><p>Consent form in force: version <strong>").append(
                Html.esc(o.consentForm())).append("</strong></p>");
        if (Action.SET_CONSENT_FORM.allows(p.rolesIn(o.id()))) {
            s.append(Html.form("/studies/" + o.id() + "/consent-form", p.csrfToken(), "<label for=\"new-consent\">A"
                    + " new version approved by the ethics committee (subjects in the trial re-consent)</label><input"
                    + " type=\"text\" id=\"new-consent\" name=\"version\" required>", "Put it in force"));
        }
        s.append("</section>");
        s.append("<section id=\"sites\"><h2>Sites</h2>").append(Html.table(o.sites(), e -> new String[] {
                Html.esc(e.site()), Html.esc(e.zone()), String.valueOf(e.subjects()), String.valueOf(e.randomized()),
                String.valueOf(e.exited())}, "Site", "Time zone", "Subjects", "Randomized", "Exited"));
        if (Action.MANAGE_SITES.allows(p.rolesIn(o.id()))) {
            StringBuilder names = new StringBuilder();
            o.sites().forEach(e -> names.append("<option>").append(Html.esc(e.site())).append("</option>"));
            s.append(Html.form("/studies/" + o.id() + "/sites/time-zone", p.csrfToken(), "<label for=\"zone-site\">"
                    + "Site</label><select id=\"zone-site\" name=\"site\">" + names + "</select><label"
                    + " for=\"zone\">Time zone (its days: visits, consents, reporting clocks)</label><input type=\"text\""
                    + " id=\"zone\" name=\"zone\" placeholder=\"Europe/Paris\" required>", "Set the time zone"));
        }
        s.append("</section>");
        boolean anyArm = subjects.stream().anyMatch(v -> v.group() != null);
        s.append("<section><h2>Subjects</h2><p>").append(Html.link("/studies/" + o.id() + "/adverse-events",
                "Adverse events and reporting clocks")).append("</p>");
        if (Action.SCREEN.allows(p.rolesIn(o.id()))) {
            s.append("<p>").append(Html.link("/studies/" + o.id() + "/screen", "Screen a patient")).append("</p>");
        }
        s.append(Html.table(subjects, v -> anyArm ? new String[] {Html.link("/studies/" + o.id() + "/subjects/"
                + v.subject(), v.subject()), Html.esc(v.site()), state(v), Html.esc(v.kitCode()), Html.esc(v.group())}
                : new String[] {Html.link("/studies/" + o.id() + "/subjects/" + v.subject(), v.subject()),
                        Html.esc(v.site()), state(v), Html.esc(v.kitCode())},
                anyArm ? new String[] {"Subject", "Site", "State", "Kit code", "Arm"}
                        : new String[] {"Subject", "Site", "State", "Kit code"})).append("</section>");
        s.append(unblindings(p, o, unblindings));
        return Layout.page(o.id(), p, s.append(team(p, o, team)).toString());
    }

    /**
     * The emergency unblindings, for everyone in the study: who asked, why, when, and whether granted — never the arm.
     * A second person approves here; the administrator sets whether one is needed.
     */
    private static String unblindings(Principal p, StudyOverview o, List<ConductService.UnblindingView> list) {
        StringBuilder s = new StringBuilder("<section id=\"unblindings\"><h2>Emergency unblindings</h2>");
        if (list.isEmpty()) {
            s.append("<p class=\"muted\">None.</p>");
        } else {
            boolean approves = Action.APPROVE_UNBLINDING.allows(p.rolesIn(o.id()));
            s.append(Html.table(list, u -> {
                ZoneId zone = ZoneId.of(u.zone());
                String status = "<span class=\"unblinding-status\">" + Html.esc(u.status()) + "</span>"
                        + (u.approvedBy() == null ? "" : "<br>approved by " + Html.esc(u.approvedBy()) + ", "
                        + Html.esc(Moments.show(u.approvedAt(), zone)));
                // the person who asked cannot be their own second person
                boolean canApprove = approves && !u.granted() && !u.requestedBy().equals(p.username());
                String approval = !canApprove ? "" : Html.form("/studies/" + o.id() + "/unblindings/" + u.id()
                        + "/approval", p.csrfToken(), "<input type=\"password\" name=\"password\" required"
                        + " aria-label=\"Your password\" autocomplete=\"current-password\">",
                        "Approve as second person");
                return new String[] {Html.esc(u.id()), Html.link("/studies/" + o.id() + "/subjects/" + u.subject(),
                        u.subject()), Html.esc(u.site()), Html.esc(u.requestedBy() + " (" + u.role() + ")"),
                        Html.esc(u.reason()), Html.esc(Moments.show(u.at(), zone)), status, approval};
            }, "", "Subject", "Site", "Asked by", "Reason", "When", "Status", ""));
        }
        s.append("<p>An emergency unblinding ").append(o.secondPersonForUnblinding() ? "needs a second person's"
                + " approval" : "is granted to the person who asks").append(".</p>");
        if (Action.SET_UNBLINDING_RULE.allows(p.rolesIn(o.id()))) {
            s.append(Html.form("/studies/" + o.id() + "/unblinding-rule", p.csrfToken(), "<input type=\"hidden\""
                    + " name=\"current\" value=\"" + (o.secondPersonForUnblinding() ? "yes" : "no") + "\"><label>"
                    + "<input type=\"checkbox\" name=\"secondPerson\" value=\"yes\"" + (o.secondPersonForUnblinding()
                    ? " checked" : "") + "> an emergency unblinding needs a second person (as the protocol asks)"
                    + "</label>", "Set the rule"));
        }
        return s.append("</section>").toString();
    }

    /** Who has which role, and the form that gives a role; only for those who manage the team. */
    private static String team(Principal p, StudyOverview o, StudyService.Team team) {
        if (team == null) {
            return "";
        }
        String version = "<input type=\"hidden\" name=\"version\" value=\"" + team.version() + "\">";
        StringBuilder roles = new StringBuilder();
        StudyService.grantableRoles().forEach(r -> roles.append("<option value=\"").append(r.name()).append("\">")
                .append(Words.of(r)).append("</option>"));
        StringBuilder sites = new StringBuilder("<option value=\"\">all sites</option>");
        o.sites().forEach(e -> sites.append("<option>").append(Html.esc(e.site())).append("</option>"));
        return "<section id=\"team\"><h2>Team</h2>" + Html.table(team.members(), m -> new String[] {Html.esc(m.username()),
                Html.esc(m.displayName()), Words.of(m.role()), m.site() == null ? "all sites" : Html.esc(m.site()),
                Html.form("/studies/" + o.id() + "/team/revoke", p.csrfToken(), version + "<input type=\"hidden\""
                        + " name=\"username\" value=\"" + Html.esc(m.username()) + "\"><input type=\"hidden\""
                        + " name=\"role\" value=\"" + m.role().name() + "\"><input type=\"hidden\" name=\"site\""
                        + " value=\"" + Html.esc(m.site()) + "\"><input type=\"text\" name=\"reason\" required"
                        + " aria-label=\"Reason\" placeholder=\"reason\">", "Remove")},
                "User", "Name", "Role", "Site", "") + Html.form("/studies/" + o.id() + "/team", p.csrfToken(),
                version + "<label for=\"member\">User name</label><input type=\"text\" id=\"member\" name=\"username\""
                        + " required><label for=\"role\">Role</label><select id=\"role\" name=\"role\">" + roles
                        + "</select><label for=\"member-site\">Site</label><select id=\"member-site\" name=\"site\">"
                        + sites + "</select>", "Give role") + "</section>";
    }

    static String state(SubjectView v) {
        return Html.esc(Words.of(v.state()));
    }
}
