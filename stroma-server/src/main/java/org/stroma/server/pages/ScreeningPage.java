package org.stroma.server.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stroma.server.app.ScreeningOutcome;
import org.stroma.server.app.StudyOverview;
import org.stroma.server.auth.Principal;
import org.stroma.trial.eligibility.AskedFacts;
import org.stroma.trial.eligibility.compile.CompiledCriterion;

/**
 * Screening a patient: the subject id and site, the patient's record (a FHIR bundle or an entered record uploaded, or
 * the facts the trial's criteria ask typed in) and the investigator's answers to what records cannot show; then every
 * criterion's verdict with its reason.
 */
public final class ScreeningPage {
    private ScreeningPage() {
    }

    /**
     * The form, with the facts the criteria ask and a question for each criterion that records cannot answer. After a
     * refusal it holds what the person typed ({@code facts.typed()}) and why it was refused ({@code error}, null for
     * none).
     */
    public record Form(Principal principal, StudyOverview study, FactFields facts, String error) {

        public List<CompiledCriterion> questions() {
            return facts.asked().questions();
        }
    }

    /** What the screening found, criterion by criterion. */
    public record Result(Principal principal, String study, ScreeningOutcome outcome) {

        /** A verdict as the page's style names it (eligible, not_met, …). */
        public static String style(Enum<?> verdict) {
            return verdict.name().toLowerCase(Locale.ROOT);
        }
    }

    public static String form(Principal p, StudyOverview o, AskedFacts asked, Map<String, String> typed,
            String error) {
        return Templates.render("page/screeningForm.jte", new Form(p, o, new FactFields(asked, true, typed), error));
    }

    public static String result(Principal p, String study, ScreeningOutcome outcome) {
        return Templates.render("page/screeningResult.jte", new Result(p, study, outcome));
    }
}
