package org.stroma.trial.eligibility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.concept.ConceptKind;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;

/**
 * A patient's record filed by concept: each fact under every concept it is an instance of, in the record's order.
 * Built once per patient, it serves every rule of every trial the patient is screened for, so that a rule looks up
 * its concept rather than reading the whole record.
 */
public final class PatientFacts {
    private final PatientRecord record;
    private final Map<String, List<Observation>> observations = new HashMap<>();
    private final Map<String, List<Diagnosis>> conditions = new HashMap<>();
    private final Map<String, List<ProcedureRecord>> procedures = new HashMap<>();
    private final Map<String, List<Medication>> medications = new HashMap<>();
    private final Map<String, List<Allergy>> allergies = new HashMap<>();
    /** Allergies to a drug whose substance the dictionary places in no drug class: for any class, not a "no". */
    private final List<Allergy> unplacedAllergies = new ArrayList<>();
    private final List<ProcedureRecord> unplacedProcedures = new ArrayList<>();
    /** Conditions recorded as something broader than a concept, filed under it: neither a yes nor a no for it. */
    private final Map<String, List<Diagnosis>> broaderConditions = new HashMap<>();
    /** The facts recognised by their display text rather than a code, with that text. */
    private final Map<Object, String> byName = new IdentityHashMap<>();

    private PatientFacts(PatientRecord record) {
        this.record = record;
    }

    public static PatientFacts of(PatientRecord record, ConceptDictionary dictionary) {
        PatientFacts facts = new PatientFacts(record);
        for (Observation o : record.observations()) {
            facts.file(facts.observations, dictionary.recognise(ConceptKind.OBSERVATION, o.codes(), null), o);
        }
        Map<Diagnosis, Set<Concept>> recognised = new IdentityHashMap<>();
        for (Diagnosis d : record.conditions()) {
            ConceptDictionary.Recognition recognition = dictionary.recognise(ConceptKind.CONDITION, d.codes(), null);
            facts.file(facts.conditions, recognition, d);
            recognised.put(d, recognition.concepts());
        }
        // each condition is recognised once: a population's screening files every patient this way
        facts.broaderConditions.putAll(broaderConditions(record, dictionary, recognised::get));
        for (ProcedureRecord p : record.procedures()) {
            ConceptDictionary.Recognition recognition = dictionary.recognise(ConceptKind.PROCEDURE, p.codes(), null);
            facts.file(facts.procedures, recognition, p);
            if (recognition.concepts().isEmpty()) {
                facts.unplacedProcedures.add(p);
            }
        }
        for (Medication m : record.medications()) {
            facts.file(facts.medications, dictionary.recognise(ConceptKind.MEDICATION, m.codes(), m.text()), m);
        }
        for (Allergy a : record.allergies()) {
            ConceptDictionary.Recognition substance = dictionary.recognise(ConceptKind.MEDICATION, a.codes(), a.text());
            facts.file(facts.allergies, substance, a);
            if (a.drug() && substance.concepts().isEmpty()) {
                facts.unplacedAllergies.add(a);
            }
        }
        return facts;
    }

    /**
     * The patient's conditions recorded as something broader than a concept, by that concept
     * ({@link ConceptDictionary#narrowerThan}): for it they are neither a yes nor a no. "Multiple sclerosis" beside
     * "relapsing-remitting MS" on the same record is said by the narrower one: a broader record leaves a form unknown
     * only when the patient has none of the forms it could be.
     */
    public static Map<String, List<Diagnosis>> broaderConditions(PatientRecord record, ConceptDictionary dictionary) {
        return broaderConditions(record, dictionary, d -> dictionary.recognising(d.codes(), null));
    }

    private static Map<String, List<Diagnosis>> broaderConditions(PatientRecord record, ConceptDictionary dictionary,
            java.util.function.Function<Diagnosis, Set<Concept>> recognising) {
        Set<String> recorded = new java.util.HashSet<>();
        Map<Diagnosis, Set<Concept>> narrower = new java.util.LinkedHashMap<>();
        for (Diagnosis d : record.conditions()) {
            Set<Concept> recognised = recognising.apply(d);
            recognised.forEach(c -> recorded.add(c.id()));
            narrower.put(d, dictionary.narrowerThan(d.codes(), recognised));
        }
        Map<String, List<Diagnosis>> broader = new HashMap<>();
        narrower.forEach((d, forms) -> {
            if (forms.stream().noneMatch(form -> recorded.contains(form.id()))) {
                fileAll(broader, forms, d);
            }
        });
        return broader;
    }

    private static <T> void fileAll(Map<String, List<T>> index, Iterable<Concept> concepts, T fact) {
        for (Concept c : concepts) {
            index.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(fact);
        }
    }

    private <T> void file(Map<String, List<T>> index, ConceptDictionary.Recognition recognition, T fact) {
        for (Concept c : recognition.concepts()) {
            index.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(fact);
        }
        if (recognition.byName() != null) {
            byName.put(fact, recognition.byName());
        }
    }

    /** The display text a fact was recognised by, when no code of it was known; null when a code matched. */
    String matchedByName(Object fact) {
        return byName.get(fact);
    }

    public PatientRecord record() {
        return record;
    }

    List<Observation> observations(Concept c) {
        return observations.getOrDefault(c.id(), List.of());
    }

    List<Diagnosis> conditions(Concept c) {
        return conditions.getOrDefault(c.id(), List.of());
    }

    /** The conditions recorded as something broader than the concept (ischaemic heart disease, for cardiomyopathy). */
    List<Diagnosis> broaderConditions(Concept c) {
        return broaderConditions.getOrDefault(c.id(), List.of());
    }

    List<ProcedureRecord> procedures(Concept c) {
        return procedures.getOrDefault(c.id(), List.of());
    }

    List<Medication> medications(Concept c) {
        return medications.getOrDefault(c.id(), List.of());
    }

    List<Allergy> allergies(Concept c) {
        return allergies.getOrDefault(c.id(), List.of());
    }

    /** Each kind of fact by the concepts it is filed under, for filing a population in columns. */
    Map<String, List<Observation>> observationsByConcept() {
        return observations;
    }

    Map<String, List<Diagnosis>> conditionsByConcept() {
        return conditions;
    }

    Map<String, List<Diagnosis>> broaderConditionsByConcept() {
        return broaderConditions;
    }

    Map<String, List<ProcedureRecord>> proceduresByConcept() {
        return procedures;
    }

    Map<String, List<Medication>> medicationsByConcept() {
        return medications;
    }

    Map<String, List<Allergy>> allergiesByConcept() {
        return allergies;
    }

    /** The procedures the dictionary places in no concept: each might be one of an open class ("surgery"). */
    List<ProcedureRecord> unplacedProcedures() {
        return unplacedProcedures;
    }

    /** The allergies to a drug Stroma cannot place in any class: each might be to a drug of the class asked. */
    List<Allergy> unplacedAllergies() {
        return unplacedAllergies;
    }
}
