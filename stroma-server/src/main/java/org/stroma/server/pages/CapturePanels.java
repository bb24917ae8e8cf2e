package org.stroma.server.pages;

import java.util.List;
import org.stroma.protocol.text.Words;
import org.stroma.server.app.CaptureService;
import org.stroma.server.auth.Principal;
import org.stroma.trial.safety.Causality;
import org.stroma.trial.safety.Outcome;
import org.stroma.trial.safety.SeriousnessCriterion;

/** The subject page's data-capture panels: the forms by visit, and the adverse events with the report form. */
public final class CapturePanels {
    private CapturePanels() {
    }

    public static String forms(String study, String subject, List<CaptureService.FormStatus> forms) {
        return "<section id=\"forms\"><h2>Case report forms</h2>" + Html.table(forms, f -> new String[] {
                Html.esc(f.visit()), "<a href=\"" + Html.esc(FormPage.path(study, subject, f.visit(), f.form())) + "\">"
                        + Html.esc(f.title()) + "</a>", "<span class=\"form-state\">" + Html.esc(f.state()) + "</span>",
                f.openQueries() == 0 ? "" : f.openQueries() + " open"}, "Visit", "Form", "State", "Queries")
                + "</section>";
    }

    public static String adverseEvents(Principal p, String study, String subject,
            List<CaptureService.AdverseEventView> events, boolean reports) {
        StringBuilder s = new StringBuilder("<section id=\"adverse-events\"><h2>Adverse events</h2>");
        s.append(table(events));
        if (reports) {
            StringBuilder serious = new StringBuilder();
            for (SeriousnessCriterion c : SeriousnessCriterion.values()) {
                serious.append("<label><input type=\"checkbox\" name=\"seriousness\" value=\"").append(c.name())
                        .append("\"> ").append(Words.of(c)).append("</label>");
            }
            s.append(Html.form("/studies/" + study + "/subjects/" + subject + "/adverse-events", p.csrfToken(),
                    "<label for=\"ae-term\">Term</label><input type=\"text\" id=\"ae-term\" name=\"term\" required>"
                            + "<label for=\"ae-grade\">CTCAE grade</label><select id=\"ae-grade\" name=\"grade\">"
                            + "<option>1</option><option>2</option><option>3</option><option>4</option><option>5"
                            + "</option></select><fieldset><legend>Serious because (none: not serious)</legend>"
                            + serious + "</fieldset>" + select("ae-causality", "causality", Causality.values())
                            + "<label><input type=\"checkbox\" name=\"expected\" value=\"true\"> expected (listed in the"
                            + " reference safety information)</label><label for=\"ae-onset\">Onset</label><input"
                            + " type=\"date\" id=\"ae-onset\" name=\"onset\" required>"
                            + select("ae-outcome", "outcome", Outcome.values()), "Report adverse event"));
        }
        return s.append("</section>").toString();
    }

    /** Adverse events with their clocks: what is due and when. */
    public static String table(List<CaptureService.AdverseEventView> events) {
        return Html.table(events, a -> new String[] {Html.esc(a.event().id()), Html.esc(a.event().term()),
                String.valueOf(a.event().grade().number()), a.serious() ? "serious" : "", a.susar() ? "<strong>SUSAR"
                + "</strong>" : "", Html.esc(a.event().onset()), a.onsetDaysFromAdministration() == null ? ""
                : "day " + a.onsetDaysFromAdministration(), due(a)}, "Event", "Term", "Grade", "Serious", "SUSAR",
                "Onset", "From administration", "Reports due");
    }

    private static String due(CaptureService.AdverseEventView a) {
        StringBuilder s = new StringBuilder();
        if (a.sponsorDue() != null) {
            s.append("sponsor by ").append(a.sponsorDue());
        }
        if (a.regulatoryDue() != null) {
            s.append("; regulator by <strong class=\"due\">").append(a.regulatoryDue()).append("</strong> (")
                    .append(a.daysLeft() < 0 ? (-a.daysLeft()) + " days overdue" : a.daysLeft() + " days left")
                    .append(")");
        }
        if (a.followUpDue() != null) {
            s.append("; follow-up by ").append(a.followUpDue());
        }
        return s.toString();
    }

    private static String select(String id, String name, Enum<?>[] values) {
        StringBuilder o = new StringBuilder();
        for (Enum<?> v : values) {
            o.append("<option value=\"").append(v.name()).append("\">").append(Words.of(v)).append("</option>");
        }
        return "<label for=\"" + id + "\">" + Html.esc(name) + "</label><select id=\"" + id + "\" name=\"" + name
                + "\">" + o + "</select>";
    }
}
