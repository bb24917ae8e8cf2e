package org.stroma.fhir;

import java.util.List;
import org.stroma.trial.patient.PatientRecord;

/** The patients read from FHIR input, and the problems that left part of it out (each naming its file and place). */
public record PatientReading(List<PatientRecord> patients, List<InvalidBundleException> problems) {
    public PatientReading {
        patients = List.copyOf(patients);
        problems = List.copyOf(problems);
    }
}
