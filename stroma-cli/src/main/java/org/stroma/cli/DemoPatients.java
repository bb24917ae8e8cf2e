package org.stroma.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.stroma.fhir.FhirPatientReader;
import org.stroma.fhir.entered.EnteredPatients;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.patient.PatientRecord;

/**
 * The demo's patients, shipped with Stroma: a heart-failure patient as a FHIR R4 bundle, and two patients entered
 * directly (one with relapsing-remitting MS, one with diabetes and ischaemic heart disease).
 */
final class DemoPatients {
    /** The day the demo screens on, so that its output does not change as time passes. */
    static final java.time.LocalDate SCREENED = java.time.LocalDate.of(2026, 6, 1);

    private DemoPatients() {
    }

    static List<PatientRecord> all() {
        List<PatientRecord> patients = new ArrayList<>();
        patients.addAll(new FhirPatientReader().read("cardiac-candidate.json", text("cardiac-candidate.json")));
        patients.addAll(new EnteredPatients(ConceptDictionary.standard()).read("entered-patients.json",
                text("entered-patients.json")));
        return patients;
    }

    private static String text(String name) {
        try (InputStream in = DemoPatients.class.getClassLoader().getResourceAsStream("demo/patients/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the demo patient file " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
