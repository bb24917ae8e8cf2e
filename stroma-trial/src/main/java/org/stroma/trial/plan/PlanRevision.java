package org.stroma.trial.plan;

import java.time.Instant;
import java.util.List;
import org.stroma.trial.capture.Signature;

/**
 * One saved revision of a trial's analysis plan: the plan in full (its {@code version} is the revision's number), why
 * it was revised, who saved it and when, and the signatures given to this revision. A signature is over this revision
 * only: a later revision starts unsigned.
 */
public record PlanRevision(AnalysisPlan plan, String reason, Instant at, String by, List<Signature> signatures) {

    public PlanRevision {
        signatures = List.copyOf(signatures);
    }

    public int version() {
        return plan.version();
    }

    public boolean signed() {
        return signatures.stream().anyMatch(Signature::valid);
    }

    PlanRevision signedBy(Signature signature) {
        List<Signature> all = new java.util.ArrayList<>(signatures);
        all.add(signature);
        return new PlanRevision(plan, reason, at, by, all);
    }
}
