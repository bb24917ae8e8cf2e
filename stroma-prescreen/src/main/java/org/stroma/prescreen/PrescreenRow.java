package org.stroma.prescreen;

import java.io.Serializable;

/**
 * One patient × trial of a prescreening: the verdict (ELIGIBLE, INELIGIBLE, INCOMPLETE, or NOT_SCREENED when the
 * patient's record could not be read), the top-level criteria that rule the patient out and those still unknown (ids
 * separated by ";"), and for a patient not screened what is wrong with the record and where. A problem that belongs
 * to no patient (a resource naming none) is a row with neither patient nor trial.
 */
public record PrescreenRow(String patient, String trial, String verdict, String failing, String unknown,
        String problem) implements Serializable, Comparable<PrescreenRow> {
    public static final String NOT_SCREENED = "NOT_SCREENED";
    public static final String[] COLUMNS = {"patient", "trial", "verdict", "failing", "unknown", "problem"};

    public Object[] values() {
        return new Object[] {patient, trial, verdict, failing, unknown, problem};
    }

    @Override
    public int compareTo(PrescreenRow o) {
        int c = patient.compareTo(o.patient);
        if (c == 0) {
            c = trial.compareTo(o.trial);
        }
        return c != 0 ? c : problem.compareTo(o.problem);
    }
}
