package org.stroma.trial.safety;

/**
 * The expedited reporting timelines, in calendar days from the day the sponsor became aware (day 0): a fatal or
 * life-threatening SUSAR within 7 days, with its follow-up 8 days after that; any other SUSAR within 15 days; and any
 * serious event from the site to the sponsor within 1 day (24 hours). EU CT Regulation and 21 CFR 312.32 agree;
 * a protocol may set its own.
 */
public record ReportingRules(int fatalDays, int fatalFollowUpDays, int otherDays, int siteToSponsorDays) {
    public static final ReportingRules STANDARD = new ReportingRules(7, 8, 15, 1);

    public ReportingRules {
        if (fatalDays < 1 || fatalFollowUpDays < 0 || otherDays < fatalDays || siteToSponsorDays < 0) {
            throw new IllegalArgumentException("reporting days must be positive and the fatal clock the shorter");
        }
    }
}
