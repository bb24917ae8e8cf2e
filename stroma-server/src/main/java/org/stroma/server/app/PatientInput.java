package org.stroma.server.app;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.stroma.fhir.InvalidBundleException;
import org.stroma.fhir.entered.InvalidPatientDataException;
import org.stroma.fhir.entered.PatientDocuments;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.patient.PatientRecord;

/** One patient's record sent for screening: a FHIR R4 bundle or resource, or a patient entered as Stroma's JSON. */
final class PatientInput {
    private PatientInput() {
    }

    static PatientRecord read(String field, String name, byte[] content, ConceptDictionary dictionary) {
        if (content == null || content.length == 0) {
            throw RequestException.badRequest(field, "no patient record was sent");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        List<PatientRecord> patients;
        try {
            patients = PatientDocuments.read(name, text, dictionary);
        } catch (InvalidBundleException | InvalidPatientDataException e) {
            throw RequestException.badRequest(field, e.getMessage());
        }
        if (patients.size() != 1) {
            throw RequestException.badRequest(field, name + " holds " + patients.size() + " patients; screen one at a"
                    + " time");
        }
        return patients.get(0);
    }
}
