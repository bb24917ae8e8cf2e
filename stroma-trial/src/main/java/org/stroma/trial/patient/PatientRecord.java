package org.stroma.trial.patient;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stroma.protocol.TimeUnit;

/**
 * What is known of a patient for screening: demographics, observations, conditions, procedures, medications,
 * allergies and intolerances, the investigator's answers to criteria that need judgement ({@code attestations}, by
 * criterion id), and what the record's silence means ({@code silence}: a record system's export leaves out what is
 * not there; a typed record leaves out what is not known).
 */
public record PatientRecord(
        String id,
        LocalDate birthDate,
        AdministrativeSex sex,
        List<Observation> observations,
        List<Diagnosis> conditions,
        List<ProcedureRecord> procedures,
        List<Medication> medications,
        List<Allergy> allergies,
        Map<String, Boolean> attestations,
        Silence silence) {

    /** A record without allergies on it. */
    public PatientRecord(String id, LocalDate birthDate, AdministrativeSex sex, List<Observation> observations,
            List<Diagnosis> conditions, List<ProcedureRecord> procedures, List<Medication> medications,
            Map<String, Boolean> attestations, Silence silence) {
        this(id, birthDate, sex, observations, conditions, procedures, medications, List.of(), attestations, silence);
    }

    /** A record whose silence means absence, as a record system's export is. */
    public PatientRecord(String id, LocalDate birthDate, AdministrativeSex sex, List<Observation> observations,
            List<Diagnosis> conditions, List<ProcedureRecord> procedures, List<Medication> medications,
            Map<String, Boolean> attestations) {
        this(id, birthDate, sex, observations, conditions, procedures, medications, List.of(), attestations,
                Silence.CLOSED);
    }

    public PatientRecord {
        observations = List.copyOf(observations);
        conditions = List.copyOf(conditions);
        procedures = List.copyOf(procedures);
        medications = List.copyOf(medications);
        allergies = List.copyOf(allergies);
        attestations = Collections.unmodifiableMap(new LinkedHashMap<>(attestations));
        // a record that does not say what its silence means is an export's
        silence = silence == null ? Silence.CLOSED : silence;
    }

    /** Age in completed years on a date, or null when the birth date is unknown. */
    public Integer ageOn(LocalDate date) {
        return birthDate == null ? null : Period.between(birthDate, date).getYears();
    }

    /** The age on a date in completed days, weeks, months or years; null when the birth date is not recorded. */
    public Long ageOn(LocalDate date, TimeUnit unit) {
        return birthDate == null ? null : CompletedAge.between(birthDate, date, unit);
    }

    public PatientRecord withAttestations(Map<String, Boolean> answers) {
        return new PatientRecord(id, birthDate, sex, observations, conditions, procedures, medications, allergies,
                answers, silence);
    }

    public PatientRecord withAllergies(List<Allergy> recorded) {
        return new PatientRecord(id, birthDate, sex, observations, conditions, procedures, medications, recorded,
                attestations, silence);
    }
}
