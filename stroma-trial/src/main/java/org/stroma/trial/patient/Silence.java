package org.stroma.trial.patient;

import java.util.Set;

/**
 * What a record's silence about a condition, a procedure or a drug means. A record exported from a record system (a
 * FHIR bundle, an entered file) holds everything the system knows: no diagnosis of diabetes there means no diabetes
 * ({@link #CLOSED}). A record typed on the screening form holds only what the coordinator answered: a question left
 * blank is not known, and a "no" is the coordinator's statement that the patient does not have it, kept as a
 * {@link Denial} so that a "no" and a blank stay two different things.
 */
public record Silence(boolean meansAbsent, Set<Denial> denied) {

    /** What a record system's export says by leaving something out: it is not there. */
    public static final Silence CLOSED = new Silence(true, Set.of());

    /** What a typed record leaves blank is unknown; these are the things the coordinator said the patient has not. */
    public static Silence typed(Set<Denial> denied) {
        return new Silence(false, denied);
    }

    public Silence {
        denied = denied == null ? Set.of() : Set.copyOf(denied);
    }

    /** The kinds of fact a coordinator can say a patient does not have. */
    public enum Kind { CONDITION, PROCEDURE, PLANNED_PROCEDURE, MEDICATION, DRUG_NAME, ALLERGY }

    /** "No known allergies": the coordinator's answer that the patient has no allergy or intolerance at all. */
    public static final Denial NO_KNOWN_ALLERGIES = new Denial(Kind.ALLERGY, "*");

    /** "The patient does not have this": a concept of the dictionary by its id, or a drug by its name. */
    public record Denial(Kind kind, String name) {
    }

    /** Whether the record says the patient does not have it. */
    public boolean denies(Kind kind, String name) {
        return denied.contains(new Denial(kind, name));
    }
}
