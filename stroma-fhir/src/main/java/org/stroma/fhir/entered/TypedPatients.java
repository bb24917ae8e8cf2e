package org.stroma.fhir.entered;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stroma.protocol.ScientificNotation;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.AskedFact;
import org.stroma.trial.eligibility.AskedFacts;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;
import org.stroma.trial.patient.Silence;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * Patients typed on a form rather than uploaded: the answers to the facts a trial's rules ask ({@link AskedFacts})
 * become the same {@link PatientRecord} an uploaded file gives, so that one screening reads both. Each fact is filed
 * under its concept's first code, as an entered patient's is. A blank answer adds nothing, and the record says that
 * what it leaves out is unknown ({@link Silence#typed}); a "no" is kept as the coordinator's statement that the patient
 * does not have it. A value that cannot be (outside the concept's plausible range), a date that is not one or lies in
 * the future, a "yes" without the date the rules need: each is refused, naming the form's field.
 */
public final class TypedPatients {
    /** Where a typed fact came from, as a verdict's evidence cites it. */
    static final String SOURCE = "typed on a form";

    private final ConceptDictionary dictionary;
    private final AskedFacts asked;
    private final LocalDate today;

    /** Reads answers to {@code asked} typed on {@code today}, the day of the site where they were typed. */
    public TypedPatients(ConceptDictionary dictionary, AskedFacts asked, LocalDate today) {
        this.dictionary = dictionary;
        this.asked = asked;
        this.today = today;
    }

    /** A new patient of these answers only: what was not answered is unknown. */
    public PatientRecord record(String id, TypedPatient typed) {
        PatientRecord nothing = new PatientRecord(id, null, AdministrativeSex.UNKNOWN, List.of(), List.of(), List.of(),
                List.of(), Map.of(), Silence.typed(Set.of()));
        return added(nothing, typed);
    }

    /**
     * A record with these answers added: the facts after those it holds (a later measurement is the latest), the
     * coordinator's "no"s beside its own, and the birth date and the sex where it had none.
     */
    public PatientRecord added(PatientRecord record, TypedPatient typed) {
        List<Observation> observations = new ArrayList<>(record.observations());
        List<Diagnosis> conditions = new ArrayList<>(record.conditions());
        List<ProcedureRecord> procedures = new ArrayList<>(record.procedures());
        List<Medication> medications = new ArrayList<>(record.medications());
        List<Allergy> allergies = new ArrayList<>(record.allergies());
        Set<Silence.Denial> denied = new HashSet<>(record.silence().denied());
        for (AskedFact fact : asked.facts()) {
            TypedPatient.Answer answer = typed.answer(fact.key());
            if (blank(answer.value())) {
                undated(fact, answer);
                continue;
            }
            Concept concept = fact.kind() == AskedFact.Kind.DRUG_NAME ? null : fact.kind() == AskedFact.Kind.ALLERGY
                    ? dictionary.find(fact.name()).orElse(null) : dictionary.get(fact.name());
            switch (fact.kind()) {
                case MEASUREMENT -> observations.add(new Observation(List.of(EnteredPatients.code(concept)),
                        measured(fact, concept, answer.value()), concept.unit(), null, past(fact, answer, true),
                        null, SOURCE));
                case CLASS -> observations.add(new Observation(List.of(EnteredPatients.code(concept)), null, null,
                        oneOf(fact, answer.value()), past(fact, answer, true), null, SOURCE));
                case CONDITION -> {
                    if (yes(fact, answer)) {
                        conditions.add(new Diagnosis(List.of(EnteredPatients.code(concept)), past(fact, answer,
                                fact.dated()), null, SOURCE));
                    } else {
                        denied.add(new Silence.Denial(Silence.Kind.CONDITION, fact.name()));
                    }
                }
                case PROCEDURE, PLANNED_PROCEDURE -> {
                    boolean planned = fact.kind() == AskedFact.Kind.PLANNED_PROCEDURE;
                    if (yes(fact, answer)) {
                        procedures.add(new ProcedureRecord(List.of(EnteredPatients.code(concept)), planned
                                ? planned(fact, answer) : past(fact, answer, true), planned, SOURCE));
                    } else {
                        denied.add(new Silence.Denial(planned ? Silence.Kind.PLANNED_PROCEDURE
                                : Silence.Kind.PROCEDURE, fact.name()));
                    }
                }
                case MEDICATION, DRUG_NAME -> {
                    boolean named = fact.kind() == AskedFact.Kind.DRUG_NAME;
                    if (yes(fact, answer)) {
                        LocalDate start = past(fact, answer, false);
                        String field = TypedPatient.endField(fact.key());
                        LocalDate end = date(field, fact.label() + ", stopped on", answer.end());
                        if (start != null && end != null && end.isBefore(start)) {
                            throw new InvalidInputException(field, fact.label() + ": stopped on " + end
                                    + ", before it was started (" + start + ")");
                        }
                        medications.add(new Medication(named ? List.of() : List.of(EnteredPatients.code(concept)),
                                fact.label(), start, end, false, SOURCE));
                    } else {
                        denied.add(new Silence.Denial(named ? Silence.Kind.DRUG_NAME : Silence.Kind.MEDICATION,
                                fact.name()));
                    }
                }
                case ALLERGY -> {
                    if (yes(fact, answer)) {
                        // a class answered yes is an allergy to some drug of it: coded as the class, named by its label;
                        // a substance named is known by its name only, and is not said to be a drug
                        allergies.add(new Allergy(concept == null ? List.of() : List.of(EnteredPatients.code(concept)),
                                fact.label(), concept != null, true, null, SOURCE));
                    } else {
                        denied.add(new Silence.Denial(Silence.Kind.ALLERGY, fact.name()));
                    }
                }
            }
        }
        Silence silence = new Silence(record.silence().meansAbsent(), denied);
        return new PatientRecord(record.id(), record.birthDate() != null ? record.birthDate() : birthDate(typed),
                record.sex() != AdministrativeSex.UNKNOWN && record.sex() != null ? record.sex() : sex(typed.sex()),
                observations, conditions, procedures, medications, allergies, record.attestations(), silence);
    }

    /**
     * The birth date typed, or one from the age typed: the day the patient turned that age, today — the birth date that
     * gives the age typed today and for the year to come.
     */
    private LocalDate birthDate(TypedPatient typed) {
        LocalDate born = date("birthDate", "Birth date", typed.birthDate());
        if (born != null && born.isAfter(today)) {
            throw new InvalidInputException("birthDate", "Birth date: " + born + " is in the future");
        }
        if (blank(typed.age())) {
            return born;
        }
        int years;
        try {
            years = Integer.parseInt(typed.age().strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("age", "Age: '" + shown(typed.age()) + "' is not a whole number of years");
        }
        if (years < 0 || years > 120) {
            throw new InvalidInputException("age", "Age: " + years + " years is not a patient's age (0 to 120)");
        }
        if (born != null && Period.between(born, today).getYears() != years) {
            throw new InvalidInputException("age", "Age: " + years + " years does not agree with the birth date "
                    + born + "; give one of them");
        }
        return born != null ? born : today.minusYears(years);
    }

    private static AdministrativeSex sex(String typed) {
        if (blank(typed)) {
            return AdministrativeSex.UNKNOWN;
        }
        try {
            return AdministrativeSex.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sex", "Sex: '" + shown(typed) + "' is not female, male or other");
        }
    }

    /** A measurement's value, in the concept's unit, which the form shows beside it. */
    private static double measured(AskedFact fact, Concept concept, String typed) {
        double value;
        try {
            value = Double.parseDouble(typed.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw refused(fact, "'" + shown(typed) + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw refused(fact, "'" + shown(typed) + "' is not a number");
        }
        if (!concept.isPlausible(value)) {
            List<Double> range = concept.plausible();
            throw refused(fact, ScientificNotation.plain(value) + " " + concept.unit() + " is outside what Stroma"
                    + " takes as possible (" + ScientificNotation.plain(range.get(0)) + " to "
                    + ScientificNotation.plain(range.get(1)) + " " + concept.unit() + ")");
        }
        return value;
    }

    private static String oneOf(AskedFact fact, String typed) {
        String value = typed.strip().toUpperCase(Locale.ROOT);
        if (!fact.classes().contains(value)) {
            throw refused(fact, "'" + shown(typed) + "' is not one of " + String.join(", ", fact.classes()));
        }
        return value;
    }

    private static boolean yes(AskedFact fact, TypedPatient.Answer answer) {
        String v = answer.value().strip().toLowerCase(Locale.ROOT);
        if (!v.equals("yes") && !v.equals("no")) {
            throw refused(fact, "'" + shown(answer.value()) + "' is not yes or no");
        }
        return v.equals("yes");
    }

    /** The date of a fact that has happened: not in the future, and given when the rules need it. */
    private LocalDate past(AskedFact fact, TypedPatient.Answer answer, boolean needed) {
        String field = TypedPatient.dateField(fact.key());
        String what = fact.label() + ", " + (fact.hasValue() ? "measured on" : fact.kind() == AskedFact.Kind.CONDITION
                ? "since" : fact.kind() == AskedFact.Kind.PROCEDURE ? "done on" : "started on");
        LocalDate date = date(field, what, answer.date());
        if (date == null && needed) {
            throw new InvalidInputException(field, what + ": the date is needed, as "
                    + String.join(", ", fact.criteria()) + " counts it from the screening day");
        }
        if (date != null && date.isAfter(today)) {
            throw new InvalidInputException(field, what + ": " + date + " is in the future");
        }
        return date;
    }

    private LocalDate planned(AskedFact fact, TypedPatient.Answer answer) {
        String field = TypedPatient.dateField(fact.key());
        String what = fact.label() + ", planned for";
        LocalDate date = date(field, what, answer.date());
        if (date == null) {
            throw new InvalidInputException(field, what + ": the date is needed, as " + String.join(", ",
                    fact.criteria()) + " counts it from the screening day");
        }
        if (date.isBefore(today)) {
            throw new InvalidInputException(field, what + ": " + date + " has passed; a plan is for today or later");
        }
        return date;
    }

    private static LocalDate date(String field, String what, String typed) {
        if (blank(typed)) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, what + ": '" + shown(typed) + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** A date typed for a fact left blank is refused: the person meant to say something the record would lose. */
    private static void undated(AskedFact fact, TypedPatient.Answer answer) {
        String what = fact.hasValue() ? "a value" : "yes or no";
        if (!blank(answer.date())) {
            throw new InvalidInputException(TypedPatient.dateField(fact.key()), fact.label() + ": a date is given"
                    + " without " + what);
        }
        if (!blank(answer.end())) {
            throw new InvalidInputException(TypedPatient.endField(fact.key()), fact.label() + ": a date is given"
                    + " without " + what);
        }
    }

    /** A fact's value refused, naming its field and its label. */
    private static InvalidInputException refused(AskedFact fact, String problem) {
        return new InvalidInputException(TypedPatient.valueField(fact.key()), fact.label() + ": " + problem);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A typed value as an error shows it: short, on one line. */
    private static String shown(String typed) {
        String line = typed.strip().replaceAll("\\s+", " ");
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
