package org.stroma.server.app;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stroma.server.auth.Authenticator;
import org.stroma.server.auth.Principal;
import org.stroma.store.conduct.ConductEvent;
import org.stroma.store.conduct.ConductStore;
import org.stroma.trial.capture.CaptureException;
import org.stroma.trial.capture.Casebook;
import org.stroma.trial.capture.DataQuery;
import org.stroma.trial.capture.FormDef;
import org.stroma.trial.capture.FormRecord;
import org.stroma.trial.capture.FormState;
import org.stroma.trial.capture.FormVersion;
import org.stroma.trial.capture.ItemChange;
import org.stroma.trial.capture.CasebookLock;
import org.stroma.trial.capture.SourceVerification;
import org.stroma.trial.capture.Signature;
import org.stroma.trial.conduct.RefusedValue;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.safety.ReportingClock;
import org.stroma.trial.safety.ReportingRules;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.refusal.ConflictException;

/**
 * Data capture and safety: a subject's forms at each visit, saving them through the edit checks, signing them with the
 * password given again, queries, and adverse events with their reporting clocks. Site staff see their site's subjects
 * only; nothing here tells an arm.
 */
public final class CaptureService {
    private final ConductStore conduct;
    private final Authenticator auth;
    private final Clock clock;

    public CaptureService(ConductStore conduct, Authenticator auth, Clock clock) {
        this.conduct = conduct;
        this.auth = auth;
        this.clock = clock;
    }

    /**
     * A form at a visit as the list of a subject's forms shows it: empty, saved or signed; its versions and queries not
     * closed; and where it stands in the data's review.
     */
    public record FormStatus(String visit, String form, String title, String state, int versions, int openQueries,
            FormState review) {
    }

    /**
     * One form in full: its definition, current values, versions, signatures, queries, and its site's time zone; its
     * state in the data's review, whether its current values are source-verified (and which items are) and every
     * verification, its own lock and its subject's (null when there is none), and every change of an item from one
     * version to the next.
     */
    public record FormView(String subject, String visit, FormDef definition, Map<String, String> values,
            List<FormVersion> versions, List<Signature> signatures, List<QueryView> queries, String zone,
            FormState state, boolean verified, Set<String> verifiedItems, List<SourceVerification> verifications,
            CasebookLock lock, CasebookLock subjectLock, List<ItemChange> changes) {
    }

    public record QueryView(String id, String subject, String visit, String form, String item, String text,
            String status, List<DataQuery.Step> history) {
        static QueryView of(DataQuery q) {
            return new QueryView(q.id(), q.subject(), q.visit(), q.form(), q.item(), q.text(), q.status().name()
                    .toLowerCase(Locale.ROOT), q.history());
        }
    }

    /** An adverse event as last reported, with its clock and onset relative to the first administration. */
    public record AdverseEventView(AdverseEvent event, boolean serious, boolean susar, LocalDate regulatoryDue,
            LocalDate followUpDue, LocalDate sponsorDue, Long daysLeft, Long onsetDaysFromAdministration) {
    }

    /** The outcome of a save: the form as it now stands, and the queries the edit checks opened. */
    public record Saved(FormView form, List<QueryView> opened) {
    }

    public List<FormStatus> forms(Principal p, String study, String subject) throws SQLException {
        return read(p, study, subject, t -> {
            Casebook book = t.casebook();
            List<String> visits = new ArrayList<>(book.plan().keySet());
            visits.add(Casebook.UNSCHEDULED);
            List<FormStatus> list = new ArrayList<>();
            for (String visit : visits) {
                for (FormDef f : book.formsAt(visit)) {
                    FormRecord r = book.record(subject, visit, f.id()).orElse(null);
                    long open = book.queries(subject).stream().filter(q -> q.visit().equals(visit) && q.form()
                            .equals(f.id()) && q.status() != DataQuery.Status.CLOSED).count();
                    String state = r == null ? "empty" : r.signed() ? "signed" : "saved";
                    list.add(new FormStatus(visit, f.id(), f.title(), state, r == null ? 0 : r.versions().size(),
                            (int) open, book.state(subject, visit, f.id())));
                }
            }
            return list;
        });
    }

    /** The lock of the subject's whole casebook, or null. */
    public CasebookLock subjectLock(Principal p, String study, String subject) throws SQLException {
        return read(p, study, subject, t -> t.casebook().subjectLock(subject));
    }

    /** Locks the study's data (data manager): from now on nothing is recorded. */
    public Instant lock(Principal p, String study) throws SQLException {
        Access.require(p, study, Action.LOCK_DATA);
        Instant now = clock.instant();
        try {
            conduct.record(study, p.username(), t -> {
                t.lock(now);
                return new ConductEvent.DataLocked(now, p.username());
            });
        } catch (ConflictException e) {
            throw RequestException.conflict(e.getMessage());
        }
        return now;
    }

    /**
     * The locked data set, arms included (statistician, DSMB): unblinded data, from which a blinded
     * report is made by leaving the arms out. Refused until the data is locked.
     */
    public LockedTrial lockedData(Principal p, String study) throws SQLException {
        Access.require(p, study, Action.READ_LOCKED_DATA);
        return conduct.read(study, t -> {
            if (t.lockedAt() == null) {
                throw RequestException.conflict("the data of " + study + " is not locked yet; the data manager locks"
                        + " it when the last query is closed");
            }
            return LockedTrial.of(t);
        });
    }

    /** The forms planned at a visit of the study's schedule. */
    public List<FormDef> formsPlanned(Principal p, String study, String visit) throws SQLException {
        Access.member(p, study);
        return conduct.read(study, t -> t.casebook().formsAt(visit));
    }

    /** How many visits of the schedule have forms. */
    public int plannedVisits(Principal p, String study) throws SQLException {
        Access.member(p, study);
        return conduct.read(study, t -> t.casebook().plan().size());
    }

    public FormView form(Principal p, String study, String subject, String visit, String form) throws SQLException {
        return read(p, study, subject, t -> view(t, subject, visit, form));
    }

    /**
     * Refuses an assessment date after today at the subject's site, or before 1900 (a year typed wrong): checked before
     * the save is kept, since the site's day is not the form's to know, and a save kept is replayed as it was made.
     */
    private static void checkAssessment(TrialConduct t, String subject, LocalDate assessedOn, Instant now) {
        if (assessedOn == null) {
            return;
        }
        LocalDate today = t.localDay(subject, now);
        if (assessedOn.isAfter(today)) {
            throw RequestException.badRequest("assessedOn", "the assessment date " + assessedOn + " is after today at"
                    + " the subject's site (" + today + ")");
        }
        if (assessedOn.getYear() < 1900) {
            throw RequestException.badRequest("assessedOn", "the assessment date " + assessedOn + " is before 1900");
        }
    }

    /** Refuses a change to a form made from a version other than its latest. */
    static void checkForm(TrialConduct t, String subject, String visit, String form, int version) {
        FormRecord r = t.casebook().record(subject, visit, form).orElse(null);
        FormVersion last = r == null || r.versions().isEmpty() ? null : r.current();
        Versions.check("the form " + form + " of " + subject + " at " + visit, version, last == null ? 0
                : last.number(), last == null ? null : last.by(), last == null ? null : last.at());
    }

    private static FormView view(TrialConduct t, String subject, String visit, String form) {
        Casebook book = t.casebook();
        FormDef def = book.formsAt(visit).stream().filter(f -> f.id().equals(form)).findFirst().orElseThrow(
                () -> RequestException.notFound("visit " + visit + " has no form " + form));
        FormRecord r = book.record(subject, visit, form).orElse(null);
        List<QueryView> queries = book.queries(subject).stream().filter(q -> q.visit().equals(visit)
                && q.form().equals(form)).map(QueryView::of).toList();
        return new FormView(subject, visit, def, r == null ? Map.of() : r.current().values(), r == null ? List.of()
                : r.versions(), r == null ? List.of() : r.signatures(), queries, t.zoneOf(t.subject(subject).site())
                .getId(), book.state(subject, visit, form), r != null && r.verified(), r == null ? Set.of()
                : r.verifiedItems(), r == null ? List.of() : r.verifications(), r == null ? null
                : r.lock(), book.subjectLock(subject), r == null ? List.of() : r.itemChanges());
    }

    /**
     * Saves a form made from {@code version} (the number of versions it had when the person opened it; 0 for a new
     * form): a save from an older version is refused, naming who saved since and when.
     */
    public Saved save(Principal p, String study, String subject, String visit, String form,
            Map<String, String> values, String reason, Integer version) throws SQLException {
        return save(p, study, subject, visit, form, values, null, reason, version);
    }

    /** Saves a form with the day its assessment was made (null when not given: the form is dated by its visit). */
    public Saved save(Principal p, String study, String subject, String visit, String form,
            Map<String, String> values, LocalDate assessedOn, String reason, Integer version) throws SQLException {
        Access.require(p, study, Action.ENTER_DATA);
        read(p, study, subject, t -> subject);
        Versions.required(version, "the form");
        Instant now = clock.instant();
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v.strip());
            }
        });
        List<DataQuery> opened = new ArrayList<>();
        try {
            conduct.record(study, p.username(), t -> {
                checkForm(t, subject, visit, form, version);
                checkAssessment(t, subject, assessedOn, now);
            }, t -> {
                opened.addAll(t.saveForm(subject, visit, form, kept, assessedOn, reason, now, p.username()));
                return new ConductEvent.FormSaved(subject, visit, form, kept, assessedOn, reason, now,
                        p.username());
            });
        } catch (CaptureException e) {
            throw RequestException.badRequest(e.findings().get(0).item(), e.getMessage());
        } catch (InvalidInputException e) {
            throw RequestException.badRequest("form", e.getMessage());
        }
        return read(p, study, subject, t -> new Saved(view(t, subject, visit, form), opened.stream().map(
                QueryView::of).toList()));
    }

    /** Signs a form: the signer gives their password again, and their printed name and the meaning are shown. */
    public FormView sign(Principal p, String study, String subject, String visit, String form, String password,
            String meaning, Integer version) throws SQLException {
        Access.require(p, study, Action.SIGN_FORM);
        read(p, study, subject, t -> subject);
        Versions.required(version, "the form");
        if (!auth.confirm(p.username(), password)) {
            throw RequestException.badRequest("password", "the password is wrong; the form is not signed");
        }
        if (meaning == null || meaning.isBlank()) {
            throw RequestException.badRequest("meaning", "say what the signature means (reviewed, approved…)");
        }
        Instant now = clock.instant();
        try {
            // a signature is for the version the signer read
            conduct.record(study, p.username(), t -> checkForm(t, subject, visit, form, version), t -> {
                t.signForm(subject, visit, form, p.username(), p.displayName(), meaning, now);
                return new ConductEvent.FormSigned(subject, visit, form, p.displayName(), meaning.strip(), now,
                        p.username());
            });
        } catch (InvalidInputException | ConflictException e) {
            throw RequestException.conflict(e.getMessage());
        }
        return form(p, study, subject, visit, form);
    }

    public QueryView raise(Principal p, String study, String subject, String visit, String form, String item,
            String text) throws SQLException {
        Access.require(p, study, Action.REVIEW_DATA);
        read(p, study, subject, t -> subject);
        Instant now = clock.instant();
        DataQuery[] q = new DataQuery[1];
        try {
            conduct.record(study, p.username(), t -> {
                q[0] = t.raiseQuery(subject, visit, form, item, text, now, p.username());
                return new ConductEvent.QueryRaised(subject, visit, form, item, text, now, p.username());
            });
        } catch (InvalidInputException e) {
            throw RequestException.badRequest(e instanceof RefusedValue r ? r.value() : "text", e.getMessage());
        }
        return QueryView.of(q[0]);
    }

    /** Answers (site staff), closes or re-opens (monitor, data manager) a query. */
    public QueryView move(Principal p, String study, String queryId, String action, String text, Integer version)
            throws SQLException {
        Access.member(p, study);
        Versions.required(version, "the query");
        String subject = conduct.read(study, t -> Access.queriedSubject(p, study, t, queryId));
        read(p, study, subject, t -> subject);
        Access.require(p, study, "answer".equals(action) ? Action.ENTER_DATA : Action.REVIEW_DATA);
        Instant now = clock.instant();
        DataQuery[] q = new DataQuery[1];
        try {
            conduct.record(study, p.username(), t -> {
                DataQuery current = t.casebook().query(queryId);
                DataQuery.Step last = current.history().get(current.history().size() - 1);
                Versions.check("query " + queryId, version, current.history().size(), last.by(), last.at());
            }, t -> {
                q[0] = t.moveQuery(queryId, action, text, now, p.username());
                return new ConductEvent.QueryMoved(subject, queryId, action, text, now, p.username());
            });
        } catch (ConflictException e) {
            throw RequestException.conflict(e.getMessage());
        } catch (InvalidInputException e) {
            throw RequestException.badRequest(e instanceof RefusedValue r ? r.value() : "text", e.getMessage());
        }
        return QueryView.of(q[0]);
    }

    public List<QueryView> queries(Principal p, String study) throws SQLException {
        Access.member(p, study);
        return conduct.read(study, t -> t.casebook().queries().stream().filter(q -> p.seesSite(study, t.subject(
                q.subject()).site())).map(QueryView::of).toList());
    }

    /** Reports an adverse event, or a follow-up of one, dated by the calendar of the subject's site. */
    public AdverseEventView report(Principal p, String study, String subject, ReportAdverseEvent report)
            throws SQLException {
        Access.require(p, study, Action.REPORT_ADVERSE_EVENT);
        Instant now = clock.instant();
        // the reporting clock's day 0 is the reporting site's day: its own calendar, whatever the server's
        LocalDate today = read(p, study, subject, t -> LocalDate.ofInstant(now, t.zoneOf(t.subject(subject).site())));
        if (report.onset().isAfter(today)) {
            throw RequestException.badRequest("onset", report.onset() + " is in the future");
        }
        LocalDate sponsorAware = report.sponsorAware() == null ? today : report.sponsorAware();
        if (sponsorAware.isAfter(today)) {
            throw RequestException.badRequest("sponsorAware", sponsorAware + " is in the future");
        }
        String followed = report.followUpOf();
        AdverseEvent[] e = new AdverseEvent[1];
        try {
            conduct.record(study, p.username(), t -> {
                if (followed != null) {
                    // a follow-up is made from the reports its author has read
                    List<Casebook.AdverseEventReport> reports = t.casebook().history(followed);
                    // another subject's event is, to a follow-up of this one, not there
                    if (reports.isEmpty() || !reports.get(0).event().subject().equals(subject)) {
                        throw RequestException.badRequest("id", "no adverse event " + followed + " to follow up");
                    }
                    Casebook.AdverseEventReport last = reports.get(reports.size() - 1);
                    Integer version = Versions.required(report.version(), "adverse event " + followed);
                    Versions.check("adverse event " + followed, version, reports.size(), last.by(), last.at());
                }
            }, t -> {
                String id = followed != null ? followed : t.casebook().nextAdverseEventId(subject);
                e[0] = new AdverseEvent(id, subject, report.term(), report.grade(), report.seriousness(),
                        report.causality(), report.expected(), report.onset(), sponsorAware, report.outcome(),
                        report.mace());
                t.reportAdverseEvent(e[0], p.username(), now);
                return new ConductEvent.AdverseEventReported(e[0], now, p.username());
            });
        } catch (InvalidInputException ex) {
            throw RequestException.badRequest(ex instanceof RefusedValue r ? r.value() : "body", ex.getMessage());
        }
        return read(p, study, subject, t -> adverseView(t, e[0], today));
    }

    public List<AdverseEventView> adverseEvents(Principal p, String study) throws SQLException {
        Access.member(p, study);
        Instant now = clock.instant();
        return conduct.read(study, t -> t.casebook().adverseEvents().stream().filter(a -> p.seesSite(study,
                t.subject(a.subject()).site())).map(a -> adverseView(t, a, LocalDate.ofInstant(now, t.zoneOf(
                t.subject(a.subject()).site())))).toList());
    }

    private static AdverseEventView adverseView(TrialConduct t, AdverseEvent a, LocalDate today) {
        ReportingClock clock = ReportingClock.of(a, ReportingRules.STANDARD);
        return new AdverseEventView(a, a.isSerious(), clock.susar(), clock.regulatoryDue(), clock.followUpDue(),
                clock.sponsorDue(), clock.daysLeft(today), a.daysFromAdministration(t.firstAdministration(
                a.subject())));
    }

    private interface Query<T> {
        T of(TrialConduct trial);
    }

    /** Reads the trial for a subject the person sees; any other subject is not found. */
    private <T> T read(Principal p, String study, String subject, Query<T> query) throws SQLException {
        Access.member(p, study);
        return conduct.read(study, t -> {
            Access.visibleSubject(p, study, t, subject);
            return query.of(t);
        });
    }
}
