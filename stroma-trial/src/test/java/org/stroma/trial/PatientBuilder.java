package org.stroma.trial;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Code;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;

/** Hand-built patients for tests: facts are named by concept and coded with the concept's first dictionary code. */
public final class PatientBuilder {
    private final String id;
    private LocalDate birthDate;
    private AdministrativeSex sex = AdministrativeSex.UNKNOWN;
    private final List<Observation> observations = new ArrayList<>();
    private final List<Diagnosis> conditions = new ArrayList<>();
    private final List<ProcedureRecord> procedures = new ArrayList<>();
    private final List<Medication> medications = new ArrayList<>();
    private final Map<String, Boolean> attestations = new HashMap<>();

    private PatientBuilder(String id) {
        this.id = id;
    }

    public static PatientBuilder patient(String id) {
        return new PatientBuilder(id);
    }

    /** Exactly {@code years} old on {@code day}: born on that day, {@code years} years before. */
    public PatientBuilder aged(int years, LocalDate day) {
        birthDate = day.minusYears(years);
        return this;
    }

    public PatientBuilder born(LocalDate date) {
        birthDate = date;
        return this;
    }

    public PatientBuilder male() {
        sex = AdministrativeSex.MALE;
        return this;
    }

    public PatientBuilder female() {
        sex = AdministrativeSex.FEMALE;
        return this;
    }

    public PatientBuilder measured(String concept, double value, String unit, LocalDate date) {
        observations.add(new Observation(List.of(code(concept)), value, unit, null, date, null, concept + "@" + date));
        return this;
    }

    /** A laboratory value reported with the laboratory's upper limit of normal. */
    public PatientBuilder measured(String concept, double value, String unit, double upperLimit, LocalDate date) {
        observations.add(new Observation(List.of(code(concept)), value, unit, null, date, upperLimit,
                concept + "@" + date));
        return this;
    }

    /** A coded finding: NYHA class "III", oligoclonal bands "POSITIVE" (coded as the dictionary codes that value). */
    public PatientBuilder assessed(String concept, String value, LocalDate date) {
        Concept c = TrialFixtures.DICTIONARY.get(concept);
        String valueCode = c.valueCodes().containsKey(value) ? c.valueCodes().get(value).get(0).code() : value;
        observations.add(new Observation(List.of(code(concept)), null, null, valueCode, date, null, concept + "@" + date));
        return this;
    }

    public PatientBuilder has(String concept, LocalDate onset) {
        conditions.add(new Diagnosis(List.of(code(concept)), onset, null, concept + "@" + onset));
        return this;
    }

    public PatientBuilder had(String concept, LocalDate onset, LocalDate abatement) {
        conditions.add(new Diagnosis(List.of(code(concept)), onset, abatement, concept + "@" + onset));
        return this;
    }

    public PatientBuilder underwent(String concept, LocalDate date) {
        procedures.add(new ProcedureRecord(List.of(code(concept)), date, false, concept + "@" + date));
        return this;
    }

    /** A procedure by the codes a record gives it (a FHIR Procedure's code and category). */
    public PatientBuilder underwent(LocalDate date, Code... codes) {
        procedures.add(new ProcedureRecord(List.of(codes), date, false, "procedure@" + date));
        return this;
    }

    public PatientBuilder planned(String concept, LocalDate date) {
        procedures.add(new ProcedureRecord(List.of(code(concept)), date, true, concept + "@" + date));
        return this;
    }

    /** A drug of a class, by the class's code, from start to end (null while it goes on). */
    public PatientBuilder took(String drugClass, LocalDate start, LocalDate end) {
        medications.add(new Medication(List.of(code(drugClass)), TrialFixtures.DICTIONARY.get(drugClass).label(), start,
                end, false, drugClass + "@" + start));
        return this;
    }

    /** A drug known only by its name, as a free-text medication statement gives it. */
    public PatientBuilder tookNamed(String name, LocalDate start, LocalDate end) {
        medications.add(new Medication(List.of(), name, start, end, false, name + "@" + start));
        return this;
    }

    /** A drug of a class the record says was stopped, without saying when. */
    public PatientBuilder stopped(String drugClass, LocalDate start) {
        medications.add(new Medication(List.of(code(drugClass)), TrialFixtures.DICTIONARY.get(drugClass).label(), start,
                null, true, drugClass + "@" + start));
        return this;
    }

    public PatientBuilder attests(String criterionId, boolean answer) {
        attestations.put(criterionId, answer);
        return this;
    }

    public PatientBuilder attestsAll(boolean answer, String... criterionIds) {
        for (String id : criterionIds) {
            attestations.put(id, answer);
        }
        return this;
    }

    public PatientRecord build() {
        return new PatientRecord(id, birthDate, sex, observations, conditions, procedures, medications, attestations);
    }

    private static Code code(String concept) {
        Concept.DictionaryCode c = TrialFixtures.DICTIONARY.get(concept).codes().get(0);
        return new Code(c.system(), c.code(), c.display());
    }
}
