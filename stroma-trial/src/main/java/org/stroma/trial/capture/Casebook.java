package org.stroma.trial.capture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stroma.protocol.text.Words;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.refusal.ConflictException;

/**
 * A trial's captured data: each subject's forms at each visit, the queries on them, and the adverse events reported.
 * Which forms a visit has comes from the trial's {@link FormPlan}; events (relapses) are recorded at an unscheduled
 * visit. Query ids (Q1, Q2, …) and adverse event versions follow the order of events, so replaying the trial rebuilds
 * them.
 */
public final class Casebook {
    /** The visit for data recorded when it happens rather than at a scheduled visit (a relapse, say). */
    public static final String UNSCHEDULED = "Unscheduled";

    private final Map<String, List<FormDef>> plan;
    private final List<FormDef> eventForms;
    private final Map<String, FormRecord> records = new LinkedHashMap<>();
    private final Map<String, DataQuery> queries = new LinkedHashMap<>();
    private final Map<String, List<AdverseEventReport>> adverseEvents = new LinkedHashMap<>();
    private final Map<String, CasebookLock> lockedSubjects = new LinkedHashMap<>();

    /** An adverse event as one report gave it, by whom and when: the first report, or a follow-up. */
    public record AdverseEventReport(AdverseEvent event, String by, Instant at) {
    }

    /**
     * The forms of each scheduled visit, in the schedule's order, and the forms recorded when their event happens (a
     * relapse in a multiple sclerosis trial; none in a cardiac one).
     */
    public Casebook(Map<String, List<FormDef>> plan, List<FormDef> eventForms) {
        this.plan = Collections.unmodifiableMap(new LinkedHashMap<>(plan));
        this.eventForms = List.copyOf(eventForms);
    }

    /** A casebook with no form: a trial whose conduct is followed without its data. */
    public static Casebook empty() {
        return new Casebook(Map.of(), List.of());
    }

    /** The forms planned at a visit; at the unscheduled visit, the trial's event forms. */
    public List<FormDef> formsAt(String visit) {
        if (visit.equals(UNSCHEDULED)) {
            return eventForms;
        }
        return plan.getOrDefault(visit, List.of());
    }

    public Map<String, List<FormDef>> plan() {
        return plan;
    }

    private static String key(String subject, String visit, String form) {
        return subject + "\u0000" + visit + "\u0000" + form;
    }

    /** Saves a form's values; returns the queries the edit checks opened. A refusal throws and saves nothing. */
    public List<DataQuery> save(String subject, String visit, String formId, Map<String, String> values,
            String reason, VisitWindow window, Instant at, String by) {
        return save(subject, visit, formId, values, null, reason, window, at, by);
    }

    /** Saves a form's values with the day its assessment was made (null when not given). */
    public List<DataQuery> save(String subject, String visit, String formId, Map<String, String> values,
            LocalDate assessedOn, String reason, VisitWindow window, Instant at, String by) {
        requireUnlocked(subject, "changed");
        FormDef form = formsAt(visit).stream().filter(f -> f.id().equals(formId)).findFirst().orElseThrow(
                () -> new InvalidInputException("visit " + visit + " has no form " + formId + "; its forms are "
                        + formsAt(visit).stream().map(FormDef::id).toList()));
        FormRecord record = records.computeIfAbsent(key(subject, visit, formId), k -> new FormRecord(form, subject,
                visit));
        List<DataQuery> opened = new ArrayList<>();
        for (Finding f : record.save(values, assessedOn, by, at, reason, window)) {
            // a question already asked and not yet closed is not asked again
            if (asking(subject, visit, formId, f.item(), f.message()) == null) {
                opened.add(open(subject, visit, formId, f.item(), f.message(), "edit check", at));
            }
        }
        return opened;
    }

    public Signature sign(String subject, String visit, String formId, String username, String printedName,
            String meaning, Instant at) {
        requireUnlocked(subject, "signed");
        return record(subject, visit, formId).orElseThrow(() -> new InvalidInputException("subject " + subject
                + " has no " + formId + " at " + visit + " to sign")).sign(username, printedName, at, meaning);
    }

    public Optional<FormRecord> record(String subject, String visit, String formId) {
        return Optional.ofNullable(records.get(key(subject, visit, formId)));
    }

    public List<FormRecord> records(String subject) {
        return records.values().stream().filter(r -> r.subject().equals(subject)).toList();
    }

    public List<FormRecord> records() {
        return List.copyOf(records.values());
    }

    /** Opens a query on an item of a saved form (an edit check's, or a monitor's own). */
    public DataQuery open(String subject, String visit, String formId, String item, String text, String by,
            Instant at) {
        FormRecord record = records.get(key(subject, visit, formId));
        if (record == null) {
            throw new InvalidInputException("subject " + subject + " has no " + formId + " at " + visit
                    + " to query");
        }
        requireUnlocked(subject, "queried");
        if (record.lock() != null) {
            throw new ConflictException(record.form().title() + " for " + subject + " at " + visit + " is locked;"
                    + " it is queried only once a data manager unlocks it");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("a query needs its question");
        }
        DataQuery same = asking(subject, visit, formId, item, text.strip());
        if (same != null) {
            throw new ConflictException("query " + same.id() + " already asks this and is "
                    + Words.of(same.status()));
        }
        String id = "Q" + (queries.size() + 1);
        DataQuery q = new DataQuery(id, subject, visit, formId, item, text.strip(), by, at);
        queries.put(id, q);
        return q;
    }

    /** Where a form stands: locked, not started, incomplete (a query not closed), unverified or complete. */
    public FormState state(String subject, String visit, String formId) {
        FormRecord r = records.get(key(subject, visit, formId));
        if (lockedSubjects.containsKey(subject) || r != null && r.lock() != null) {
            return FormState.LOCKED;
        }
        if (r == null) {
            return FormState.NOT_STARTED;
        }
        if (!pending(subject, visit, formId).isEmpty()) {
            return FormState.INCOMPLETE;
        }
        return r.verified() ? FormState.COMPLETE : FormState.UNVERIFIED;
    }

    /** The queries on a form not yet closed (open, or answered and awaiting whoever raised them). */
    private List<DataQuery> pending(String subject, String visit, String formId) {
        return queries.values().stream().filter(q -> q.subject().equals(subject) && (visit == null || q.visit()
                .equals(visit) && q.form().equals(formId)) && q.status() != DataQuery.Status.CLOSED).toList();
    }

    /** Marks a saved form's current version, every item it gives, as verified against the source documents. */
    public SourceVerification verify(String subject, String visit, String formId, String by, Instant at) {
        return verify(subject, visit, formId, Set.of(), by, at);
    }

    /** Marks a saved form's current values as verified against the source documents: the items named, or all. */
    public SourceVerification verify(String subject, String visit, String formId, Set<String> items, String by,
            Instant at) {
        FormRecord r = saved(subject, visit, formId, "verify");
        if (state(subject, visit, formId) == FormState.LOCKED) {
            throw new ConflictException(r.form().title() + " for " + subject + " at " + visit + " is locked");
        }
        return r.verify(by, at, items);
    }

    /** Refuses a verification that would add nothing, of a form not saved or locked, or naming what it lacks. */
    public void checkVerifiable(String subject, String visit, String formId, Set<String> items) {
        FormRecord r = saved(subject, visit, formId, "verify");
        if (state(subject, visit, formId) == FormState.LOCKED) {
            throw new ConflictException(r.form().title() + " for " + subject + " at " + visit + " is locked");
        }
        r.checkVerifiable(items);
    }

    /**
     * Locks a saved form, or with {@code visit} null the subject's whole casebook, forms not yet saved included. Data
     * with a query not yet closed is not locked: the answer could not change it.
     */
    public void lock(String subject, String visit, String formId, String by, Instant at) {
        List<DataQuery> pending = pending(subject, visit, formId);
        String what = visit == null ? "subject " + subject + "'s casebook" : formId + " for " + subject + " at "
                + visit;
        if (!pending.isEmpty()) {
            throw new ConflictException(what + " has queries not closed (" + String.join(", ", pending.stream()
                    .map(DataQuery::id).toList()) + "); close them before the lock");
        }
        if (visit == null) {
            if (lockedSubjects.containsKey(subject)) {
                throw new ConflictException(what + " is locked already");
            }
            lockedSubjects.put(subject, new CasebookLock(by, at));
        } else {
            requireUnlocked(subject, "locked again");
            saved(subject, visit, formId, "lock").lock(new CasebookLock(by, at));
        }
    }

    /** Unlocks a form, or with {@code visit} null the subject's casebook (forms locked one by one stay locked). */
    public void unlock(String subject, String visit, String formId) {
        if (visit == null) {
            if (lockedSubjects.remove(subject) == null) {
                throw new ConflictException("subject " + subject + "'s casebook is not locked");
            }
        } else {
            requireUnlocked(subject, "unlocked alone");
            saved(subject, visit, formId, "unlock").unlock();
        }
    }

    /** The lock of a subject's whole casebook, or null. */
    public CasebookLock subjectLock(String subject) {
        return lockedSubjects.get(subject);
    }

    private FormRecord saved(String subject, String visit, String formId, String action) {
        return record(subject, visit, formId).orElseThrow(() -> new InvalidInputException("subject " + subject
                + " has no " + formId + " saved at " + visit + " to " + action));
    }

    private void requireUnlocked(String subject, String what) {
        CasebookLock lock = lockedSubjects.get(subject);
        if (lock != null) {
            throw new ConflictException("subject " + subject + "'s casebook was locked by " + lock.by() + "; it is "
                    + what + " only once a data manager unlocks it");
        }
    }

    /** The query not yet closed that asks this question of this item, or null. */
    private DataQuery asking(String subject, String visit, String formId, String item, String text) {
        return queries.values().stream().filter(q -> q.subject().equals(subject) && q.visit().equals(visit)
                && q.form().equals(formId) && Objects.equals(q.item(), item) && q.text().equals(text)
                && q.status() != DataQuery.Status.CLOSED).findFirst().orElse(null);
    }

    public DataQuery query(String id) {
        DataQuery q = queries.get(id);
        if (q == null) {
            throw new InvalidInputException("no query " + id);
        }
        return q;
    }

    public List<DataQuery> queries(String subject) {
        return queries.values().stream().filter(q -> q.subject().equals(subject)).toList();
    }

    public List<DataQuery> queries() {
        return List.copyOf(queries.values());
    }

    /** Reports an adverse event, or a follow-up of one already reported (same id): every version is kept. */
    public AdverseEvent report(AdverseEvent e, String by, Instant at) {
        List<AdverseEventReport> versions = adverseEvents.computeIfAbsent(e.id(), k -> new ArrayList<>());
        if (!versions.isEmpty() && !versions.get(0).event().subject().equals(e.subject())) {
            throw new InvalidInputException("adverse event " + e.id() + " belongs to subject "
                    + versions.get(0).event().subject());
        }
        versions.add(new AdverseEventReport(e, by, at));
        return e;
    }

    /** Each adverse event as last reported. */
    public List<AdverseEvent> adverseEvents() {
        return adverseEvents.values().stream().map(v -> v.get(v.size() - 1).event()).toList();
    }

    /** Every report of an adverse event, the first and its follow-ups, in order. */
    public List<AdverseEventReport> history(String adverseEventId) {
        return List.copyOf(adverseEvents.getOrDefault(adverseEventId, List.of()));
    }

    /** The next free adverse event id for a subject: S1-AE1, S1-AE2, … */
    public String nextAdverseEventId(String subject) {
        long n = adverseEvents.keySet().stream().filter(id -> id.startsWith(subject + "-AE")).count();
        return subject + "-AE" + (n + 1);
    }
}
