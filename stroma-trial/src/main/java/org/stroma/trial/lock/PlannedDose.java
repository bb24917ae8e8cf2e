package org.stroma.trial.lock;

import org.stroma.trial.dosing.DoseException;
import org.stroma.trial.dosing.DosePlan;

/**
 * What a subject was to receive in one treatment period: the arm that period gives (its code and label) and the dose
 * the design plans for that arm — none for a placebo, or where the protocol states no dose. A parallel or single-group
 * trial has one period; a crossover one per arm of the subject's sequence.
 */
public record PlannedDose(int period, String arm, String treatment, DosePlan plan) {

    /**
     * The cells planned for a subject of this weight, lowest and highest (the weight matters only for a dose per
     * kilogram); null when no cells are planned, or a dose per kilogram meets no weight it can be given by.
     */
    public double[] cells(Double weightKg) {
        if (plan == null) {
            return null;
        }
        try {
            return plan.cellsFor(weightKg);
        } catch (DoseException noWeight) {
            return null;
        }
    }
}
