package org.stroma.store.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Patients made at random from the concept dictionary, dense around what criteria test: values in and beyond each
 * concept's plausible range, on half-units so that thresholds are hit exactly, in other units, without units; dates
 * either side of every window; ended, ongoing and unknown-end treatments; allergies coded, named, resolved and
 * unplaceable; missing birth dates and sexes; answers to attestations. Seeded, so a failure can be replayed.
 */
final class RandomPatients {
    private final ConceptDictionary dictionary;
    private final Random random;
    private final LocalDate date;

    RandomPatients(ConceptDictionary dictionary, long seed, LocalDate date) {
        this.dictionary = dictionary;
        this.random = new Random(seed);
        this.date = date;
    }

    List<PatientRecord> make(int n) {
        List<PatientRecord> patients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            patients.add(patient("R" + i));
        }
        return patients;
    }

    private PatientRecord patient(String id) {
        LocalDate birth = chance(0.05) ? null : date.minusYears(15 + random.nextInt(75)).minusDays(random.nextInt(365));
        AdministrativeSex sex = chance(0.05) ? null : AdministrativeSex.values()[random.nextInt(4)];
        List<Observation> observations = new ArrayList<>();
        List<Diagnosis> conditions = new ArrayList<>();
        List<ProcedureRecord> procedures = new ArrayList<>();
        List<Medication> medications = new ArrayList<>();
        List<Allergy> allergies = new ArrayList<>();
        for (Concept c : dictionary.all()) {
            switch (c.kind()) {
                case OBSERVATION -> {
                    int results = chance(0.6) ? 1 + random.nextInt(3) : 0;
                    for (int k = 0; k < results; k++) {
                        observations.add(observation(c));
                    }
                }
                case CONDITION -> {
                    int records = chance(c.parent() != null || c.event() ? 0.25 : 0.1) ? 1 + random.nextInt(2) : 0;
                    for (int k = 0; k < records; k++) {
                        LocalDate onset = chance(0.05) ? null : day(-15 * 365, 40);
                        LocalDate end = onset == null || chance(0.7) ? null : onset.plusDays(random.nextInt(800));
                        conditions.add(new Diagnosis(List.of(code(c)), onset, end, "cond"));
                    }
                }
                case PROCEDURE -> {
                    if (chance(0.15)) {
                        LocalDate when = day(-5 * 365, 60);
                        procedures.add(new ProcedureRecord(List.of(code(c)), when, when.isAfter(date) || chance(0.1),
                                "proc"));
                    }
                }
                case MEDICATION -> {
                    if (chance(0.15)) {
                        medications.add(medication(List.of(code(c)), c.label()));
                    }
                    if (!c.names().isEmpty() && chance(0.05)) {
                        String name = c.names().get(random.nextInt(c.names().size()));
                        medications.add(medication(List.of(), name.toUpperCase() + " 5 MG Oral Tablet"));
                    }
                    if (chance(0.02)) {
                        allergies.add(new Allergy(List.of(code(c)), c.label(), true, chance(0.8), null, "allergy"));
                    }
                    if (!c.names().isEmpty() && chance(0.02)) {
                        String name = c.names().get(random.nextInt(c.names().size()));
                        allergies.add(new Allergy(List.of(), "Allergy to " + name.toUpperCase(), true, chance(0.8),
                                null, "allergy"));
                    }
                }
            }
        }
        if (chance(0.05)) {
            // an allergy Stroma cannot place in a drug class, and one to something other than a drug
            allergies.add(new Allergy(List.of(new Code("http://snomed.info/sct", "000000", "Some substance")), null,
                    chance(0.5), true, null, "allergy"));
        }
        if (chance(0.1)) {
            // a procedure the dictionary places nowhere: it may be one of an open class ("surgery")
            procedures.add(new ProcedureRecord(List.of(new Code("http://snomed.info/sct", "000001", "Some procedure")),
                    day(-2 * 365, 30), false, "proc"));
        }
        Map<String, Boolean> answers = new HashMap<>();
        for (int k = 1; k <= 30; k++) {
            if (chance(0.3)) {
                answers.put("I" + k, random.nextBoolean());
            }
            if (chance(0.3)) {
                answers.put("E" + k, random.nextBoolean());
            }
        }
        return new PatientRecord(id, birth, sex, observations, conditions, procedures, medications, allergies, answers,
                Silence.CLOSED);
    }

    private Observation observation(Concept c) {
        LocalDate when = chance(0.03) ? null : day(-20 * 30, 20);
        if (!c.valueCodes().isEmpty() && chance(0.7)) {
            List<String> classes = new ArrayList<>(c.valueCodes().keySet());
            String value = classes.get(random.nextInt(classes.size()));
            return new Observation(List.of(code(c)), null, null, c.valueCodes().get(value).get(0).code(), when,
                    null, "obs");
        }
        double low = c.plausible().size() == 2 ? c.plausible().get(0) : 0;
        double high = c.plausible().size() == 2 ? c.plausible().get(1) : 10;
        // half-units hit thresholds exactly; a few values lie beyond the plausible range
        double span = (high - low) * 1.2;
        double value = Math.round((low - span * 0.05 + random.nextDouble() * span) * 2) / 2.0;
        if (high - low <= 10) {
            value = Math.round((low + random.nextDouble() * (high - low) * 1.1) * 10) / 10.0;
        }
        String unit = c.unit();
        double roll = random.nextDouble();
        if (roll < 0.05) {
            unit = null;
        } else if (roll < 0.08) {
            unit = "furlongs";
        } else if (c.molarFactor() != null && roll < 0.5) {
            unit = "µmol/L";
            value = Math.round(value * c.molarFactor());
        } else if ("/uL".equals(c.unit()) && roll < 0.5) {
            unit = "10*9/L";
            value = Math.round(value / 100) / 10.0;
        }
        Double upper = c.uln() != null && chance(0.5) ? Math.round(c.uln() * (0.8 + random.nextDouble() * 0.4)) * 1.0
                : null;
        return new Observation(List.of(code(c)), chance(0.03) ? null : value, unit, null, when, upper, "obs");
    }

    private Medication medication(List<Code> codes, String text) {
        LocalDate start = chance(0.05) ? null : day(-6 * 365, 10);
        double roll = random.nextDouble();
        LocalDate end = roll < 0.4 || start == null ? null : start.plusDays(random.nextInt(3 * 365));
        boolean endUnknown = end == null && roll < 0.2;
        return new Medication(codes, text, start, end, endUnknown, "med");
    }

    private Code code(Concept c) {
        Concept.DictionaryCode d = c.codes().get(random.nextInt(c.codes().size()));
        return new Code(d.system(), d.code(), d.display());
    }

    /** A day between {@code from} and {@code to} days from the screening date. */
    private LocalDate day(int from, int to) {
        return date.plusDays(from + random.nextInt(to - from + 1));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
