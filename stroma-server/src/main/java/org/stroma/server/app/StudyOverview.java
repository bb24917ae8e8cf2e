package org.stroma.server.app;

import java.util.List;

/**
 * A study as its page shows it: the published version's design (arms, allocation, masking, periods), the visit
 * schedule, the assumptions made where the record is silent, and the sites the person sees with their enrolment.
 */
public record StudyOverview(String id, String title, int publishedVersion, String design, List<Arm> arms,
        String allocation, List<String> masked, List<String> periods, List<Visit> schedule, List<String> assumptions,
        List<SiteEnrolment> sites, List<String> roles) {

    public record Arm(String code, String label, String type) {
    }

    public record Visit(String name, String when, String window) {
    }

    /** Subjects at a site by where they are: screened so far, randomized, treated, in follow-up or completed, exited. */
    public record SiteEnrolment(String site, int subjects, int randomized, int exited) {
    }
}
