package org.stroma.trial.concept;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Measurements added for the thresholds criteria ask most that the dictionary lacked (viral loads, hCG, visual acuity,
 * haemodynamics, dry-eye tests, scores, blood gases, hormones, tumour markers, immunoglobulins): a threshold on each is
 * read with its number and unit, a threshold in another scale (Snellen or logMAR acuity, a post-void residual volume) is
 * asked, and acronyms that mean something else are not read as the measurement.
 */
class EvenMoreMeasurementsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "HIV-1 RNA < 50 copies/mL|measure hiv_rna < 50 copies/mL within 12 months",
            "HIV viral load > 1000 copies/mL|measure hiv_rna > 1000 copies/mL within 12 months",
            "HCV RNA > 1000 IU/mL|measure hcv_rna > 1000 IU/mL within 12 months",
            "Most recent hCG > 5000 mIU/mL|measure hcg > 5000 mIU/mL within 12 months",
            "BCVA >= 24 letters|measure visual_acuity >= 24 letters within 12 months",
            "Endometrial thickness < 7 mm|measure endometrial_thickness < 7 mm within 12 months",
            "Prostate volume > 100 cc|measure prostate_volume > 100 cc within 12 months",
            "24-hour urine protein > 3.5 g/day|measure urine_protein_24h > 3.5 g/day within 12 months",
            "2-hour plasma glucose >= 200 mg/dL|measure ogtt_2h_glucose >= 200 mg/dL within 12 months",
            "OGTT 2-h PG < 11.1 mmol/L|measure ogtt_2h_glucose < 11.1 mmol/L within 12 months",
            "pulmonary capillary wedge pressure (PCWP) > 15 mmHg|measure pcwp > 15 mmHg within 12 months",
            "PVR > 3 Wood units|measure pvr > 3 Wood within 12 months",
            "pulmonary vascular resistance > 240 dynes|measure pvr > 240 dynes within 12 months",
            "Systolic pulmonary artery pressure (SPAP) >40 mmHg|measure spap > 40 mmHg within 12 months",
            "serum C-peptide < 0.2 nmol/L|measure c_peptide < 0.2 nmol/L within 12 months",
            "serum intact PTH > 300 pg/mL|measure pth > 300 pg/mL within 12 months",
            "SCORTEN 1 to 5 at admission|measure scorten 1..5 {score} within 12 months",
            "OSDI < 30 points|measure osdi < 30 {score} within 12 months",
            "Schirmer: > 4 mm and < 14 mm|measure schirmer >4..<14 mm within 12 months",
            "tear film break-up time < 5 s|measure tear_breakup_time < 5 s within 12 months",
            "crown-rump length <6mm|measure crown_rump_length < 6 mm within 12 months",
            "AHI >= 15|measure ahi >= 15 {events}/h within 12 months",
            "Clinical Dementia Rating global score of 1 or 2|measure cdr 1..2 {score} within 12 months",
            "Zubrod performance status of 0-3|measure ecog 0..3 {score} within 12 months",
            "Harvey-Bradshaw Index > 7|measure harvey_bradshaw > 7 {score} within 12 months",
            "CDAI between 250 and 450|measure cdai_crohn 250..450 {score} within 12 months",
            "Crohn's Disease Activity Index (CDAI) > 220|measure cdai_crohn > 220 {score} within 12 months",
            "BSA involvement >= 10%|measure bsa_involvement >= 10 % within 12 months",
            "MAP < 65 mmHg|measure mean_arterial_pressure < 65 mmHg within 12 months",
            "prolactin > 25 ng/mL|measure prolactin > 25 ng/mL within 12 months",
            "serum progesterone > 1.5 ng/mL|measure progesterone > 1.5 ng/mL within 12 months",
            "CK > 5 x ULN|measure creatine_kinase > 5 x uln within 12 months",
            "CK-MB > 2 x ULN|measure ck_mb > 2 x uln within 12 months",
            "serum folate < 3 ng/mL|measure folate < 3 ng/mL within 12 months",
            "free T4 > 2 ng/dL|measure free_t4 > 2 ng/dL within 12 months",
            "fibrinogen < 150 mg/dL|measure fibrinogen < 150 mg/dL within 12 months",
            "LDH > 2 x ULN|measure ldh > 2 x uln within 12 months",
            "lipase > 3 x ULN|measure lipase > 3 x uln within 12 months",
            "amylase > 3 x ULN|measure amylase > 3 x uln within 12 months",
            "serum uric acid > 8 mg/dL|measure uric_acid > 8 mg/dL within 12 months",
            "FiO2 > 60%|measure fio2 > 60 % within 12 months",
            "serum lactate > 4 mmol/L|measure lactate > 4 mmol/L within 12 months",
            "blood eosinophils >= 300 cells/uL|measure eosinophils >= 300 cells/uL within 12 months",
            "waist circumference > 102 cm|measure waist_circumference > 102 cm within 12 months",
            "5-minute Apgar score < 7|measure apgar < 7 {score} within 12 months",
            "Hoehn and Yahr stage 2-3|measure hoehn_yahr 2..3 {score} within 12 months",
            "SLEDAI-2K >= 6|measure sledai >= 6 {score} within 12 months",
            "MELD score > 15|measure meld > 15 {score} within 12 months",
            "DLCO < 40% predicted|measure dlco_percent_predicted < 40 % within 12 months",
            "FVC >= 50% predicted|measure fvc_percent_predicted >= 50 % within 12 months",
            "6MWD < 450 m|measure six_minute_walk_distance < 450 m within 12 months",
            "six minute walk distance > 1000 feet|measure six_minute_walk_distance > 1000 feet within 12 months",
            // blood gases, sweat chloride, inflammation and coagulation markers, hormones, tumour markers, immunoglobulins,
            // complement, anxiety and pain scores, an echo dimension, blood glucose
            "Sweat chloride equal or greater than 60 mEq/L by quantitative pilocarpine iontophoresis test."
                    + "|measure sweat_chloride >= 60 mEq/L within 12 months",
            "Base excess > 2 mmol/L|measure base_excess > 2 mmol/L within 12 months",
            "procalcitonin > 0.5 ng/mL|measure procalcitonin > 0.5 ng/mL within 12 months",
            "PCT > 2 ng/mL|measure procalcitonin > 2 ng/mL within 12 months",
            "D-dimer > 0.5 mg/L|measure d_dimer > 0.5 mg/L within 12 months",
            "morning serum cortisol < 3 ug/dL|measure cortisol < 3 ug/dL within 12 months",
            "LH > 20 IU/L|measure lh > 20 IU/L within 12 months",
            "CEA > 5 ng/mL|measure cea > 5 ng/mL within 12 months",
            "plasma ammonia > 100 umol/L|measure ammonia > 100 umol/L within 12 months",
            "Serum IgG < 500 mg/dL|measure igg < 500 mg/dL within 12 months",
            "IgA < 7 mg/dL|measure iga < 7 mg/dL within 12 months",
            "IgM > 2 x ULN|measure igm > 2 x uln within 12 months",
            "Total IgE > 1500 IU/mL|measure ige > 1500 IU/mL within 12 months",
            "Complement C3 < 90 mg/dL|measure complement_c3 < 90 mg/dL within 12 months",
            "C4 levels < 10 mg/dL|measure complement_c4 < 10 mg/dL within 12 months",
            "GAD-7 score >= 10|measure gad7 >= 10 {score} within 12 months",
            "at least moderate pain intensity (NRS≧4)|measure pain_nrs >= 4 {score} within 12 months",
            "left ventricular end-systolic diameter > 45 mm|measure lv_end_systolic_diameter > 45 mm within 12 months",
            "homocysteine > 15 umol/L|measure homocysteine > 15 umol/L within 12 months",
            "blood glucose > 135 mg/dl|measure glucose > 135 mg/dl within 12 months",
            // another scale than the concept's is asked, not read in its unit
            "Best corrected visual acuity (BCVA) <20/200|attest \"Best corrected visual acuity (BCVA) <20/200\"",
            "visual acuity < 0.3 logMAR|attest \"visual acuity < 0.3 logMAR\"",
            "PVR > 200 mL|attest \"PVR > 200 mL\"",
            "FVC < 1.5 L|attest \"FVC < 1.5 L\"",
            // without a number, an HIV or HCV RNA test or an hCG pregnancy test stays the condition it shows
            "HIV-1 RNA undetectable|condition hiv now",
            "HCV RNA positive|condition hepatitis_c now"})
    void aThresholdOnTheMeasurementIsReadWithItsNumberAndUnit(String text, String expected) {
        assertThat(Readings.exclusionRule(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "body surface area < 1.5 m2|bsa_involvement",
            "BSA of 1.8 m2|bsa_involvement",
            "CDAI > 22 (rheumatoid arthritis)|cdai_crohn",
            "CDR-H3 sequence of the CAR|cdr",
            "CDR3 region|cdr",
            "Clinical Dementia Rating sum of boxes > 4|cdr",
            "MAP kinase inhibitor|mean_arterial_pressure",
            "a map of the lesions|mean_arterial_pressure",
            "negative serum beta-hCG pregnancy test|hcg",
            "HIV RNA positive|hiv_rna",
            "prolactinoma|prolactin",
            "prolactin-secreting adenoma|prolactin",
            "PTH analogue therapy|pth",
            "urate-lowering therapy|uric_acid",
            "lipoprotein lipase deficiency|lipase",
            "fibrinogen concentrate|fibrinogen",
            "eosinophilic esophagitis|eosinophils",
            "CK7-positive tumour|creatine_kinase",
            "PK sampling on day 1|creatine_kinase",
            "FEV1/FVC < 0.7|fvc_percent_predicted",
            "DLCO/VA < 80%|dlco_percent_predicted",
            "pulmonary vascular resistance index > 6|pvr",
            "MELD-Na > 20|meld",
            "urine protein dipstick 2+|urine_protein_24h",
            "folic acid supplementation|folate",
            "IgG4-related disease|igg",
            "CMV IgG positive|igg",
            "anti-HBc IgM positive|igm",
            "specific IgE to peanut > 0.35 kU/L|ige",
            "Level of SCI C3-T1|complement_c3",
            "luteinizing hormone-releasing hormone agonist|lh",
            "LHRH agonist|lh",
            "NRS-2002 score >= 3|pain_nrs",
            "self-monitoring of blood glucose|glucose",
            "blood glucose level at 2 hours after an oral glucose tolerance test|glucose",
            "cortisol-secreting adenoma|cortisol",
            "urinary free cortisol > 3 x ULN|cortisol"})
    void wordsThatMeanSomethingElseAreNotTheMeasurement(String text, String notThis) {
        assertThat(Readings.found(text)).doesNotContain(notThis);
    }
}
