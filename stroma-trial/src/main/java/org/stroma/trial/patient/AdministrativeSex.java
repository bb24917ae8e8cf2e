package org.stroma.trial.patient;

/** A patient's administrative sex, as FHIR records it. */
public enum AdministrativeSex {
    FEMALE, MALE, OTHER, UNKNOWN
}
