package org.stroma.server.pages;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.stroma.protocol.text.Words;
import org.stroma.server.app.Action;
import org.stroma.server.app.Moments;
import org.stroma.server.app.SubjectRecord;
import org.stroma.server.auth.Principal;
import org.stroma.trial.conduct.EligibilityReview;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.subject.SubjectState;

/**
 * A subject: state and path, the kit code (and the arm only for those who may know it), the steps to take next, each
 * product's chain as a timeline, the visit calendar with windows, and the emergency unblinding.
 */
public final class SubjectPage {
    private SubjectPage() {
    }

    /** The subject page; {@code capture} is the data-capture panels, already rendered. */
    public static String render(Principal p, String study, SubjectRecord r, String capture) {
        SubjectView v = r.subject();
        String base = "/studies/" + study + "/subjects/" + v.subject();
        StringBuilder s = new StringBuilder("<p>" + Html.link("/studies/" + study, study) + "</p>");
        s.append("<section><h2>Subject</h2><p>Site: ").append(Html.esc(v.site())).append("<br>State: <strong"
                + " id=\"state\">").append(StudyPage.state(v)).append("</strong><br>Path: ").append(Html.esc(String
                .join(" → ", v.path().stream().map(Words::of).toList())));
        if (v.consentedTo() != null) {
            s.append("<br>Consent: form version <span id=\"consent\">").append(Html.esc(v.consentedTo()))
                    .append("</span>").append(v.reconsentNeeded() ? " — <strong class=\"error\">re-consent to"
                    + " version " + Html.esc(r.consentForm()) + " needed</strong>" : "");
            r.consents().forEach(c -> s.append("<br><span class=\"muted consent-record\">version ").append(
                    Html.esc(c.formVersion())).append(" signed ").append(Html.esc(Moments.show(c.signedAt(),
                    ZoneId.of(r.zone())))).append(", obtained by ").append(Html.esc(c.obtainedBy())).append("</span>"));
        }
        if (v.kitCode() != null) {
            s.append("<br>Kit code: <strong id=\"kit\">").append(Html.esc(v.kitCode())).append("</strong>");
        }
        if (v.group() != null) {
            s.append("<br>Allocation: <strong id=\"arm\">").append(Html.esc(v.group())).append("</strong> (")
                    .append(Html.esc(String.join(", then ", v.treatments()))).append(")");
        }
        s.append("</p>");
        StringBuilder options = new StringBuilder();
        TrialConduct.MOVES.forEach(m -> options.append("<option value=\"").append(m.name()).append("\">").append(Words.of(m))
                .append("</option>"));
        if (!r.openCriteria().isEmpty() && Action.CONFIRM_ELIGIBILITY.allows(p.rolesIn(study))) {
            // what the screening left open: the investigator answers from the source documents and signs
            StringBuilder criteria = new StringBuilder();
            for (EligibilityReview.OpenCriterion c : r.openCriteria()) {
                String id = "answer-" + c.id().replace('|', '-');
                criteria.append("<label for=\"").append(Html.esc(id)).append("\">").append(Html.esc(c.id())).append(" (")
                        .append(c.kind().name().toLowerCase(Locale.ROOT)).append("): ").append(Html.esc(c.text()))
                        .append("</label><select id=\"").append(Html.esc(id)).append("\" name=\"answer-").append(
                        Html.esc(c.id())).append("\" required><option value=\"\"></option><option value=\"met\">met"
                        + "</option><option value=\"not-met\">not met</option></select>");
            }
            s.append("<h3>Eligibility left open by the screening</h3>").append(Html.form(base + "/eligibility",
                    p.csrfToken(), criteria + "<label for=\"eligibility-password\">Your password, to sign</label>"
                    + "<input type=\"password\" id=\"eligibility-password\" name=\"password\" required"
                    + " autocomplete=\"current-password\">", "Sign the answers"));
        }
        boolean movesSubjects = Action.MOVE_SUBJECT.allows(p.rolesIn(study));
        if (movesSubjects && (v.state() == SubjectState.ELIGIBLE || v.reconsentNeeded())) {
            s.append(Html.form(base + "/consent", p.csrfToken(), "<label for=\"consent-version\">Consent form"
                    + " version</label><input type=\"text\" id=\"consent-version\" name=\"formVersion\" value=\""
                    + Html.esc(r.consentForm()) + "\" required><label for=\"consent-signed\">Signed by the subject on"
                    + "</label><input type=\"datetime-local\" id=\"consent-signed\" name=\"signedAt\" required><label"
                    + " for=\"consent-by\">Obtained by (user name; blank: you)</label><input type=\"text\""
                    + " id=\"consent-by\" name=\"obtainedBy\">", v.reconsentNeeded() ? "Record the re-consent"
                    : "Record the consent"));
        }
        if (movesSubjects) {
            s.append(Html.form(base + "/move", p.csrfToken(), "<label for=\"to\">Move to</label><select id=\"to\""
                    + " name=\"to\">" + options + "</select><label for=\"reason\">Reason (for an exit)</label><input"
                    + " type=\"text\" id=\"reason\" name=\"reason\">", "Move"));
        }
        if (v.state() == SubjectState.ENROLLED && Action.RANDOMIZE.allows(p.rolesIn(study))) {
            // a protocol that assigns arms (a non-randomized design) has the investigator choose one
            StringBuilder arms = new StringBuilder();
            if (!r.assignedArms().isEmpty()) {
                arms.append("<label for=\"arm-choice\">Arm</label><select id=\"arm-choice\" name=\"arm\">");
                r.assignedArms().forEach(a -> arms.append("<option>").append(Html.esc(a)).append("</option>"));
                arms.append("</select>");
            }
            s.append(Html.form(base + "/randomize", p.csrfToken(), "<label for=\"weight\">Baseline weight (kg)"
                    + "</label><input type=\"number\" step=\"0.1\" id=\"weight\" name=\"weight\">" + arms,
                    r.assignedArms().isEmpty() ? "Randomize" : "Assign"));
        }
        s.append("</section>");
        for (ProductView pr : r.products()) {
            s.append("<section><h2>Product ").append(Html.esc(pr.product())).append(" (period ").append(pr.period())
                    .append(")</h2><p>Status: <strong class=\"product-status\">").append(Html.esc(pr.status()))
                    .append("</strong>");
            if (pr.plannedAdministration() != null) {
                s.append("<br>Administration planned on <strong class=\"planned\">").append(Html.esc(
                        pr.plannedAdministration())).append("</strong>");
            }
            s.append("</p>");
            if (pr.label() != null) {
                s.append("<pre>").append(Html.esc(pr.label())).append("</pre>");
            }
            if (!pr.steps().isEmpty()) {
                s.append(Html.table(pr.steps(), st -> new String[] {Html.esc(st.what()), Html.esc(Moments.show(st.at(), ZoneId.of(r.zone()))),
                        Html.esc(st.by()), Html.esc(st.detail())}, "Step", "When", "By", "Detail"));
            }
            if (pr.administered() != null) {
                s.append("<p class=\"ok\">Administered: ").append(Html.esc(pr.administered())).append("</p>");
            }
            // only the steps this person records: the lab's or the bedside's
            List<String> mine = StepTemplates.types().stream().filter(t -> Action.forStep(t).allows(p.rolesIn(
                    study))).toList();
            if (mine.isEmpty()) {
                s.append("</section>");
                continue;
            }
            StringBuilder types = new StringBuilder();
            mine.forEach(t -> types.append("<option>").append(t).append("</option>"));
            String id = pr.product();
            s.append(Html.form("/studies/" + study + "/products/" + id + "/steps", p.csrfToken(),
                    "<input type=\"hidden\" name=\"version\" value=\"" + Html.esc(pr.version()) + "\">"
                    + "<label for=\"type-" + Html.esc(id) + "\">Record a step</label><select id=\"type-" + Html.esc(id)
                            + "\" name=\"type\" hx-get=\"/studies/" + Html.esc(study) + "/step-template\" hx-include="
                            + "\"this\" hx-vals='{\"subject\": \"" + Html.esc(v.subject()) + "\", \"product\": \""
                            + Html.esc(id) + "\"}' hx-target=\"#details-"
                            + Html.esc(id) + "\" hx-swap=\"outerHTML\">" + types + "</select>"
                            + StepFields.render(id, mine.get(0), StepTemplates.of(mine.get(0), v.subject())),
                            "Record step"));
            s.append("</section>");
        }
        if (!r.visits().isEmpty()) {
            s.append("<section><h2>Visit calendar</h2>").append(Html.table(r.visits(), x -> new String[] {
                    Html.esc(x.name()), Html.esc(x.target()), x.opens() == null ? "" : Html.esc(x.opens() + " to "
                    + x.closes()), Html.esc(x.done()), "<span class=\"visit-status\">" + Html.esc(x.status())
                    + "</span>"}, "Visit", "Target", "Window", "Done", "Status"));
            StringBuilder visits = new StringBuilder();
            r.visits().stream().filter(x -> x.done() == null).forEach(x -> visits.append("<option>").append(
                    Html.esc(x.name())).append("</option>"));
            if (Action.RECORD_VISIT.allows(p.rolesIn(study))) {
                s.append(Html.form(base + "/visits", p.csrfToken(), "<label for=\"visit\">Visit done</label><select"
                        + " id=\"visit\" name=\"visit\">" + visits + "</select><label for=\"day\">On</label><input"
                        + " type=\"date\" id=\"day\" name=\"day\" required>", "Record visit"));
            }
            if (!r.deviations().isEmpty()) {
                s.append("<h3>Deviations</h3><ul>");
                r.deviations().forEach(d -> s.append("<li>").append(Html.esc(d)).append("</li>"));
                s.append("</ul>");
            }
            s.append("</section>");
        }
        s.append(capture);
        if (v.kitCode() != null && v.group() == null && Action.UNBLIND.allows(p.rolesIn(study))) {
            s.append("<section><h2>Emergency unblinding</h2><p class=\"muted\">For a medical emergency only. It"
                    + " reveals this subject's arm to you alone (at once, or once a second person approves where the"
                    + " protocol asks for one); the sponsor's staff and the study team see that you asked, and why,"
                    + " never the arm.</p>").append(Html.form(base + "/unblind", p.csrfToken(), "<label"
                    + " for=\"unblind-reason\">Reason</label><input type=\"text\" id=\"unblind-reason\""
                    + " name=\"reason\" required><label for=\"unblind-password\">Your password, to confirm</label>"
                    + "<input type=\"password\" id=\"unblind-password\" name=\"password\" required"
                    + " autocomplete=\"current-password\"><label><input type=\"checkbox\" name=\"confirm\""
                    + " value=\"yes\" required> I confirm that this subject's care needs the arm</label>",
                    "Unblind")).append("</section>");
        }
        return Layout.page("Subject " + v.subject(), p, s.toString());
    }
}
