package org.stroma.trial.concept;

/** What kind of patient fact a concept is found in. */
public enum ConceptKind {
    OBSERVATION, CONDITION, PROCEDURE, MEDICATION
}
