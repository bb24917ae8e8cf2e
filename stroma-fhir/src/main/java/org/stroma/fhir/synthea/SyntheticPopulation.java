package org.stroma.fhir.synthea;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A Synthea population, fully determined by these settings: the same settings give the same patients. The
 * simulation ends on {@code endDate}, so that a screening on that date sees each patient's record as it then stood.
 * {@code keepModule} names a Synthea keep module shipped with Stroma ("keep-heart-failure"): only the patients it
 * keeps are written.
 */
public record SyntheticPopulation(long seed, int size, int minAge, int maxAge, LocalDate endDate, String keepModule,
        String modules, String state) {

    /** Patients aged 55 to 85 with chronic heart failure, and the cardiometabolic modules that give them LVEF, HbA1c
     * and creatinine results. */
    public static SyntheticPopulation heartFailure(long seed, int size, LocalDate endDate) {
        return new SyntheticPopulation(seed, size, 55, 85, endDate, "keep-heart-failure",
                "congestive_heart_failure:metabolic_syndrome*:chronic_kidney_disease:myocardial_infarction"
                        + ":atrial_fibrillation", "Massachusetts");
    }

    /** A name for the population's folder that changes whenever a setting does. */
    String key() {
        return "seed" + seed + "-n" + size + "-age" + minAge + "-" + maxAge + "-to" + endDate.format(
                DateTimeFormatter.BASIC_ISO_DATE) + "-" + keepModule + "-" + Integer.toHexString(modules.hashCode())
                + "-" + state.replace(' ', '_');
    }
}
