package org.stroma.trial.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fact a trial's rules ask of a patient, as a form asks it: a measurement (a value in the concept's unit, on a date),
 * a class (NYHA "III"), whether the patient has a condition, had a procedure, has one planned, takes a class of drugs
 * or a drug named in a criterion, is allergic to a class of drugs or a substance named. {@code name} is the concept's
 * id, or the drug's or substance's name; {@code label} what the form
 * calls it; {@code dated} whether a "yes" needs its date for the rules to decide (a window such as "within the last 3
 * months", a duration, a count of events); {@code criteria} the criteria that ask it.
 */
public record AskedFact(Kind kind, String name, String label, String unit, List<String> classes, boolean dated,
        List<String> criteria) {

    public enum Kind { MEASUREMENT, CLASS, CONDITION, PROCEDURE, PLANNED_PROCEDURE, MEDICATION, DRUG_NAME, ALLERGY }

    public AskedFact {
        classes = List.copyOf(classes);
        criteria = List.copyOf(criteria);
    }

    /**
     * The fact's name on a form: its kind and its concept or drug, in letters, digits, '-' and '_' (so that it is a
     * valid HTML id as well).
     */
    public String key() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + name.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "_");
    }

    /** Whether a "yes" is answered with a value (a measurement, a class) rather than yes or no. */
    public boolean hasValue() {
        return kind == Kind.MEASUREMENT || kind == Kind.CLASS;
    }

    /** The same fact asked by one more rule: dated when either asks for the date, with the classes of both. */
    AskedFact and(AskedFact other) {
        List<String> allClasses = new ArrayList<>(classes);
        other.classes.stream().filter(c -> !allClasses.contains(c)).forEach(allClasses::add);
        List<String> allCriteria = new ArrayList<>(criteria);
        other.criteria.stream().filter(c -> !allCriteria.contains(c)).forEach(allCriteria::add);
        return new AskedFact(kind, name, label, unit, allClasses, dated || other.dated, allCriteria);
    }
}
