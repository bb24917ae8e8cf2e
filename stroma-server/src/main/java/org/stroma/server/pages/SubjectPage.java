package org.stroma.server.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.stroma.server.app.Action;
import org.stroma.server.app.Moments;
import org.stroma.server.app.OpenScreening;
import org.stroma.server.app.SubjectRecord;
import org.stroma.server.auth.Principal;
import org.stroma.trial.conduct.EligibilityReview;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.subject.SubjectState;

/**
 * A subject: state and path, the kit code (and the arm only for those who may know it), the steps to take next, a
 * screening left open with the facts that would complete it, each product's chain as a timeline, the visit calendar
 * with windows, the data-capture panels, and the emergency unblinding. After a refused completion of the screening
 * the page holds what the person typed ({@code typed}) and why it was refused ({@code error}, null for none).
 */
public record SubjectPage(Principal principal, String study, SubjectRecord record, CapturePanels capture,
        Map<String, String> typed, String error) {

    public static String render(Principal p, String study, SubjectRecord r, CapturePanels capture) {
        return render(p, study, r, capture, null, null);
    }

    public static String render(Principal p, String study, SubjectRecord r, CapturePanels capture,
            Map<String, String> typed, String error) {
        return Templates.render("page/subject.jte", new SubjectPage(p, study, r, capture, typed, error));
    }

    /**
     * The fields that complete a screening left open: the facts its open criteria ask, and the birth date and sex
     * when they ask those and the record has none.
     */
    public FactFields screeningFields() {
        OpenScreening open = record.screening();
        return new FactFields(open.asked(), open.demographicsMissing(), typed);
    }

    /** Whether the person is offered to complete the subject's screening: it is open, and they screen. */
    public boolean completesScreening() {
        return record.screening() != null && may(Action.SCREEN);
    }

    /** Where the subject's own actions post. */
    public String base() {
        return "/studies/" + study + "/subjects/" + record.subject().subject();
    }

    /** Whether the person may do this in the study, so that the page offers only what they can do. */
    public boolean may(Action action) {
        return action.allows(principal.rolesIn(study));
    }

    /** Whether a consent is to be recorded now: once eligible, or again when a new consent form is in force. */
    public boolean takesConsent() {
        return may(Action.MOVE_SUBJECT) && (record.subject().state() == SubjectState.ELIGIBLE
                || record.subject().reconsentNeeded());
    }

    /** A moment of the subject's record, in their site's time zone. */
    public String shown(Instant at) {
        return Moments.show(at, ZoneId.of(record.zone()), principal.locale());
    }

    /** The id of an open criterion's answer field (a criterion's id may hold '|', which an id had better not). */
    public static String answerId(EligibilityReview.OpenCriterion c) {
        return "answer-" + c.id().replace('|', '-');
    }

    /** The product steps this person records: the lab's or the bedside's, never both unless their roles say so. */
    public List<String> steps() {
        return StepTemplates.types().stream().filter(t -> Action.forStep(t).allows(principal.rolesIn(study))).toList();
    }

    /** The fields of the first step offered for a product, before another is chosen. */
    public StepFields.Fieldset firstStepFields(ProductView product) {
        String type = steps().get(0);
        return StepFields.of(product.product(), type, StepTemplates.of(type, record.subject().subject()));
    }
}
