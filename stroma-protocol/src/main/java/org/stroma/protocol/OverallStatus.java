package org.stroma.protocol;

/** Recruitment status of a study, or of one of its sites. */
public enum OverallStatus implements Coded {
    ACTIVE_NOT_RECRUITING("Active, not recruiting"),
    COMPLETED("Completed"),
    ENROLLING_BY_INVITATION("Enrolling by invitation"),
    NOT_YET_RECRUITING("Not yet recruiting"),
    RECRUITING("Recruiting"),
    SUSPENDED("Suspended"),
    TERMINATED("Terminated"),
    WITHDRAWN("Withdrawn"),
    AVAILABLE("Available"),
    NO_LONGER_AVAILABLE("No longer available"),
    TEMPORARILY_NOT_AVAILABLE("Temporarily not available"),
    APPROVED_FOR_MARKETING("Approved for marketing"),
    WITHHELD("Withheld"),
    UNKNOWN("Unknown status");

    private final String label;

    OverallStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
