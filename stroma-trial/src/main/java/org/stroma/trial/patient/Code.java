package org.stroma.trial.patient;

/**
 * A coded value: a code in a system (LOINC, SNOMED CT, ICD-10, RxNorm, ATC, a local system) with its display. A record
 * that names its concept only in words (a FHIR CodeableConcept's text) carries that text as a display without a system
 * or code.
 */
public record Code(String system, String code, String display) {
    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String ATC = "http://www.whocc.no/atc";
    /** Stroma's own codes, for concepts with no standard code this dictionary could vouch for. */
    public static final String STROMA = "https://stroma.org/concept";
}
