package org.stroma.trial.eligibility.synthesis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Code;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;
import org.stroma.trial.patient.Silence;

/**
 * A made-up patient described by concept, as a person would enter one: demographics, measurements (a number or a
 * class), conditions, procedures, medications, allergies, and the investigator's answers. {@link #toRecord} files it
 * as screening reads it; the entered-patient JSON of stroma-fhir carries the same facts.
 */
public record SyntheticPatient(String id, LocalDate birthDate, AdministrativeSex sex, List<Measurement> measurements,
        List<Condition> conditions, List<Procedure> procedures, List<Drug> medications, List<Allergen> allergies,
        Map<String, Boolean> answers) {

    public record Measurement(String concept, Double value, String unit, String valueClass, LocalDate date) {
    }

    public record Condition(String concept, LocalDate onset) {
    }

    public record Procedure(String concept, LocalDate date, boolean planned) {
    }

    /** A medication by its drug class (concept), or by name where a criterion names the drug itself. */
    public record Drug(String concept, String name, LocalDate start, LocalDate end) {
    }

    /** An allergy to a drug of a class (concept), or to a substance by name. */
    public record Allergen(String concept, String name) {
    }

    public SyntheticPatient {
        measurements = List.copyOf(measurements);
        conditions = List.copyOf(conditions);
        procedures = List.copyOf(procedures);
        medications = List.copyOf(medications);
        allergies = List.copyOf(allergies);
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    public PatientRecord toRecord(ConceptDictionary dictionary) {
        List<Observation> observations = new ArrayList<>();
        for (Measurement m : measurements) {
            observations.add(new Observation(codes(dictionary, m.concept()), m.value(), m.unit(), m.valueClass(),
                    m.date(), null, "synthetic"));
        }
        List<Diagnosis> diagnoses = conditions.stream().map(c -> new Diagnosis(codes(dictionary, c.concept()),
                c.onset(), null, "synthetic")).toList();
        List<ProcedureRecord> procs = procedures.stream().map(p -> new ProcedureRecord(codes(dictionary,
                p.concept()), p.date(), p.planned(), "synthetic")).toList();
        List<Medication> meds = medications.stream().map(d -> new Medication(d.concept() == null ? List.of()
                : codes(dictionary, d.concept()), d.concept() == null ? d.name() : dictionary.get(d.concept()).label(),
                d.start(), d.end(), false, "synthetic")).toList();
        List<Allergy> allergic = allergies.stream().map(a -> new Allergy(a.concept() == null ? List.of()
                : codes(dictionary, a.concept()), a.concept() == null ? a.name() : dictionary.get(a.concept()).label(),
                true, true, null, "synthetic")).toList();
        return new PatientRecord(id, birthDate, sex, observations, diagnoses, procs, meds, allergic, answers,
                Silence.CLOSED);
    }

    /** The codes a concept is recorded with: its dictionary's first. */
    static List<Code> codes(ConceptDictionary dictionary, String concept) {
        Concept c = dictionary.get(concept);
        if (c.codes().isEmpty()) {
            return List.of(new Code(Code.STROMA, c.id(), c.label()));
        }
        Concept.DictionaryCode first = c.codes().get(0);
        return List.of(new Code(first.system(), first.code(), c.label()));
    }
}
