package org.stroma.trial.safety;

/** Major adverse cardiac events, the composite the cardiac trials report. */
public enum MaceCategory {
    CARDIOVASCULAR_DEATH, MYOCARDIAL_INFARCTION, STROKE, HEART_FAILURE_HOSPITALISATION, REVASCULARISATION,
    SUSTAINED_VENTRICULAR_ARRHYTHMIA
}
