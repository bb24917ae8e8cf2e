package org.stroma.export.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.stroma.protocol.OverallStatus;
import org.stroma.protocol.Phase;
import org.stroma.protocol.PrimaryPurpose;

/** The registry's words for a study's status, phase and purpose, as the R4 research-study code systems say them. */
final class RegistryCodes {
    private RegistryCodes() {
    }

    /**
     * The R4 status of a registry status. R4 has no "unknown": a record whose status is unknown gives its last known
     * one, and without that the study is taken as active, since Stroma runs it.
     */
    static ResearchStudyStatus status(OverallStatus overall, OverallStatus lastKnown) {
        OverallStatus s = overall == null || overall == OverallStatus.UNKNOWN ? lastKnown : overall;
        if (s == null) {
            return ResearchStudyStatus.ACTIVE;
        }
        return switch (s) {
            case NOT_YET_RECRUITING -> ResearchStudyStatus.APPROVED;
            case RECRUITING, ENROLLING_BY_INVITATION, AVAILABLE, UNKNOWN -> ResearchStudyStatus.ACTIVE;
            case ACTIVE_NOT_RECRUITING, NO_LONGER_AVAILABLE -> ResearchStudyStatus.CLOSEDTOACCRUAL;
            case SUSPENDED, TEMPORARILY_NOT_AVAILABLE -> ResearchStudyStatus.TEMPORARILYCLOSEDTOACCRUAL;
            case COMPLETED, APPROVED_FOR_MARKETING -> ResearchStudyStatus.COMPLETED;
            case TERMINATED -> ResearchStudyStatus.ADMINISTRATIVELYCOMPLETED;
            case WITHDRAWN -> ResearchStudyStatus.WITHDRAWN;
            case WITHHELD -> ResearchStudyStatus.INREVIEW;
        };
    }

    /** The research-study-phase code of the registry's phases (two of them: a combined phase), or null. */
    static String phase(List<Phase> phases) {
        if (phases.isEmpty()) {
            return null;
        }
        if (phases.contains(Phase.PHASE1) && phases.contains(Phase.PHASE2)) {
            return "phase-1-phase-2";
        }
        if (phases.contains(Phase.PHASE2) && phases.contains(Phase.PHASE3)) {
            return "phase-2-phase-3";
        }
        return switch (phases.get(0)) {
            case NA -> "n-a";
            case EARLY_PHASE1 -> "early-phase-1";
            case PHASE1 -> "phase-1";
            case PHASE2 -> "phase-2";
            case PHASE3 -> "phase-3";
            case PHASE4 -> "phase-4";
        };
    }

    /** The research-study-prim-purp-type code of the registry's primary purpose, or null where R4 has none. */
    static String purpose(PrimaryPurpose purpose) {
        if (purpose == null) {
            return null;
        }
        return switch (purpose) {
            case TREATMENT -> "treatment";
            case PREVENTION -> "prevention";
            case DIAGNOSTIC -> "diagnostic";
            case SUPPORTIVE_CARE -> "supportive-care";
            case SCREENING -> "screening";
            case HEALTH_SERVICES_RESEARCH -> "health-services-research";
            case BASIC_SCIENCE -> "basic-science";
            case DEVICE_FEASIBILITY -> "device-feasibility";
            case ECT, OTHER -> null;
        };
    }
}
