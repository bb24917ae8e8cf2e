package org.stroma.trial.safety;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * What an adverse event owes and by when: for a SUSAR, the regulatory report (7 or 15 days from the sponsor's
 * awareness) and, if fatal or life-threatening, the follow-up; for any serious event, the site's report to the
 * sponsor (1 day from onset, the site's awareness being taken as onset). Nothing is due for a non-serious event.
 */
public record ReportingClock(boolean susar, LocalDate regulatoryDue, LocalDate followUpDue, LocalDate sponsorDue) {

    public static ReportingClock of(AdverseEvent e, ReportingRules rules) {
        if (!e.isSerious()) {
            return new ReportingClock(false, null, null, null);
        }
        LocalDate sponsorDue = e.onset() == null ? null : e.onset().plusDays(rules.siteToSponsorDays());
        if (!e.isSusar()) {
            return new ReportingClock(false, null, null, sponsorDue);
        }
        if (e.sponsorAware() == null) {
            throw new InvalidInputException("SUSAR " + e.id() + " needs the day the sponsor became aware: the"
                    + " reporting clock starts there");
        }
        boolean fatal = e.isFatalOrLifeThreatening();
        LocalDate due = e.sponsorAware().plusDays(fatal ? rules.fatalDays() : rules.otherDays());
        return new ReportingClock(true, due, fatal ? due.plusDays(rules.fatalFollowUpDays()) : null, sponsorDue);
    }

    /** Days left to the regulatory report on a day (negative: overdue); null when none is due. */
    public Long daysLeft(LocalDate today) {
        return regulatoryDue == null ? null : ChronoUnit.DAYS.between(today, regulatoryDue);
    }
}
