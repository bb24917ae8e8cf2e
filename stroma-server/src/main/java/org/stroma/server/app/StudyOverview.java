package org.stroma.server.app;

import java.util.List;

/**
 * A study as its page shows it: the published version's design (arms, allocation, masking, periods), the visit
 * schedule, the assumptions made where the record is silent, the sites the person sees with their enrolment, and the
 * consent form version in force, and whether an emergency unblinding needs a second person.
 */
public record StudyOverview(String id, String title, int publishedVersion, String design, List<Arm> arms,
        String allocation, List<String> masked, List<String> periods, List<Visit> schedule, List<String> assumptions,
        List<SiteEnrolment> sites, List<String> roles, String consentForm, boolean secondPersonForUnblinding) {

    public record Arm(String code, String label, String type) {
    }

    public record Visit(String name, String when, String window) {
    }

    /** A site, the time zone it keeps, and its subjects: screened so far, randomized, exited. */
    public record SiteEnrolment(String site, String zone, int subjects, int randomized, int exited) {
    }
}
