package org.stroma.trial.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stroma.protocol.Offset;
import org.stroma.protocol.TimeAnchor;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.refusal.ConflictException;

/**
 * One subject's visits: each planned visit's target day and window from the subject's own anchor dates
 * (randomization, first administration), the visits done, and the deviations of those done outside their window.
 */
public final class VisitCalendar {
    private final String subject;
    private final List<PlannedVisit> plan;
    private final Map<TimeAnchor, LocalDate> anchors = new HashMap<>();
    private final Map<String, LocalDate> done = new HashMap<>();
    /** Target days set by a booking rather than counted from an anchor: an administration after its manufacture. */
    private final Map<String, LocalDate> planned = new HashMap<>();
    private final List<ProtocolDeviation> deviations = new ArrayList<>();
    /** Visits done before their anchor (a baseline before the administration), checked once the anchor happens. */
    private final List<String> awaitingAnchor = new ArrayList<>();

    /** A visit on the calendar: target and window, null while its anchor has not happened. */
    public record Visit(PlannedVisit plan, LocalDate target, LocalDate opens, LocalDate closes, LocalDate done) {
    }

    public VisitCalendar(String subject, List<PlannedVisit> plan) {
        this.subject = subject;
        this.plan = List.copyOf(plan);
    }

    /**
     * The subject's randomization, or first administration, happened on this day; visits already done that are
     * counted back from it are now checked against their windows.
     */
    public void anchor(TimeAnchor anchor, LocalDate day) {
        anchors.put(anchor, day);
        for (String name : List.copyOf(awaitingAnchor)) {
            Visit v = visit(name);
            if (v.plan().anchor() == anchor) {
                awaitingAnchor.remove(name);
                deviation(v, done.get(name));
            }
        }
    }

    public List<Visit> visits() {
        List<Visit> visits = new ArrayList<>();
        for (PlannedVisit p : plan) {
            LocalDate base = anchors.get(p.anchor());
            LocalDate target = planned.containsKey(p.name()) ? planned.get(p.name()) : base == null ? null
                    : plus(base, p.offset());
            visits.add(new Visit(p, target, target == null ? null : target.minusDays(p.daysEarly()),
                    target == null ? null : target.plusDays(p.daysLate()), done.get(p.name())));
        }
        return visits;
    }

    /**
     * Sets a visit's target day from a plan made after the schedule's: the administration, on the day the product's
     * manufacture booked for it ends. A visit done is not planned again.
     */
    public void replan(String name, LocalDate target) {
        Visit v = visit(name);
        if (v.done() != null) {
            throw new ConflictException("visit '" + name + "' of subject " + subject + " was done on " + v.done()
                    + "; it is not planned again");
        }
        planned.put(name, target);
    }

    public Visit visit(String name) {
        return visits().stream().filter(v -> v.plan().name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("no visit '" + name + "' in the schedule"));
    }

    /** A visit's status on a day. */
    public VisitStatus status(String name, LocalDate today) {
        Visit v = visit(name);
        if (v.done() != null) {
            return VisitStatus.DONE;
        }
        if (v.target() == null || today.isBefore(v.opens())) {
            return VisitStatus.UPCOMING;
        }
        if (!today.isAfter(v.target())) {
            return VisitStatus.OPEN;
        }
        return today.isAfter(v.closes()) ? VisitStatus.MISSED : VisitStatus.OVERDUE;
    }

    /** Records a visit as done on a day; one outside its window is a protocol deviation, returned and kept. */
    public ProtocolDeviation record(String name, LocalDate day) {
        Visit v = visit(name);
        if (v.done() != null) {
            throw new ConflictException("visit '" + name + "' of subject " + subject + " was done on " + v.done());
        }
        if (v.target() == null) {
            // a visit held before its anchor (the baseline, before the first administration) waits for it
            if (heldBeforeItsAnchor(v)) {
                done.put(name, day);
                awaitingAnchor.add(name);
                return null;
            }
            throw new ConflictException(notYet(name));
        }
        done.put(name, day);
        return deviation(v, day);
    }

    /**
     * Why nothing can happen at a visit yet (the moment it counts from has not come, so it cannot have been held),
     * or null when it can.
     */
    public String notYet(String name) {
        Visit v = visit(name);
        if (v.target() != null || v.done() != null || heldBeforeItsAnchor(v)) {
            return null;
        }
        return "visit '" + name + "' of subject " + subject + " cannot be held yet: its anchor ("
                + v.plan().anchor().label() + ") has not happened";
    }

    /** A visit on the day of its anchor that may come a few days before it: the baseline, before the first dose. */
    private static boolean heldBeforeItsAnchor(Visit v) {
        return v.plan().offset().amount() == 0 && v.plan().daysEarly() > 0;
    }

    /** The deviation of a visit done outside its window, kept; null when it was done within it. */
    private ProtocolDeviation deviation(Visit v, LocalDate day) {
        String name = v.plan().name();
        if (day.isBefore(v.opens()) || day.isAfter(v.closes())) {
            long late = java.time.temporal.ChronoUnit.DAYS.between(v.target(), day);
            ProtocolDeviation d = new ProtocolDeviation(subject, "visit '" + name + "' done " + Math.abs(late)
                    + " days " + (late > 0 ? "late" : "early") + ", outside its window " + v.opens() + " to "
                    + v.closes(), day);
            deviations.add(d);
            return d;
        }
        return null;
    }

    public List<ProtocolDeviation> deviations() {
        return List.copyOf(deviations);
    }

    static LocalDate plus(LocalDate day, Offset offset) {
        double a = offset.amount();
        boolean whole = a == Math.rint(a);
        return switch (offset.unit()) {
            case YEAR -> whole ? day.plusYears((long) a) : day.plusDays(Math.round(offset.approximateDays()));
            case MONTH -> whole ? day.plusMonths((long) a) : day.plusDays(Math.round(offset.approximateDays()));
            case WEEK -> day.plusDays(Math.round(a * 7));
            default -> day.plusDays(Math.round(offset.approximateDays()));
        };
    }
}
