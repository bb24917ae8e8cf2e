package org.stroma.trial.measure;

import org.stroma.trial.patient.AdministrativeSex;

/**
 * Estimated glomerular filtration rate from serum creatinine (mg/dL), age (years) and sex, in mL/min/1.73 m².
 * The race coefficient of MDRD (×1.212) is left out: records rarely carry race reliably, and CKD-EPI 2021 dropped it.
 */
public enum EgfrEquation {
    /** MDRD study equation, IDMS-traceable: 175 · Scr^−1.154 · age^−0.203 · 0.742 if female. */
    MDRD("MDRD") {
        @Override
        public double compute(double creatinineMgDl, double age, AdministrativeSex sex) {
            double egfr = 175 * Math.pow(creatinineMgDl, -1.154) * Math.pow(age, -0.203);
            return sex == AdministrativeSex.FEMALE ? egfr * 0.742 : egfr;
        }
    },
    /** CKD-EPI 2021 (race-free): 142 · min(Scr/κ,1)^α · max(Scr/κ,1)^−1.200 · 0.9938^age · 1.012 if female. */
    CKD_EPI_2021("CKD-EPI 2021") {
        @Override
        public double compute(double creatinineMgDl, double age, AdministrativeSex sex) {
            boolean female = sex == AdministrativeSex.FEMALE;
            double kappa = female ? 0.7 : 0.9;
            double alpha = female ? -0.241 : -0.302;
            double ratio = creatinineMgDl / kappa;
            double egfr = 142 * Math.pow(Math.min(ratio, 1), alpha) * Math.pow(Math.max(ratio, 1), -1.200)
                    * Math.pow(0.9938, age);
            return female ? egfr * 1.012 : egfr;
        }
    };

    private final String label;

    EgfrEquation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public abstract double compute(double creatinineMgDl, double age, AdministrativeSex sex);
}
