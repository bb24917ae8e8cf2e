package org.stroma.trial;

import static org.stroma.trial.PatientBuilder.patient;

import java.time.LocalDate;

/**
 * For each seed trial, a patient who meets every criterion on the screening day {@code on}, with the investigator's
 * answers; a test moves one fact at a time to sit on a threshold, or runs the patient through the trial.
 */
public final class ReferencePatients {
    private ReferencePatients() {
    }

    public static PatientBuilder mesami2(String id, int age, double lvef, LocalDate on) {
        LocalDate lastMonth = on.minusMonths(1);
        return patient(id).male().aged(age, on)
                .has("ischemic_cardiomyopathy", on.minusYears(2))
                .assessed("nyha", "III", lastMonth)
                .measured("lvef", lvef, "%", lastMonth)
                .measured("vo2max", 18, "mL/kg/min", lastMonth)
                .measured("wall_thickness", 10, "mm", lastMonth)
                .attestsAll(true, "I1", "I3", "I5", "I7", "I8")
                .attestsAll(false, "E9", "E10", "E18", "E19", "E20", "E25", "E27");
    }

    /** A patient with an MS subtype since six years, EDSS 4, normal kidneys, for MESEMS (Toulouse). */
    public static PatientBuilder ms(String id, String subtype, int age, LocalDate on) {
        LocalDate lastMonth = on.minusMonths(1);
        return patient(id).female().aged(age, on)
                .has(subtype, on.minusYears(6))
                .measured("edss", 4, "{score}", lastMonth)
                .measured("creatinine", 0.8, "mg/dL", lastMonth)
                .attestsAll(true, "I8")
                .attestsAll(false, "E10", "E11", "E12", "E13", "E14");
    }

    /** RRMS not responding to interferon beta: a relapse five months ago, the interferon stopped four months ago. */
    public static PatientBuilder mesemsRrms(String id, int age, LocalDate on) {
        return ms(id, "rrms", age, on).took("interferon_beta", on.minusYears(4), on.minusMonths(4))
                .has("ms_relapse", on.minusMonths(5));
    }

    /** RRMS on glatiramer until three months ago, for MESEMS (Genova), with the relapses given. */
    public static PatientBuilder mesemsGenovaRrms(String id, LocalDate on, LocalDate... relapses) {
        LocalDate lastMonth = on.minusMonths(1);
        PatientBuilder p = patient(id).male().aged(30, on).has("rrms", on.minusYears(5))
                .measured("edss", 3.5, "{score}", lastMonth).measured("creatinine", 1.0, "mg/dL", lastMonth)
                .took("glatiramer", on.minusYears(3), on.minusMonths(3))
                .attestsAll(false, "E10", "E11", "E12", "E13", "E14");
        for (LocalDate d : relapses) {
            p.has("ms_relapse", d);
        }
        return p;
    }

    public static PatientBuilder aceso(String id, double hba1c, LocalDate on) {
        LocalDate lastMonth = on.minusMonths(1);
        return patient(id).male().aged(60, on)
                .has("ischemic_heart_disease", on.minusYears(1))
                .measured("hba1c", hba1c, "%", lastMonth)
                .measured("creatinine", 1.0, "mg/dL", lastMonth)
                .measured("hematocrit", 40, "%", lastMonth)
                .measured("wbc", 6.0, "10*3/uL", lastMonth)
                .measured("platelets", 250, "10*9/L", lastMonth)
                .measured("ast", 30, "U/L", 40, lastMonth)
                .measured("alt", 25, "U/L", 45, lastMonth)
                .measured("inr", 1.0, "{INR}", lastMonth)
                .attestsAll(true, "I2", "I3")
                .attestsAll(false, "E5", "E6", "E7", "E10", "E11", "E13", "E16", "E17", "E18", "E19");
    }

    public static PatientBuilder ucMsc(String id, double lvef, LocalDate on) {
        LocalDate lastMonth = on.minusMonths(1);
        return patient(id).male().aged(50, on)
                .has("dilated_cardiomyopathy", on.minusYears(3))
                .assessed("nyha", "III", lastMonth)
                .measured("lvef", lvef, "%", lastMonth)
                .attestsAll(true, "I2", "I4", "I6", "I7", "I8", "I9")
                .attestsAll(false, "E2", "E4", "E5", "E6", "E9", "E10", "E11", "E14", "E15");
    }

    /** A patient eligible for a seed trial on a day. */
    public static PatientBuilder eligible(String seed, String id, LocalDate on) {
        return switch (seed) {
            case TrialFixtures.MESAMI2 -> mesami2(id, 60, 40, on);
            case TrialFixtures.MESEMS_T -> mesemsRrms(id, 35, on);
            case TrialFixtures.ACESO -> aceso(id, 7.5, on);
            case TrialFixtures.UC_MSC_DCM -> ucMsc(id, 30, on);
            case TrialFixtures.MESEMS_G -> mesemsGenovaRrms(id, on, on.minusMonths(14), on.minusMonths(20));
            default -> throw new IllegalArgumentException("no reference patient for " + seed);
        };
    }
}
