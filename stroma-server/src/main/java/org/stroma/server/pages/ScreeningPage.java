package org.stroma.server.pages;

import java.util.List;
import java.util.Locale;
import org.stroma.protocol.text.Words;
import org.stroma.server.app.ScreeningOutcome;
import org.stroma.server.app.StudyOverview;
import org.stroma.server.auth.Principal;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.eligibility.compile.CompiledCriterion;

/**
 * Screening a patient: the subject id and site, the patient's record (a FHIR bundle or an entered record) and the
 * investigator's answers to what records cannot show; then every criterion's verdict with its reason.
 */
public final class ScreeningPage {
    private ScreeningPage() {
    }

    public static String form(Principal p, StudyOverview o, List<CompiledCriterion> questions) {
        StringBuilder f = new StringBuilder("<label for=\"subject\">Subject id</label><input type=\"text\""
                + " id=\"subject\" name=\"subject\" required><label for=\"site\">Site</label><select id=\"site\""
                + " name=\"site\">");
        o.sites().forEach(s -> f.append("<option>").append(Html.esc(s.site())).append("</option>"));
        f.append("</select><label for=\"record\">Patient record (FHIR R4 bundle or entered patient, JSON)</label>"
                + "<input type=\"file\" id=\"record\" name=\"record\" required>");
        if (!questions.isEmpty()) {
            f.append("<h2>Investigator's answers</h2>");
            for (CompiledCriterion c : questions) {
                f.append("<label for=\"answer-").append(Html.esc(c.id())).append("\">").append(Html.esc(c.id()))
                        .append(": ").append(Html.esc(c.text())).append("</label><select id=\"answer-")
                        .append(Html.esc(c.id())).append("\" name=\"answer-").append(Html.esc(c.id()))
                        .append("\"><option value=\"\">not answered</option><option value=\"yes\">yes</option>"
                                + "<option value=\"no\">no</option></select>");
            }
        }
        String form = "<form method=\"post\" action=\"/studies/" + Html.esc(o.id()) + "/screen\" enctype=\""
                + "multipart/form-data\"><input type=\"hidden\" name=\"_csrf\" value=\"" + Html.esc(p.csrfToken())
                + "\">" + f + "<br><button type=\"submit\">Screen</button></form>";
        return Layout.page("Screen a patient for " + o.id(), p, form);
    }

    public static String result(Principal p, String study, ScreeningOutcome outcome) {
        ScreeningResult r = outcome.result();
        String verdict = r.verdict().name().toLowerCase(Locale.ROOT);
        String s = "<p>Subject " + Html.link("/studies/" + study + "/subjects/" + outcome.subject().subject(),
                outcome.subject().subject()) + " screened on " + r.date() + ": <strong id=\"verdict\" class=\""
                + verdict + "\">" + verdict + "</strong></p>" + Html.table(r.criteria(), c -> new String[] {
                        Html.esc(c.id()), Html.esc(c.text()), "<span class=\""
                        + c.verdict().name().toLowerCase(Locale.ROOT) + "\">" + Words.of(c.verdict()) + "</span>",
                        Html.esc(c.reason())}, "Criterion", "Text", "Verdict", "Reason");
        return Layout.page("Screening of " + outcome.subject().subject(), p, s);
    }
}
