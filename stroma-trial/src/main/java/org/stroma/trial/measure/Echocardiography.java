package org.stroma.trial.measure;

import org.stroma.trial.refusal.InvalidInputException;

/** Left-ventricular ejection fraction from the end-diastolic and end-systolic volumes: (EDV − ESV) / EDV, in %. */
public final class Echocardiography {
    private Echocardiography() {
    }

    public static double ejectionFraction(double endDiastolicMl, double endSystolicMl) {
        if (!(endDiastolicMl > 0) || endSystolicMl < 0 || endSystolicMl > endDiastolicMl) {
            throw new InvalidInputException("volumes EDV " + endDiastolicMl + " mL, ESV " + endSystolicMl
                    + " mL: the end-systolic volume lies between 0 and the end-diastolic");
        }
        return 100 * (endDiastolicMl - endSystolicMl) / endDiastolicMl;
    }
}
