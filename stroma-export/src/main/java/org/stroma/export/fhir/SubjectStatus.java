package org.stroma.export.fhir;

import org.hl7.fhir.r4.model.ResearchSubject.ResearchSubjectStatus;
import org.stroma.trial.subject.SubjectState;

/**
 * A subject's state in Stroma as one of the 13 statuses of an R4 ResearchSubject. Stroma's path runs candidate,
 * screened, eligible, consented, enrolled, randomized, treated, in follow-up, completed; R4 names the same stages
 * differently and has no "randomized" or "completed": a randomized subject is on study, and one who completed it is
 * off study, as is one lost to follow-up (R4 has no code for the loss itself; the exit reason stays in Stroma).
 */
final class SubjectStatus {
    private SubjectStatus() {
    }

    static ResearchSubjectStatus of(SubjectState state) {
        return switch (state) {
            case CANDIDATE -> ResearchSubjectStatus.CANDIDATE;
            case SCREENED -> ResearchSubjectStatus.SCREENING;
            case ELIGIBLE -> ResearchSubjectStatus.ELIGIBLE;
            case INELIGIBLE -> ResearchSubjectStatus.INELIGIBLE;
            // consented, not yet enrolled: R4's "pending on study"
            case CONSENTED -> ResearchSubjectStatus.PENDINGONSTUDY;
            case ENROLLED, RANDOMIZED -> ResearchSubjectStatus.ONSTUDY;
            case TREATED -> ResearchSubjectStatus.ONSTUDYINTERVENTION;
            case IN_FOLLOW_UP -> ResearchSubjectStatus.FOLLOWUP;
            case COMPLETED, LOST_TO_FOLLOW_UP -> ResearchSubjectStatus.OFFSTUDY;
            case WITHDRAWN -> ResearchSubjectStatus.WITHDRAWN;
            // screened and never enrolled: R4's "not registered"
            case SCREEN_FAILURE -> ResearchSubjectStatus.NOTREGISTERED;
        };
    }
}
