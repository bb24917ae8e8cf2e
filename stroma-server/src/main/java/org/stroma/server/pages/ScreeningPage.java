package org.stroma.server.pages;

import java.util.List;
import java.util.Locale;
import org.stroma.server.app.ScreeningOutcome;
import org.stroma.server.app.StudyOverview;
import org.stroma.server.auth.Principal;
import org.stroma.trial.eligibility.compile.CompiledCriterion;

/**
 * Screening a patient: the subject id and site, the patient's record (a FHIR bundle or an entered record) and the
 * investigator's answers to what records cannot show; then every criterion's verdict with its reason.
 */
public final class ScreeningPage {
    private ScreeningPage() {
    }

    /** The form, with a question for each criterion that records cannot answer. */
    public record Form(Principal principal, StudyOverview study, List<CompiledCriterion> questions) {
    }

    /** What the screening found, criterion by criterion. */
    public record Result(Principal principal, String study, ScreeningOutcome outcome) {

        /** A verdict as the page's style names it (eligible, not_met, …). */
        public static String style(Enum<?> verdict) {
            return verdict.name().toLowerCase(Locale.ROOT);
        }
    }

    public static String form(Principal p, StudyOverview o, List<CompiledCriterion> questions) {
        return Templates.render("page/screeningForm.jte", new Form(p, o, questions));
    }

    public static String result(Principal p, String study, ScreeningOutcome outcome) {
        return Templates.render("page/screeningResult.jte", new Result(p, study, outcome));
    }
}
