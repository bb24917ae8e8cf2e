package org.stroma.export.fhir;

/**
 * The code and identifier systems the FHIR export writes: HL7's where a standard code exists, Stroma's own (under
 * https://stroma.org) for what no standard codes — a form item without a sure LOINC code, a step of the custody chain,
 * a user, a subject's number in a trial.
 */
final class Systems {
    static final String CLINICAL_TRIALS_GOV = "https://clinicaltrials.gov";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String STUDY_PHASE = "http://terminology.hl7.org/CodeSystem/research-study-phase";
    static final String STUDY_PURPOSE = "http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String AE_SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
    static final String AE_SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    static final String AE_OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";
    static final String AE_CAUSALITY = "http://terminology.hl7.org/CodeSystem/adverse-event-causality-assess";
    static final String PROVENANCE_AGENT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    /** The R4 extension that ties a record to the study it was made for. */
    static final String RESEARCH_STUDY_EXTENSION = "http://hl7.org/fhir/StructureDefinition/workflow-researchStudy";

    static final String FORM_ITEM = "https://stroma.org/form-item";
    /** A coded item's answers: the system of one item's code list is this, then '/', then the form and item. */
    static final String FORM_ITEM_ANSWER = "https://stroma.org/form-item-answer";
    static final String CUSTODY_STEP = "https://stroma.org/custody-step";
    static final String DONATION_NUMBER = "https://stroma.org/donation-number";
    static final String USER = "https://stroma.org/user";
    /** A subject's number is unique within its trial: the system is this, then '/', then the trial; see {@link #of}. */
    static final String SUBJECT = "https://stroma.org/subject";
    /** A product's number, unique within its trial as the subject's is. */
    static final String PRODUCT = "https://stroma.org/product";
    /** An adverse event's number, unique within its trial as the subject's is. */
    static final String ADVERSE_EVENT = "https://stroma.org/adverse-event";

    private Systems() {
    }

    /** The system of numbers unique within one trial: Stroma's numbers of subjects, products, adverse events. */
    static String of(String system, String trial) {
        return system + "/" + FhirIds.of(trial);
    }
}
