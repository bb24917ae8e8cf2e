package org.stroma.trial.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stroma.trial.capture.Signature;
import org.stroma.trial.refusal.ConflictException;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * A trial's statistical analysis plan through its life: a draft derived from the protocol, which the statistician
 * saves as revision 1 (as it is, or edited) and revises, each revision with its reason; signed by the statistician,
 * the password given again; and frozen when the data are locked, which needs the current revision signed (ICH E9: the
 * plan is final before the blind is broken). The report analyses the frozen revision. Every revision is kept in full,
 * so what was signed is exactly what was stored, whatever later versions of Stroma would derive.
 */
public final class PlanHistory {
    private final AnalysisPlan draft;
    private final List<PlanRevision> revisions = new ArrayList<>();
    private Instant frozenAt;

    /** The history of a trial whose protocol gives this draft (version 0 until saved). */
    public PlanHistory(AnalysisPlan draft) {
        this.draft = new AnalysisPlan(draft.trial(), draft.title(), 0, draft.endpoints(), draft.multiplicity(),
                draft.openQuestions());
    }

    /** The plan derived from the protocol, not yet saved: version 0. */
    public AnalysisPlan draft() {
        return draft;
    }

    public List<PlanRevision> revisions() {
        return List.copyOf(revisions);
    }

    /** The latest revision, or none while the draft was never saved. */
    public Optional<PlanRevision> current() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    /** The revision frozen at the lock, or none while the data are open. */
    public Optional<PlanRevision> frozen() {
        return frozenAt == null ? Optional.empty() : current();
    }

    public Instant frozenAt() {
        return frozenAt;
    }

    /**
     * Saves a revision edited from {@code plan.version()} (0: the draft): refused once frozen, without a reason, when
     * made from a revision other than the latest, or when the plan cannot be run as written. Returns the revision saved,
     * numbered one after the latest.
     */
    public PlanRevision revise(AnalysisPlan plan, String reason, Instant at, String by) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why the analysis plan is revised: the reason is kept with"
                    + " the revision");
        }
        int latest = current().map(PlanRevision::version).orElse(0);
        if (plan.version() != latest) {
            throw new ConflictException("the analysis plan is at version " + latest + ", not " + plan.version()
                    + "; nothing was saved: look at the latest revision, then edit it again");
        }
        List<String> problems = PlanCheck.problems(plan, draft.trial());
        if (!problems.isEmpty()) {
            throw new InvalidInputException("plan", "the analysis plan was not saved: " + String.join("; ",
                    problems));
        }
        PlanRevision saved = new PlanRevision(new AnalysisPlan(plan.trial(), plan.title(), latest + 1,
                plan.endpoints(), plan.multiplicity(), plan.openQuestions()), reason.strip(), at, by, List.of());
        revisions.add(saved);
        return saved;
    }

    /**
     * Signs the latest revision, named by its version so that no one signs a revision they did not read: refused once
     * frozen, for any other revision, and while a primary endpoint is undecided.
     */
    public PlanRevision sign(int version, String username, String printedName, String meaning, Instant at) {
        requireOpen();
        PlanRevision latest = current().orElseThrow(() -> new ConflictException("the analysis plan was never saved:"
                + " save the draft (as it is or edited) as revision 1, then sign it"));
        if (version != latest.version()) {
            throw new ConflictException("revision " + version + " of the analysis plan is not the latest ("
                    + latest.version() + "); nothing was signed: read the latest, then sign it");
        }
        List<String> problems = PlanCheck.unsignable(latest.plan());
        if (!problems.isEmpty()) {
            throw new ConflictException("revision " + version + " of the analysis plan cannot be signed: "
                    + String.join("; ", problems));
        }
        PlanRevision signed = latest.signedBy(new Signature(username, printedName, at, meaning, null, null));
        revisions.set(revisions.size() - 1, signed);
        return signed;
    }

    /** What keeps the data from being locked on the plan's account, or null: the latest revision must be signed. */
    public String notReadyForLock() {
        PlanRevision latest = current().orElse(null);
        if (latest == null) {
            return "the analysis plan was never saved and signed (the statistician saves and signs it before the"
                    + " blind is broken)";
        }
        return latest.signed() ? null : "revision " + latest.version() + " of the analysis plan is not signed (the"
                + " statistician signs it before the blind is broken)";
    }

    /** Freezes the latest revision at the lock; the caller checked {@link #notReadyForLock()}. */
    public void freeze(Instant at) {
        String problem = notReadyForLock();
        if (problem != null) {
            throw new ConflictException(problem);
        }
        frozenAt = at;
    }

    private void requireOpen() {
        if (frozenAt != null) {
            throw new ConflictException("the analysis plan was frozen when the data were locked on " + frozenAt
                    + "; it is not changed or signed after the lock");
        }
    }
}
