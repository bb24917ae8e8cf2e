package org.stroma.trial.masking;

/** Who looks at the trial's data. Which of them are blinded depends on the protocol's masking ({@link MaskingPolicy}). */
public enum Role {
    PARTICIPANT, INVESTIGATOR, COORDINATOR, CARE_PROVIDER, OUTCOMES_ASSESSOR, MONITOR, DATA_MANAGER, ADMINISTRATOR,
    STATISTICIAN, CELL_LAB, UNBLINDED_PHARMACIST, DSMB
}
