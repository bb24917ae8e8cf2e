package org.stroma.trial.eligibility;

/**
 * A patient's screening outcome: eligible (every inclusion met, no exclusion met), ineligible (an inclusion not met or
 * an exclusion met — whatever else is open), or incomplete (nothing rules the patient out, but data or an
 * investigator's answer is still missing).
 */
public enum PatientVerdict {
    ELIGIBLE, INELIGIBLE, INCOMPLETE
}
