package org.stroma.trial.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.concept.ConceptKind;
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
 * Records made from others by chance changes that land near the edges of rules: dates moved across windows or lost,
 * values scaled across thresholds or rounded onto them, recorded in other units or none, facts dropped or repeated, ends not recorded,
 * birth dates and sexes missing, allergies and facts of other concepts added, answers flipped, and typed records
 * whose silence means "not answered", with the coordinator's "no"s. For comparing two ways of screening, not for
 * realism.
 */
final class PerturbedRecords {
    private static final List<String> UNITS = List.of("", "mg/dL", "umol/L", "µmol/L", "%", "g/L", "mmol/L",
            "mL/min/1.73m2", "10*9/L", "kg", "bogus");
    private static final List<String> DRUG_NAMES = List.of("prednisolone", "tacrolimus", "natalizumab", "lidocaine",
            "xylocaine", "penicillin", "aspirin", "metformin", "azathioprine", "interferon beta-1a");

    private final LocalDate date;
    private final Random random;
    private final List<Concept> concepts;

    PerturbedRecords(ConceptDictionary dictionary, LocalDate date, long seed) {
        this.date = date;
        this.random = new Random(seed);
        this.concepts = dictionary.all().stream().filter(c -> !c.codes().isEmpty()).toList();
    }

    PatientRecord perturb(PatientRecord r, String id, List<String> criterionIds) {
        LocalDate birth = chance(0.08) ? null : chance(0.04) ? date.plusDays(1 + random.nextInt(400))
                : r.birthDate() == null ? date.minusDays(random.nextInt(40000)) : shift(r.birthDate(), 800);
        AdministrativeSex sex = chance(0.12) ? pick(new AdministrativeSex[] {null, AdministrativeSex.UNKNOWN,
                AdministrativeSex.OTHER, AdministrativeSex.MALE, AdministrativeSex.FEMALE}) : r.sex();
        List<Observation> observations = new ArrayList<>();
        for (Observation o : r.observations()) {
            if (chance(0.1)) {
                continue;
            }
            Observation changed = new Observation(o.codes(), chance(0.05) ? null : o.value() == null ? null
                    : chance(0.15) ? Double.valueOf(o.value() * (0.5 + random.nextDouble()))
                    // a whole number lands on a threshold as often as criteria write them so
                    : chance(0.15) ? Double.valueOf(Math.rint(o.value())) : o.value(),
                    chance(0.1) ? pick(UNITS) : o.unit(), o.valueCode(), date(o.date()),
                    chance(0.1) ? Double.valueOf(random.nextDouble() * 100) : o.referenceHigh(), o.source());
            observations.add(changed);
            if (chance(0.1)) {
                observations.add(new Observation(o.codes(), o.value(), o.unit(), o.valueCode(), date(o.date()),
                        o.referenceHigh(), o.source()));
            }
        }
        List<Diagnosis> conditions = new ArrayList<>();
        for (Diagnosis d : r.conditions()) {
            if (!chance(0.1)) {
                conditions.add(new Diagnosis(d.codes(), date(d.onset()), chance(0.15) ? shift(date, 400)
                        : d.abatement(), d.source()));
            }
        }
        List<ProcedureRecord> procedures = new ArrayList<>();
        for (ProcedureRecord p : r.procedures()) {
            if (!chance(0.1)) {
                procedures.add(new ProcedureRecord(p.codes(), date(p.date()), chance(0.1) != p.planned(), p.source()));
            }
        }
        List<Medication> medications = new ArrayList<>();
        for (Medication m : r.medications()) {
            if (!chance(0.1)) {
                LocalDate start = date(m.start());
                LocalDate end = chance(0.2) ? (chance(0.5) ? null : shift(date, 300)) : m.end();
                medications.add(new Medication(m.codes(), m.text(), start, end, chance(0.15) != m.endUnknown(),
                        m.source()));
            }
        }
        List<Allergy> allergies = new ArrayList<>(r.allergies());
        for (int i = 0; i < 4; i++) {
            if (chance(0.3)) {
                add(observations, conditions, procedures, medications);
            }
        }
        if (chance(0.15)) {
            Concept drug = randomOf(ConceptKind.MEDICATION);
            allergies.add(new Allergy(chance(0.6) ? List.of(code(drug)) : List.of(), chance(0.5) ? pick(DRUG_NAMES)
                    : null, !chance(0.1), !chance(0.3), null, null));
        }
        Map<String, Boolean> answers = new LinkedHashMap<>(r.attestations());
        for (String criterion : criterionIds) {
            if (chance(0.05)) {
                answers.put(criterion, random.nextBoolean());
            } else if (chance(0.05)) {
                answers.remove(criterion);
            }
        }
        return new PatientRecord(id, birth, sex, observations, conditions, procedures, medications, allergies,
                answers, chance(0.35) ? typed() : r.silence());
    }

    /** A fact of a concept chosen at random, dated near the screening date. */
    private void add(List<Observation> observations, List<Diagnosis> conditions, List<ProcedureRecord> procedures,
            List<Medication> medications) {
        switch (random.nextInt(4)) {
            case 0 -> {
                Concept c = randomOf(ConceptKind.OBSERVATION);
                double low = c.plausible().size() == 2 ? c.plausible().get(0) : 0;
                double high = c.plausible().size() == 2 ? c.plausible().get(1) : 200;
                observations.add(new Observation(List.of(code(c)), chance(0.1) ? null
                        : Double.valueOf(low + random.nextDouble() * (high - low)), chance(0.7) ? c.unit() : pick(UNITS),
                        chance(0.2) ? pick(new String[] {"II", "III", "IV", "POSITIVE", "2"}) : null, date(date),
                        null, null));
            }
            case 1 -> conditions.add(new Diagnosis(List.of(code(randomOf(ConceptKind.CONDITION))), date(date),
                    chance(0.2) ? shift(date, 400) : null, null));
            case 2 -> procedures.add(new ProcedureRecord(List.of(code(randomOf(ConceptKind.PROCEDURE))), date(date),
                    chance(0.3), null));
            default -> {
                Concept c = randomOf(ConceptKind.MEDICATION);
                medications.add(new Medication(chance(0.7) ? List.of(code(c)) : List.of(), chance(0.5)
                        ? pick(DRUG_NAMES) : null, date(date), chance(0.5) ? null : shift(date, 300), chance(0.1),
                        null));
            }
        }
    }

    /** A typed record's silence: not answered, but for some "no"s of the coordinator. */
    private Silence typed() {
        Set<Silence.Denial> denied = new HashSet<>();
        if (chance(0.2)) {
            denied.add(Silence.NO_KNOWN_ALLERGIES);
        }
        for (int i = random.nextInt(6); i > 0; i--) {
            Concept c = concepts.get(random.nextInt(concepts.size()));
            Silence.Kind kind = switch (c.kind()) {
                case CONDITION -> Silence.Kind.CONDITION;
                case PROCEDURE -> chance(0.5) ? Silence.Kind.PROCEDURE : Silence.Kind.PLANNED_PROCEDURE;
                case MEDICATION -> chance(0.5) ? Silence.Kind.MEDICATION : Silence.Kind.ALLERGY;
                case OBSERVATION -> Silence.Kind.CONDITION;
            };
            denied.add(new Silence.Denial(kind, c.id()));
        }
        if (chance(0.3)) {
            denied.add(new Silence.Denial(chance(0.5) ? Silence.Kind.DRUG_NAME : Silence.Kind.ALLERGY,
                    pick(DRUG_NAMES)));
        }
        return Silence.typed(denied);
    }

    private Concept randomOf(ConceptKind kind) {
        List<Concept> ofKind = concepts.stream().filter(c -> c.kind() == kind).toList();
        return ofKind.get(random.nextInt(ofKind.size()));
    }

    private static Code code(Concept c) {
        Concept.DictionaryCode dc = c.codes().get(0);
        return new Code(dc.system(), dc.code(), dc.display());
    }

    /** A date moved by up to 400 days either way, or lost, or kept. */
    private LocalDate date(LocalDate d) {
        if (chance(0.05)) {
            return null;
        }
        LocalDate base = d == null ? date : d;
        return chance(0.3) ? shift(base, 400) : d;
    }

    private LocalDate shift(LocalDate d, int days) {
        return d.plusDays(random.nextInt(2 * days + 1) - days);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
