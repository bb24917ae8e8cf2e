package org.stroma.prescreen;

import java.util.List;
import org.stroma.trial.patient.PatientRecord;

/**
 * What one group of a population's input (a patient's lines of a bulk export, a patient's rows of a table of facts)
 * reads into: the records to screen, and the rows of what could not be read, which follow theirs.
 */
public record GroupRead(List<PatientRecord> patients, List<PrescreenRow> problems) {
    public GroupRead {
        patients = List.copyOf(patients);
        problems = List.copyOf(problems);
    }
}
