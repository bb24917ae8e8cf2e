package org.stroma.trial.capture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.refusal.ConflictException;

/**
 * A subject's form at one visit, with its whole history: each save runs the edit checks (a refusal saves nothing;
 * a query is opened and the value kept), every change after the first needs a reason, and a change to a signed form
 * voids the signature. Nothing saved is ever lost: earlier versions stay.
 */
public final class FormRecord {
    private final FormDef form;
    private final String subject;
    private final String visit;
    private final List<FormVersion> versions = new ArrayList<>();
    private final List<Signature> signatures = new ArrayList<>();
    private final List<SourceVerification> verifications = new ArrayList<>();
    private CasebookLock lock;

    public FormRecord(FormDef form, String subject, String visit) {
        this.form = form;
        this.subject = subject;
        this.visit = visit;
    }

    public FormDef form() {
        return form;
    }

    public String subject() {
        return subject;
    }

    public String visit() {
        return visit;
    }

    /**
     * Saves the values and returns the queries the edit checks raised, not yet numbered (the store gives them ids).
     * Throws, saving nothing, when a value is refused or a change comes without its reason.
     */
    public List<Finding> save(Map<String, String> values, String by, Instant at, String reason, VisitWindow window) {
        return save(values, null, by, at, reason, window);
    }

    /**
     * Saves the values with the day the assessment was made ({@code assessedOn}, null when not given): one outside the
     * visit's window is kept with a query. (A day after the site's today is refused before: the site's day is not the
     * form's to know.)
     */
    public List<Finding> save(Map<String, String> values, LocalDate assessedOn, String by, Instant at, String reason,
            VisitWindow window) {
        requireUnlocked("changed");
        List<Finding> findings = new ArrayList<>(EditChecks.run(form, values, window));
        findings.addAll(EditChecks.assessment(assessedOn, window));
        List<Finding> refusals = findings.stream().filter(Finding::refuses).toList();
        if (!refusals.isEmpty()) {
            throw new CaptureException(form.title() + " for " + subject + " at " + visit + " not saved: " + String.join(
                    "; ", refusals.stream().map(Finding::message).toList()), refusals);
        }
        if (!versions.isEmpty() && current().values().equals(Map.copyOf(values)) && Objects.equals(
                current().assessedOn(), assessedOn)) {
            return List.of(); // nothing changed: no new version, no void
        }
        if (!versions.isEmpty() && (reason == null || reason.isBlank())) {
            throw new CaptureException("a change to saved data needs its reason", List.of(new Finding("reason",
                    Finding.Kind.REFUSAL, "a change to saved data needs its reason")));
        }
        versions.add(new FormVersion(versions.size() + 1, inFormOrder(values), assessedOn, by, at, versions.isEmpty()
                ? null : reason.strip()));
        for (int i = 0; i < signatures.size(); i++) {
            if (signatures.get(i).valid() && versions.size() > 1) {
                signatures.set(i, signatures.get(i).voided(at, "changed by " + by + ": " + reason.strip()));
            }
        }
        return findings;
    }

    /** The values in the order of the form's items (any others after them, by name), whatever order they came in. */
    private Map<String, String> inFormOrder(Map<String, String> values) {
        Map<String, String> ordered = new LinkedHashMap<>();
        form.items().forEach(i -> {
            if (values.containsKey(i.id())) {
                ordered.put(i.id(), values.get(i.id()));
            }
        });
        new TreeMap<>(values).forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** Signs the current version; the adapter has checked the signer's password again. */
    public Signature sign(String username, String printedName, Instant at, String meaning) {
        requireUnlocked("signed");
        if (versions.isEmpty()) {
            throw new ConflictException("an empty form cannot be signed");
        }
        if (printedName == null || printedName.isBlank() || meaning == null || meaning.isBlank()) {
            throw new InvalidInputException("a signature shows the signer's printed name and its meaning");
        }
        Signature s = new Signature(username, printedName.strip(), at, meaning.strip(), null, null);
        signatures.add(s);
        return s;
    }

    public FormVersion current() {
        if (versions.isEmpty()) {
            throw new ConflictException("nothing saved yet");
        }
        return versions.get(versions.size() - 1);
    }

    /** The day the current version's assessment was made, or null when it was not given (the visit's day stands). */
    public LocalDate assessedOn() {
        return versions.isEmpty() ? null : current().assessedOn();
    }

    public List<FormVersion> versions() {
        return List.copyOf(versions);
    }

    public List<Signature> signatures() {
        return List.copyOf(signatures);
    }

    public boolean signed() {
        return signatures.stream().anyMatch(Signature::valid);
    }

    /**
     * The monitor's mark that the current version agrees with the source documents: the items named, or every item it
     * gives (its values and its assessment date) when none is named. Whether the mark adds anything is checked before
     * ({@link #checkVerifiable}), not here: a verification kept in the trial's record is replayed as it was made.
     */
    public SourceVerification verify(String by, Instant at, Set<String> items) {
        if (versions.isEmpty()) {
            throw new ConflictException("an empty form has nothing to verify");
        }
        SourceVerification v = new SourceVerification(current().number(), items, by, at);
        verifications.add(v);
        return v;
    }

    /**
     * Refuses a verification that would add nothing or names what the form does not give: an item not on the form, an
     * item with no value, items (or, with none named, a form) verified already.
     */
    public void checkVerifiable(Set<String> items) {
        if (versions.isEmpty()) {
            throw new ConflictException("an empty form has nothing to verify");
        }
        for (String item : items) {
            if (!givenItems().contains(item)) {
                throw new InvalidInputException(form.item(item).isEmpty() && !item.equals(EditChecks.ASSESSED_ON)
                        ? "form " + form.id() + " has no item " + item : item + " has no value in " + form.title()
                        + " to verify");
            }
        }
        if (items.isEmpty() ? verified() : verifiedItems().containsAll(items)) {
            throw new ConflictException((items.isEmpty() ? "version " + current().number() + " of " + form.title()
                    : String.join(", ", new TreeSet<>(items)) + " of " + form.title()) + " is verified already");
        }
    }

    /** What the current version gives: its items with a value, and its assessment date when it has one. */
    public Set<String> givenItems() {
        Set<String> given = new LinkedHashSet<>(current().values().keySet());
        if (current().assessedOn() != null) {
            given.add(EditChecks.ASSESSED_ON);
        }
        return given;
    }

    /**
     * The items whose current value is verified: a verification covers them, made at or after the version in which
     * they took the value they hold now (a value changed and changed back is to verify again).
     */
    public Set<String> verifiedItems() {
        Set<String> verified = new TreeSet<>();
        if (versions.isEmpty()) {
            return verified;
        }
        for (String item : givenItems()) {
            int since = changedIn(item);
            if (verifications.stream().anyMatch(v -> v.covers(item) && v.version() >= since)) {
                verified.add(item);
            }
        }
        return verified;
    }

    /**
     * Whether the current version is source-verified: every item it gives is, and the monitor has looked at the form
     * since an item was last emptied (or, for a form that gives nothing, at this version).
     */
    public boolean verified() {
        if (versions.isEmpty() || !verifiedItems().containsAll(givenItems())) {
            return false;
        }
        int looked = givenItems().isEmpty() ? current().number() : lastEmptied();
        return looked == 0 || verifications.stream().anyMatch(v -> v.version() >= looked);
    }

    /** The version in which an item took the value it holds now. */
    private int changedIn(String item) {
        String now = valueOf(current(), item);
        int k = versions.size();
        while (k > 1 && Objects.equals(valueOf(versions.get(k - 2), item), now)) {
            k--;
        }
        return k;
    }

    /** The latest version that emptied an item the one before it gave, or 0. */
    private int lastEmptied() {
        for (int k = versions.size(); k > 1; k--) {
            FormVersion before = versions.get(k - 2);
            FormVersion after = versions.get(k - 1);
            boolean emptied = before.values().keySet().stream().anyMatch(i -> !after.values().containsKey(i))
                    || before.assessedOn() != null && after.assessedOn() == null;
            if (emptied) {
                return k;
            }
        }
        return 0;
    }

    private static String valueOf(FormVersion v, String item) {
        if (item.equals(EditChecks.ASSESSED_ON)) {
            return v.assessedOn() == null ? null : v.assessedOn().toString();
        }
        return v.values().get(item);
    }

    public List<SourceVerification> verifications() {
        return List.copyOf(verifications);
    }

    /** Locks the form: it can be neither changed nor signed until it is unlocked. */
    public void lock(CasebookLock lock) {
        if (this.lock != null) {
            throw new ConflictException(form.title() + " for " + subject + " at " + visit + " is locked already");
        }
        this.lock = lock;
    }

    public void unlock() {
        if (lock == null) {
            throw new ConflictException(form.title() + " for " + subject + " at " + visit + " is not locked");
        }
        lock = null;
    }

    /** The form's own lock, or null (a lock of the whole subject is the casebook's). */
    public CasebookLock lock() {
        return lock;
    }

    private void requireUnlocked(String what) {
        if (lock != null) {
            throw new ConflictException(form.title() + " for " + subject + " at " + visit + " was locked by "
                    + lock.by() + "; it is " + what + " only once a data manager unlocks it");
        }
    }

    /** Every change of an item from one saved version to the next: who changed it from what to what, when and why. */
    public List<ItemChange> itemChanges() {
        return ItemChange.between(versions);
    }
}
