package org.stroma.server.app;

import java.time.LocalDate;
import java.util.List;
import org.stroma.trial.conduct.EligibilityReview;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.subject.Consent;

/**
 * A subject's page as one person may see it: the subject (state, kit code, and the arm only for those who may know
 * it), each product's chain, the visit calendar with windows and statuses, and the deviations; where the protocol
 * assigns arms rather than randomizing, the arms the investigator chooses from; the criteria the screening left for
 * the investigator to answer; the consent form in force and the subject's consents; the time zone of the
 * subject's site, in which its times are shown; and, for those who screen, what completing a screening left open
 * takes (null when nothing is open, or for others).
 */
public record SubjectRecord(SubjectView subject, List<ProductView> products, List<VisitRow> visits,
        List<String> deviations, List<String> assignedArms, List<EligibilityReview.OpenCriterion> openCriteria,
        String consentForm, List<Consent> consents, String zone, OpenScreening screening) {

    /** A visit on the calendar: target day and window (null until its anchor happens), the day done, the status. */
    public record VisitRow(String name, LocalDate target, LocalDate opens, LocalDate closes, LocalDate done,
            String status) {
    }
}
