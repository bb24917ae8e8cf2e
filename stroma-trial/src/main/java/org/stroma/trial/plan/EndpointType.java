package org.stroma.trial.plan;

/** What kind of variable an endpoint is, which decides its default analysis. */
public enum EndpointType {
    /** A number measured at visits: a laboratory value, a volume, a distance, a questionnaire score. */
    CONTINUOUS,
    /** Ordered classes: NYHA, CCS. */
    ORDINAL,
    /** Events or lesions counted over a time or a number of scans. */
    COUNT,
    /** The time to a first event, censored at the last contact. */
    TIME_TO_EVENT,
    /** Whether a subject had an event at all (an adverse event, a complication). */
    BINARY,
    /** Not recognised: the statistician says what the outcome is. */
    UNKNOWN
}
