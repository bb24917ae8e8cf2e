package org.stroma.server.app;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stroma.server.auth.Principal;
import org.stroma.store.conduct.ConductEvent;
import org.stroma.store.conduct.ConductStore;
import org.stroma.trial.capture.DataQuery;
import org.stroma.trial.capture.FormRecord;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.schedule.VisitCalendar;
import org.stroma.trial.subject.Subject;

/**
 * The data's review across a study: the record status dashboard, the study's queries with their filters and the
 * monitor's closing of many at once, source data verification, and the locks of a form, a subject or a site before
 * the study's lock. Site staff see their site's subjects only; nothing here tells an arm.
 */
public final class MonitoringService {
    private final ConductStore conduct;
    private final CaptureService capture;
    private final Clock clock;

    public MonitoringService(ConductStore conduct, CaptureService capture, Clock clock) {
        this.conduct = conduct;
        this.capture = capture;
        this.clock = clock;
    }

    /** One subject's row of the dashboard (the subject's own page), for a subject the person sees. */
    public CasebookGrid grid(Principal p, String study, String subject) throws SQLException {
        Access.member(p, study);
        Instant now = clock.instant();
        return conduct.read(study, t -> CasebookGrid.of(t, List.of(t.subject(Access.visibleSubject(p, study, t,
                subject))), now));
    }

    /** The dashboard of the subjects the person sees. */
    public CasebookGrid grid(Principal p, String study) throws SQLException {
        Access.member(p, study);
        Instant now = clock.instant();
        return conduct.read(study, t -> CasebookGrid.of(t, visible(p, study, t), now));
    }

    /** A visit not done yet that is late, or due within the week, on its site's calendar. */
    public record VisitDue(String subject, String site, String visit, LocalDate target, LocalDate opens,
            LocalDate closes, String status, long daysLate) {
    }

    /**
     * The visits of the subjects the person sees that are overdue (past their target day, not done) or due within
     * the next seven days of their site's calendar, the most overdue first; a week is what a coordinator plans ahead.
     */
    public List<VisitDue> visitsDue(Principal p, String study) throws SQLException {
        Access.member(p, study);
        Instant now = clock.instant();
        return conduct.read(study, t -> {
            List<VisitDue> due = new ArrayList<>();
            for (Subject s : visible(p, study, t)) {
                if (t.products(s.id()).isEmpty() || s.state().isFinal()) {
                    continue; // no calendar before the randomization, and none left after the subject's exit
                }
                LocalDate today = LocalDate.ofInstant(now, t.zoneOf(s.site()));
                VisitCalendar calendar = t.calendar(s.id());
                for (VisitCalendar.Visit v : calendar.visits()) {
                    if (v.done() != null || v.target() == null || v.target().isAfter(today.plusDays(7))) {
                        continue;
                    }
                    due.add(new VisitDue(s.id(), s.site(), v.plan().name(), v.target(), v.opens(), v.closes(),
                            calendar.status(v.plan().name(), today).name().toLowerCase(Locale.ROOT), Math.max(0,
                            ChronoUnit.DAYS.between(v.target(), today))));
                }
            }
            due.sort(Comparator.comparing(VisitDue::target));
            return due;
        });
    }

    /**
     * A query as the study's query list shows it: where it is, at which site (and the site's time zone), when it was
     * opened and how many days ago, and its last step.
     */
    public record QueryRow(CaptureService.QueryView query, String site, String zone, Instant opened, long ageDays,
            DataQuery.Step last) {
    }

    /**
     * The queries of the subjects the person sees, oldest first, filtered by status (open, answered, closed; blank for
     * any), site, form, and a least age in days (null for any).
     */
    public List<QueryRow> queries(Principal p, String study, String status, String site, String form,
            Integer olderThanDays) throws SQLException {
        Access.member(p, study);
        if (status != null && !status.isBlank() && !List.of("open", "answered", "closed").contains(status)) {
            throw RequestException.badRequest("status", "'" + Texts.shown(status) + "' is not a query's status:"
                    + " open, answered or closed");
        }
        if (olderThanDays != null && olderThanDays < 0) {
            throw RequestException.badRequest("age", "an age in days is 0 or more, not " + olderThanDays);
        }
        Instant now = clock.instant();
        return conduct.read(study, t -> {
            List<QueryRow> rows = new ArrayList<>();
            for (DataQuery q : t.casebook().queries()) {
                String at = t.subject(q.subject()).site();
                Instant opened = q.history().get(0).at();
                long age = Duration.between(opened, now).toDays();
                if (p.seesSite(study, at) && matches(status, q.status().name().toLowerCase(Locale.ROOT))
                        && matches(site, at) && matches(form, q.form()) && (olderThanDays == null
                        || age >= olderThanDays)) {
                    rows.add(new QueryRow(CaptureService.QueryView.of(q), at, t.zoneOf(at).getId(), opened, age,
                            q.history().get(q.history().size() - 1)));
                }
            }
            return rows;
        });
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.isBlank() || wanted.equals(value);
    }

    /** What closing many queries at once did: the queries closed, and why each of the others was not. */
    public record Closed(List<String> closed, Map<String, String> refused) {
    }

    /**
     * Closes each query at the version the monitor saw it (its number of steps); one changed meanwhile, or already
     * closed, is refused alone, with why, and the others are closed.
     */
    public Closed closeQueries(Principal p, String study, Map<String, Integer> versions, String note)
            throws SQLException {
        Access.require(p, study, Action.REVIEW_DATA);
        if (versions.isEmpty()) {
            throw RequestException.badRequest("queries", "name the queries to close");
        }
        versions.forEach((id, version) -> Versions.required(version, "query " + id));
        List<String> closed = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        versions.forEach((id, version) -> {
            try {
                // each closed as the form page closes one: its version checked, its refusal its own
                capture.move(p, study, id, "close", note, version);
                closed.add(id);
            } catch (RequestException | SQLException refusal) {
                refused.put(id, refusal.getMessage());
            }
        });
        return new Closed(closed, refused);
    }

    /**
     * Verifies a form's current values, as the monitor read them ({@code version}: the form's number of versions): the
     * items named, or every item the form gives when none is.
     */
    public void verify(Principal p, String study, String subject, String visit, String form, Integer version,
            List<String> items) throws SQLException {
        Access.require(p, study, Action.VERIFY_SOURCE);
        see(p, study, subject);
        Versions.required(version, "the form");
        Instant now = clock.instant();
        Set<String> named = Set.copyOf(items);
        Recording.refusing(() -> conduct.record(study, p.username(), t -> {
            CaptureService.checkForm(t, subject, visit, form, version);
            // an item the form does not give is refused by name; a verification that adds nothing is refused here,
            // before it is kept: the trial's record replays every verification it holds
            FormRecord r = t.casebook().record(subject, visit, form).orElse(null);
            named.stream().filter(i -> r != null && !r.givenItems().contains(i)).findFirst().ifPresent(i -> {
                throw RequestException.badRequest("items", "'items': " + form + " gives no " + Texts.shown(i)
                        + " to verify");
            });
            t.casebook().checkVerifiable(subject, visit, form, named);
        }, t -> {
            t.verifyForm(subject, visit, form, named, p.username(), now);
            return new ConductEvent.FormVerified(subject, visit, form, List.copyOf(items), now, p.username());
        }), "form");
    }

    /** Locks a form (as the person read it), or with {@code visit} null the subject's whole casebook. */
    public void lock(Principal p, String study, String subject, String visit, String form, Integer version)
            throws SQLException {
        Access.require(p, study, Action.LOCK_CASEBOOK);
        see(p, study, subject);
        Instant now = clock.instant();
        if (visit != null) {
            Versions.required(version, "the form");
        }
        Recording.refusing(() -> conduct.record(study, p.username(), t -> {
            if (visit != null) {
                CaptureService.checkForm(t, subject, visit, form, version);
            }
        }, t -> {
            t.lockCasebook(subject, visit, form, p.username(), now);
            return new ConductEvent.CasebookLocked(subject, visit, form, now, p.username());
        }), "form");
    }

    /** Locks the casebook of every subject at a site the person sees; returns the subjects locked. */
    public List<String> lockSite(Principal p, String study, String site) throws SQLException {
        Access.require(p, study, Action.LOCK_CASEBOOK);
        if (site == null || site.isBlank() || !p.seesSite(study, site)) {
            throw RequestException.badRequest("site", "choose one of your sites to lock");
        }
        Instant now = clock.instant();
        List<String> locked = new ArrayList<>();
        Recording.refusing(() -> conduct.record(study, p.username(), t -> {
            locked.addAll(t.lockSite(site, p.username(), now));
            return new ConductEvent.SiteLocked(site, now, p.username());
        }), "site");
        return locked;
    }

    /** Unlocks a form, or with {@code visit} null a subject's casebook, with the reason kept in the audit trail. */
    public void unlock(Principal p, String study, String subject, String visit, String form, String reason)
            throws SQLException {
        Access.require(p, study, Action.UNLOCK_CASEBOOK);
        see(p, study, subject);
        if (reason == null || reason.isBlank()) {
            throw RequestException.badRequest("reason", "an unlock needs its reason");
        }
        Instant now = clock.instant();
        Recording.refusing(() -> conduct.record(study, p.username(), t -> {
            t.unlockCasebook(subject, visit, form);
            return new ConductEvent.CasebookUnlocked(subject, visit, form, reason.strip(), now, p.username());
        }), "form");
    }

    private void see(Principal p, String study, String subject) throws SQLException {
        conduct.read(study, t -> Access.visibleSubject(p, study, t, subject));
    }

    private static List<Subject> visible(Principal p, String study, TrialConduct t) {
        return t.subjects().stream().filter(s -> p.seesSite(study, s.site())).toList();
    }
}
