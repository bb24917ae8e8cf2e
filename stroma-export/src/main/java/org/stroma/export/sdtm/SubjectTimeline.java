package org.stroma.export.sdtm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stroma.export.ExportSource;
import org.stroma.trial.design.DesignKind;
import org.stroma.trial.schedule.SchedulePlanner;
import org.stroma.trial.schedule.VisitCalendar;
import org.stroma.trial.subject.Consent;
import org.stroma.trial.subject.StateChange;
import org.stroma.trial.subject.Subject;
import org.stroma.trial.subject.SubjectState;

/**
 * A subject's dates as SDTM counts from them: informed consent, the administrations (the first is the reference start,
 * day 1), the end of participation; the study day and epoch of any date, and the day each visit was done.
 */
final class SubjectTimeline {
    static final String SCREENING = "SCREENING";
    static final String TREATMENT = "TREATMENT";
    static final String FOLLOW_UP = "FOLLOW-UP";

    private final ExportSource source;
    private final Subject subject;
    private final ZoneId zone;
    private final List<ExportSource.Administration> administrations;
    private final boolean crossover;
    /** The treatment period each visit of the schedule belongs to. */
    private final Map<String, Integer> periods = new HashMap<>();

    SubjectTimeline(ExportSource source, Subject subject) {
        this.source = source;
        this.subject = subject;
        this.zone = source.design().zoneOf(subject.site());
        this.administrations = source.administrations(subject.id());
        this.crossover = source.design().kind() == DesignKind.CROSSOVER;
        source.schedule().forEach(v -> periods.put(v.name(), v.period()));
    }

    Subject subject() {
        return subject;
    }

    ZoneId zone() {
        return zone;
    }

    List<ExportSource.Administration> administrations() {
        return administrations;
    }

    LocalDate day(Instant at) {
        return at == null ? null : source.localDay(subject.id(), at);
    }

    String dateTime(Instant at) {
        return SdtmValues.dateTime(at, zone);
    }

    /** The day of the first informed consent, or null. */
    LocalDate consented() {
        List<Consent> consents = source.consents(subject.id());
        return consents.isEmpty() ? null : day(consents.get(0).signedAt());
    }

    Instant firstAdministration() {
        return administrations.isEmpty() ? null : administrations.get(0).start();
    }

    Instant lastAdministrationEnd() {
        return administrations.isEmpty() ? null : administrations.get(administrations.size() - 1).stop();
    }

    /** Day 1: the day of the first administration; null for a subject never treated. */
    LocalDate reference() {
        return day(firstAdministration());
    }

    /** The day the subject left the trial, completed or not; null while still in it. */
    LocalDate ended() {
        return subject.state().isFinal() ? day(last().at()) : null;
    }

    /** The state change that ended the subject's participation, or null. */
    StateChange exit() {
        return subject.state().isFinal() ? last() : null;
    }

    private StateChange last() {
        return subject.history().get(subject.history().size() - 1);
    }

    Integer studyDay(LocalDate day) {
        return SdtmValues.studyDay(day, reference());
    }

    /** The day a visit was done, or null when it was not (or the subject has no calendar). */
    LocalDate visitDone(String visit) {
        VisitCalendar calendar = subject.history().stream().anyMatch(h -> h.to() == SubjectState.RANDOMIZED)
                ? source.calendar(subject.id()) : null;
        if (calendar == null) {
            return null;
        }
        return calendar.visits().stream().filter(v -> v.plan().name().equals(visit)).findFirst()
                .map(VisitCalendar.Visit::done).orElse(null);
    }

    /**
     * The epoch of a day: screening before the first administration (and the baseline visit, held for it); then, in a
     * parallel trial, treatment on the day of the administration and follow-up after it; in a crossover, the period
     * the visit belongs to — a period's last visit may fall on the day the next one's administration is given — or,
     * for what no visit dates, the period whose administration came last.
     */
    String epoch(LocalDate day, String visit) {
        if (day == null) {
            return null;
        }
        if (SchedulePlanner.BASELINE.equals(visit) || administrations.isEmpty() || day.isBefore(reference())) {
            return SCREENING;
        }
        if (!crossover) {
            return day.equals(reference()) ? TREATMENT : FOLLOW_UP;
        }
        if (visit != null && periods.containsKey(visit)) {
            return TREATMENT + " " + periods.get(visit);
        }
        int period = 1;
        for (ExportSource.Administration a : administrations) {
            if (!day.isBefore(day(a.start()))) {
                period = a.period();
            }
        }
        return TREATMENT + " " + period;
    }

    /** The epochs of a design, in order: what TA and EPOCH name. */
    static List<String> epochs(boolean crossover, int periods) {
        if (!crossover) {
            return List.of(SCREENING, TREATMENT, FOLLOW_UP);
        }
        List<String> epochs = new ArrayList<>(List.of(SCREENING));
        for (int p = 1; p <= periods; p++) {
            epochs.add(TREATMENT + " " + p);
        }
        return epochs;
    }
}
