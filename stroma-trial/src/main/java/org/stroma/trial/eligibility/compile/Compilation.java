package org.stroma.trial.eligibility.compile;

/** How much of a criterion became a computable rule. */
public enum Compilation {
    /** Decided entirely by patient data. */
    COMPUTED,
    /** Decided by patient data, with a part only the investigator can attest ("severe", "uncontrolled"). */
    PARTLY_COMPUTED,
    /** A matter of judgement, consent or logistics: the investigator attests it. */
    ATTESTATION,
    /** About patient data, but not understood by the compiler: the investigator attests it until a rule is written. */
    NOT_COMPILED
}
