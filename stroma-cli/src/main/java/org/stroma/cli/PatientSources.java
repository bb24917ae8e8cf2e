package org.stroma.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stroma.fhir.FhirPatientReader;
import org.stroma.fhir.InvalidBundleException;
import org.stroma.fhir.PatientReading;
import org.stroma.fhir.entered.EnteredPatients;
import org.stroma.fhir.entered.InvalidPatientDataException;
import org.stroma.fhir.entered.PatientDocuments;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.patient.PatientRecord;

/**
 * The patients a command is given: FHIR R4 (a bundle, an NDJSON file, or a folder of them) or a file of patients
 * entered directly; with the investigator's answers from a separate file merged in by patient id.
 */
final class PatientSources {
    private PatientSources() {
    }

    /** The patients that could be read, and what left others out (FHIR input is read past a bad file or line). */
    record Patients(List<PatientRecord> records, List<InvalidBundleException> problems) {
    }

    static Patients read(Path path, Path answers, ConceptDictionary dictionary) throws IOException {
        List<PatientRecord> patients;
        List<InvalidBundleException> problems = List.of();
        if (Files.isRegularFile(path) && path.toString().endsWith(".json")
                && PatientDocuments.isEntered(new String(Files.readAllBytes(path), StandardCharsets.UTF_8))) {
            patients = PatientDocuments.read(path.toString(), Files.readString(path, StandardCharsets.UTF_8),
                    dictionary);
        } else {
            PatientReading reading = new FhirPatientReader().readEach(path);
            patients = reading.patients();
            problems = reading.problems();
        }
        return new Patients(withAnswers(patients, answers, !problems.isEmpty()), problems);
    }

    /** @param someLeftOut whether patients were left out of the input, so that answers for them are expected */
    private static List<PatientRecord> withAnswers(List<PatientRecord> patients, Path answers, boolean someLeftOut)
            throws IOException {
        if (answers == null) {
            return patients;
        }
        Map<String, Map<String, Boolean>> byPatient = EnteredPatients.answers(answers.toString(),
                Files.readString(answers, StandardCharsets.UTF_8));
        List<PatientRecord> answered = new ArrayList<>();
        for (PatientRecord p : patients) {
            Map<String, Boolean> mine = byPatient.remove(p.id());
            answered.add(mine == null ? p : p.withAttestations(merged(p.attestations(), mine)));
        }
        if (!byPatient.isEmpty() && !someLeftOut) {
            throw new InvalidPatientDataException(answers.toString(), "answers for patients not among those screened: "
                    + String.join(", ", byPatient.keySet()));
        }
        return answered;
    }

    private static Map<String, Boolean> merged(Map<String, Boolean> a, Map<String, Boolean> b) {
        Map<String, Boolean> all = new java.util.HashMap<>(a);
        all.putAll(b);
        return all;
    }
}
