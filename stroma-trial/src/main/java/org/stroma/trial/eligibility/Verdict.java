package org.stroma.trial.eligibility;

/** A criterion's verdict for a patient: met, not met, or unknown (data missing, or judgement needed). */
public enum Verdict {
    MET, NOT_MET, UNKNOWN;

    /** Three-valued "and": one NOT_MET decides; otherwise one UNKNOWN leaves it open. */
    public Verdict and(Verdict other) {
        if (this == NOT_MET || other == NOT_MET) {
            return NOT_MET;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : MET;
    }

    /** Three-valued "or": one MET decides; otherwise one UNKNOWN leaves it open. */
    public Verdict or(Verdict other) {
        if (this == MET || other == MET) {
            return MET;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : NOT_MET;
    }

    public Verdict not() {
        return this == MET ? NOT_MET : this == NOT_MET ? MET : UNKNOWN;
    }
}
