package org.stroma.trial.safety;

/**
 * What makes an adverse event serious (ICH E2A). Seriousness is about the outcome, not the severity: a severe
 * headache is not serious, a mild event that prolongs a hospital stay is.
 */
public enum SeriousnessCriterion {
    DEATH, LIFE_THREATENING, HOSPITALISATION, PERSISTENT_DISABILITY, CONGENITAL_ANOMALY, IMPORTANT_MEDICAL_EVENT
}
