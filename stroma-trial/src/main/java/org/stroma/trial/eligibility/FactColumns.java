package org.stroma.trial.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.measure.Units;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;

/**
 * A population's facts filed by concept, in columns: for each concept and kind of fact, one {@link FactColumn} over
 * all patients; beside them the patients' birth dates, sexes, what their records' silence means, the investigator's
 * answers by criterion, and each observation's value in its concept's unit. Built once from the patients' filed facts
 * (whatever the screening date and the trials), it is what {@link ScreeningProgram} reads.
 */
public final class FactColumns {
    private final List<PatientFacts> patients;
    private final ConceptDictionary dictionary;
    private final LocalDate[] birthDates;
    private final AdministrativeSex[] sexes;
    private final boolean[] silenceMeansAbsent;
    private final Map<String, FactColumn<Observation>> observations;
    /** Each observation's value in its concept's unit, beside its column; null if it has none or does not convert. */
    private final Map<String, Double[]> inConceptUnit = new HashMap<>();
    private final Map<String, FactColumn<Diagnosis>> conditions;
    private final Map<String, FactColumn<Diagnosis>> broaderConditions;
    private final Map<String, FactColumn<ProcedureRecord>> procedures;
    private final Map<String, FactColumn<Medication>> medications;
    private final Map<String, FactColumn<Boolean>> attestations;
    private final FactColumn<Medication> allMedications;
    /**
     * The medications' names in lower case, each once ({@link #medicationNames}), and for each medication of
     * {@link #allMedications} the position of its name there (-1 where it has none): a rule that names drugs reads
     * each name once, not each prescription.
     */
    private final List<String> medicationNames = new ArrayList<>();
    private final int[] medicationName;
    private final FactColumn<Allergy> allergies;
    private final FactColumn<ProcedureRecord> unplacedProcedures;
    /** The column of a concept no patient has a fact of. */
    private final FactColumn<Object> none;

    private FactColumns(List<PatientFacts> patients, ConceptDictionary dictionary) {
        int size = patients.size();
        this.patients = List.copyOf(patients);
        this.dictionary = dictionary;
        birthDates = new LocalDate[size];
        sexes = new AdministrativeSex[size];
        silenceMeansAbsent = new boolean[size];
        Map<String, FactColumn.Builder<Observation>> obs = new HashMap<>();
        Map<String, FactColumn.Builder<Diagnosis>> cond = new HashMap<>();
        Map<String, FactColumn.Builder<Diagnosis>> broader = new HashMap<>();
        Map<String, FactColumn.Builder<ProcedureRecord>> proc = new HashMap<>();
        Map<String, FactColumn.Builder<Medication>> med = new HashMap<>();
        Map<String, FactColumn.Builder<Boolean>> answers = new HashMap<>();
        FactColumn.Builder<Medication> allMeds = new FactColumn.Builder<>(size);
        FactColumn.Builder<Allergy> allAllergies = new FactColumn.Builder<>(size);
        FactColumn.Builder<ProcedureRecord> unplaced = new FactColumn.Builder<>(size);
        for (int p = 0; p < size; p++) {
            PatientFacts facts = patients.get(p);
            PatientRecord record = facts.record();
            birthDates[p] = record.birthDate();
            sexes[p] = record.sex();
            silenceMeansAbsent[p] = record.silence().meansAbsent();
            file(obs, facts.observationsByConcept(), p, size);
            file(cond, facts.conditionsByConcept(), p, size);
            file(broader, facts.broaderConditionsByConcept(), p, size);
            file(proc, facts.proceduresByConcept(), p, size);
            file(med, facts.medicationsByConcept(), p, size);
            for (Map.Entry<String, Boolean> answer : record.attestations().entrySet()) {
                if (answer.getValue() != null) {
                    answers.computeIfAbsent(answer.getKey(), k -> new FactColumn.Builder<>(size))
                            .add(p, List.of(answer.getValue()));
                }
            }
            allMeds.add(p, record.medications());
            allAllergies.add(p, record.allergies());
            unplaced.add(p, facts.unplacedProcedures());
        }
        observations = built(obs);
        conditions = built(cond);
        broaderConditions = built(broader);
        procedures = built(proc);
        medications = built(med);
        attestations = built(answers);
        allMedications = allMeds.build();
        allergies = allAllergies.build();
        unplacedProcedures = unplaced.build();
        medicationName = new int[allMeds.size()];
        Map<String, Integer> named = new HashMap<>();
        for (int k = 0; k < medicationName.length; k++) {
            String text = allMedications.get(k).text();
            medicationName[k] = text == null ? -1 : named.computeIfAbsent(text.toLowerCase(Locale.ROOT), name -> {
                medicationNames.add(name);
                return medicationNames.size() - 1;
            });
        }
        observations.forEach((id, column) -> dictionary.find(id).ifPresent(concept ->
                inConceptUnit.put(id, inConceptUnit(column, obs.get(id).size(), concept))));
        none = FactColumn.empty(size);
    }

    /** The columns of a population whose facts are filed by the dictionary's concepts. */
    public static FactColumns of(List<PatientFacts> patients, ConceptDictionary dictionary) {
        return new FactColumns(patients, dictionary);
    }

    private static <T> void file(Map<String, FactColumn.Builder<T>> columns, Map<String, List<T>> byConcept, int patient,
            int size) {
        byConcept.forEach((concept, facts) -> columns.computeIfAbsent(concept, k -> new FactColumn.Builder<>(size))
                .add(patient, facts));
    }

    private static <T> Map<String, FactColumn<T>> built(Map<String, FactColumn.Builder<T>> builders) {
        Map<String, FactColumn<T>> columns = new HashMap<>();
        builders.forEach((concept, builder) -> columns.put(concept, builder.build()));
        return columns;
    }

    private static Double[] inConceptUnit(FactColumn<Observation> column, int count, Concept concept) {
        Double[] values = new Double[count];
        for (int k = 0; k < count; k++) {
            Observation o = column.get(k);
            values[k] = o.value() == null ? null : Units.toConceptUnit(o.value(), o.unit(), concept);
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private <T> FactColumn<T> none() {
        // it holds nothing, so it is a column of anything
        return (FactColumn<T>) (FactColumn<?>) none;
    }

    /** The dictionary the facts were filed by, whose concepts' units the values are in. */
    ConceptDictionary dictionary() {
        return dictionary;
    }

    public int size() {
        return patients.size();
    }

    /** The patient's filed facts, to explain a verdict or to decide what the columns do not. */
    public PatientFacts patient(int p) {
        return patients.get(p);
    }

    LocalDate birthDate(int p) {
        return birthDates[p];
    }

    AdministrativeSex sex(int p) {
        return sexes[p];
    }

    /** Whether the patient's record leaves out what is not there (an export), rather than what was not answered. */
    boolean silenceMeansAbsent(int p) {
        return silenceMeansAbsent[p];
    }

    FactColumn<Observation> observations(Concept c) {
        return observations.getOrDefault(c.id(), none());
    }

    /** The value of the observation at {@code index} of the concept's column in the concept's unit, or null. */
    Double inConceptUnit(Concept c, int index) {
        return inConceptUnit.get(c.id())[index];
    }

    FactColumn<Diagnosis> conditions(Concept c) {
        return conditions.getOrDefault(c.id(), none());
    }

    FactColumn<Diagnosis> broaderConditions(Concept c) {
        return broaderConditions.getOrDefault(c.id(), none());
    }

    FactColumn<ProcedureRecord> procedures(Concept c) {
        return procedures.getOrDefault(c.id(), none());
    }

    FactColumn<Medication> medications(Concept c) {
        return medications.getOrDefault(c.id(), none());
    }

    /** The investigator's answer to a criterion, a column with at most one answer a patient. */
    FactColumn<Boolean> attestations(String criterionId) {
        return attestations.getOrDefault(criterionId, none());
    }

    FactColumn<Medication> allMedications() {
        return allMedications;
    }

    /** The position among {@link #medicationNames} of the name of the medication at {@code index}, or -1. */
    int medicationName(int index) {
        return medicationName[index];
    }

    /** Every medication's name in the population, in lower case, each once. */
    List<String> medicationNames() {
        return medicationNames;
    }

    FactColumn<Allergy> allergies() {
        return allergies;
    }

    FactColumn<ProcedureRecord> unplacedProcedures() {
        return unplacedProcedures;
    }
}
