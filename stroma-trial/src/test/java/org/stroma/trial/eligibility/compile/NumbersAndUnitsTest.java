package org.stroma.trial.eligibility.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.TrialFixtures;

/**
 * A threshold keeps its number and its unit, or the criterion is asked: "platelets 100.000/µl" was read as 100,
 * "250 lbs" as 250 kg, "2.5 x LLN" as 2.5 U/L, "within 48 hours" as ever — each a rule that excludes the wrong
 * patients.
 */
class NumbersAndUnitsTest {
    private static final CriteriaCompiler COMPILER = new CriteriaCompiler(TrialFixtures.DICTIONARY);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Platelets < 100.000/µl|measure platelets < 100000 /µl within 12 months",
            "Platelets < 1.500.000 cells/uL|measure platelets < 1500000 cells/uL within 12 months",
            "Platelets < 100 K/cumm|measure platelets < 100 x10^3/uL within 12 months",
            "Weight < 250 lbs|measure body_weight < 250 lb within 12 months",
            "Serum AST > 3 times upper limit of normal|measure ast > 3 x uln within 12 months",
            "AST > 2 ULN|measure ast > 2 x uln within 12 months",
            "ALT > 2.5 UNL|measure alt > 2.5 x uln within 12 months",
            "ALT < 2.5 x LLN|attest \"ALT < 2.5 x LLN\"",
            "INR > 1.5 unless on anticoagulants|all(measure inr > 1.5 {INR} within 12 months, not(medication anticoagulant now))",
            "24-hour urine protein > 1 g|attest \"24-hour urine protein > 1 g\"",
            "Baseline creatinine >20% above the upper limit of normal|measure creatinine > 1.2 x uln within 12 months",
            "INR > 1.4 times normal|measure inr > 1.4 x uln within 12 months",
            "Bilirubin ≤ 1.5 x institutional upper limit of normal|measure bilirubin <= 1.5 x uln within 12 months",
            "AST ≤ 1.5 x institutional upper limit of normal|measure ast <= 1.5 x uln within 12 months",
            "Estimated weight loss ≤ 10% in the 3 months before randomization|attest \"Estimated weight loss ≤ 10% in the 3"
                    + " months before randomization\"",
            "eGFR more than 20 ml/min per 1.73 m2|measure egfr > 20 mL/min/1.73m2 within 12 months",
            "eGFR < 45 ml/min|measure egfr < 45 ml/min within 12 months",
            "Hemoglobin < 9 g/dL.|measure hemoglobin < 9 g/dL within 12 months",
            "Body Mass Index (BMI) >21 kg/m^2 and <35 kg/m^2.|measure bmi >21..<35 kg/m2 within 12 months",
            "Platelet count >= 40,000/mm^3|measure platelets >= 40000 /mm3 within 12 months",
            "Temperature less than 100.4 F|measure body_temperature < 100.4 F within 12 months",
            "temperature > 37.5℃|measure body_temperature > 37.5 C within 12 months",
            "HbA1c < 75 mmol/mol (9.0%)|measure hba1c < 75 mmol/mol within 12 months",
            "Hb level < 9gm/dl|measure hemoglobin < 9 g/dL within 12 months",
            "ANC > 1000/mcl|measure neutrophils > 1000 /µL within 12 months",
            "Fasting plasma glucose < 7,0 mM|measure fasting_glucose < 7 mmol/L within 12 months",
            "Systolic BP more than 160mmHg|measure systolic_bp > 160 mmHg within 12 months",
            "resting SBP less than (<) 90mmHg|measure systolic_bp < 90 mmHg within 12 months",
            "LVEF less than or equal to (=<) 40 percent (%)|measure lvef <= 40 % within 12 months",
            "Patients with 7.0% <= HbA1c <= 11.0%|measure hba1c 7..11 % within 12 months",
            "2.6 mmol/L <= LDL-C <= 200 mg/dL|attest \"2.6 mmol/L ≤ LDL-C ≤ 200 mg/dL\"",
            "Absolute neutrophil count less than 750 cells/mm3 even if receiving G-CSF|measure neutrophils < 750"
                    + " cells/mm3 within 12 months",
            "ECOG PS of 0-2|measure ecog 0..2 {score} within 12 months",
            "ECOG performance status of 0, 1 or 2|measure ecog 0..2 {score} within 12 months",
            "ECOG PS: 0,1|measure ecog 0..1 {score} within 12 months",
            "ECOG 0 or 2|attest \"ECOG 0 or 2\"",
            "HbA1c levels of 8.0-12.0%|measure hba1c 8..12 % within 12 months",
            "QTc, defined as > 470 ms|measure qtc > 470 ms within 12 months",
            "Hypertension (BP>140/90 mmHg)|any(measure systolic_bp > 140 mmHg within 12 months, measure diastolic_bp > 90"
                    + " mmHg within 12 months)",
            "BP < 140/90|all(measure systolic_bp < 140 mmHg within 12 months, measure diastolic_bp < 90 mmHg within 12"
                    + " months)",

            // a text that lost its ≤ and ≥: a range's bounds can only have been those; an equality alone is asked
            "130mmHg=SBP<180mmHg|measure systolic_bp >=130..<180 mmHg within 12 months",
            "Patients with 7.0% = HbA1c = 11.0%|measure hba1c 7..11 % within 12 months",
            "Body mass index (BMI) =18 to =30 kg/m2|measure bmi 18..30 kg/m2 within 12 months",
            "Hgb =8.5 g/dL and =11.5 g/dL|measure hemoglobin 8.5..11.5 g/dL within 12 months",
            "HbA1c = 11.0% = 7.0%|attest \"HbA1c = 11.0% = 7.0%\"",
            "180mmHg=SBP>130mmHg|attest \"180mmHg=SBP>130mmHg\"",
            "Hgb =8.5 g/dL and =115 g/L|attest \"Hgb =8.5 g/dL and =115 g/L\"",
            "HbA1c = 9%|attest \"HbA1c = 9%\"",
            "Hemoglobin >=8.0 gram/deciliter (g/dL)|measure hemoglobin >= 8 g/dL within 12 months",
            // "systolic" and "diastolic" alone name the pressures when a number follows; "systolic dysfunction" not
            "Severe hypertension with systolic >200 mmHg and diastolic >110 mmHg|all(condition hypertension now, attest"
                    + " \"is it severe hypertension?\", measure systolic_bp > 200 mmHg within 12 months, measure"
                    + " diastolic_bp > 110 mmHg within 12 months)",
            "Systolic dysfunction|attest \"Systolic dysfunction\"",
            // one value on record does not show repeated readings
            "Fasting glucose > 126 mg/dL on 2 occasions|all(measure fasting_glucose > 126 mg/dL within 12 months, attest"
                    + " \"Fasting glucose > 126 mg/dL on 2 occasions\")",
            "Absolute neutrophil count (ANC) >=1.5 x 10^9/Liter (L)|measure neutrophils >= 1.5 x10^9/L within 12 months",
            "platelet count < 150,000/cubic mm|measure platelets < 150000 /mm3 within 12 months",
            "BMI <= 27 kilogram per meter square (kg/m^2)|measure bmi <= 27 kg/m2 within 12 months",
            "Ejection fraction of 25% or greater|measure lvef >= 25 % within 12 months",
            "HbA1c of 10% or higher|measure hba1c >= 10 % within 12 months",
            "Platelets < 75 x 109 cells/L|measure platelets < 75 x10^9/L within 12 months",
            "LVEF less than 50 per cent|measure lvef < 50 % within 12 months",
            "Creatinine clearance less than 60 mL per minute|measure creatinine_clearance < 60 mL/min within 12 months",
            "WBC >_3500/mm3|measure wbc >= 3500 /mm3 within 12 months",
            "ALT ＞ 2×ULN|measure alt > 2 x uln within 12 months",
            "Thrombocytopenia (platelets < 90,000/mm3)|measure platelets < 90000 /mm3 within 12 months",
            // a count too small to be one per µL can only be one in 10^9 per litre; one that can be per µL is read so
            "Platelet count < 75 at the time of enrollment|measure platelets < 75 x10^9/L within 12 months",
            "ANC < 500|measure neutrophils < 500 /uL within 12 months",
            // an equals sign before a range is no lost sign
            "BMI = 18-30 kg/m2|measure bmi 18..30 kg/m2 within 12 months",
            "HbA1c = 9 %|attest \"HbA1c = 9 %\"",
            "Heart failure (NYHA class III and above)|all(condition heart_failure now, class nyha in III,IV within 12"
                    + " months)",
            "NYHA class II or below|class nyha in I,II within 12 months",
            "Corticosteroids (oral, topical or injectable) within 3 months|medication corticosteroid within 3 months",
            "Prednisone > 15 mg/day|all(medication named \"prednisone\" now, attest \"at the dose written: > 15"
                    + " mg/day?\")",
            "Abnormal liver function (serum ALT > 5 times ULN or creatinine > 2 times ULN)|any(measure alt > 5 x uln"
                    + " within 12 months, measure creatinine > 2 x uln within 12 months)",
            "New York Heart Association (NYHA) Class II or higher|class nyha in II,III,IV within 12 months",
            // metformin is a concept of its own, whose records of use are totalled (a drug named only by name is asked)
            "Treated with metformin for at least 3 months prior to screening|exposure metformin >= 3 months",

            "Hemoglobin < 6 g / dl|measure hemoglobin < 6 g/dl within 12 months",
            "Hb < 100 gram per litre|measure hemoglobin < 100 g/L within 12 months",
            "SBP ≥ 140 mm Hg|measure systolic_bp >= 140 mmHg within 12 months",
            "Platelets > 100 109/l|measure platelets > 100 x10^9/l within 12 months",
            "MMSE score > or = 15|measure mmse >= 15 {score} within 12 months",
            "PTT > 1.4 times normal|measure aptt > 1.4 x uln within 12 months",
            "BMI > 18 and < 35 kg/m2|measure bmi >18..<35 kg/m2 within 12 months",
            "18 <= BMI <= 27|measure bmi 18..27 kg/m2 within 12 months",
            "BMI > 18,5 <30 kg/m2|measure bmi >18.5..<30 kg/m2 within 12 months",
            // excluded below one bound "and" above a higher one: outside the range, the only reading a value can meet
            "BMI < 18 and > 35 kg/m2|any(measure bmi < 18 kg/m2 within 12 months, measure bmi > 35 kg/m2 within 12"
                    + " months)",
            "Neutrophils > 1.5|measure neutrophils > 1.5 x10^9/L within 12 months",
            "Serum creatinine > 20% above normal|attest \"Serum creatinine > 20% above normal\"",
            "LVEF = 40%|attest \"LVEF = 40%\"",
            "Leukopenia (WBC < 2500 / mm3) or thrombocytopenia (platelets < 80,000 / mm3)|any(measure wbc < 2500 /mm3 "
                    + "within 12 months, measure platelets < 80000 /mm3 within 12 months)",
            "SBP outside the range of 100-160 mmHg or DBP above 95 mmHg|any(measure systolic_bp < 100 mmHg within 12"
                    + " months, measure systolic_bp > 160 mmHg within 12 months, measure diastolic_bp > 95 mmHg within 12"
                    + " months)",
            // units as criteria write them: run into the next word, in the plural, a hormone's milli-units
            "Have a CD4 cell count of 50 cells/mm3or less|measure cd4 <= 50 cells/mm3 within 12 months",
            "Body weight <55kgs.|measure body_weight < 55 kgs within 12 months",
            "TSH > 4.5 mU/L|measure tsh > 4.5 mU/L within 12 months",
            // a full stop after an abbreviated unit ends no sentence: the second bound stays with the first
            "TBUT > 5 sec. and < 10 sec.|measure tear_breakup_time >5..<10 sec within 12 months",
            "BMI > 18 kg/m2. and < 30 kg/m2|measure bmi >18..<30 kg/m2 within 12 months",
            // names as criteria spell them: a plural, another abbreviation, another wording of the scale
            "Alkaline phosphatases < 5 UNL|measure alkaline_phosphatase < 5 x uln within 12 months",
            "Screening HgA1c blood test > 10.0|measure hba1c > 10 % within 12 months",
            "Mini Mental Status (MMS) test between 16 to 26 inclusive|measure mmse 16..26 {score} within 12 months",
            "INR test between 2.0 to 3|measure inr 2..3 {INR} within 12 months",
            // a score written before the scale it is on; a change of the score is none of its values
            "moderate-to-severe depression (> 25 points on the Beck Depression Inventory)|measure bdi > 25 {score} within"
                    + " 12 months",
            "Subjects must score 2 or higher on the modified Medical Research Council Dyspnea scale|measure mmrc >= 2"
                    + " {score} within 12 months",
            "Score ≤ 10 on the Short Physical Performance Battery OR Walking speed < 1.2 m/sec during 400 m usual-paced"
                    + " test|any(measure sppb <= 10 {score} within 12 months, measure gait_speed < 1.2 m/sec within 12"
                    + " months)",
            "an increase of ≥ 1 point on the EDSS in the past year|increase edss within 1 year: 1 if any",
            // "averaging" is what a clinic records of the readings: the pressures' limits as for "BP > 159/99"
            "Blood pressure averaging > 159/99 mmHg|any(measure systolic_bp > 159 mmHg within 12 months, measure"
                    + " diastolic_bp > 99 mmHg within 12 months)",
            // "at/above" is "≥"; a raised dot between digits a decimal point; a unit spelt out is read, or asked, never
            // taken for the concept's own; a fraction read as a percentage keeps its limit
            "Bilirubin level at/above 100 umol per liter|measure bilirubin >= 100 umol/L within 12 months",
            "Ankle Brachial Pressure Index <0•9|measure ankle_brachial_index < 0.9 {ratio} within 12 months",
            "serum creatinine >= 1.5 millimole (mmol)/L|measure creatinine >= 1.5 mmol/L within 12 months",
            "Sodium < 130 milliequivalents per liter|attest \"Sodium < 130 milliequivalents per liter\"",
            "6. Hematocrit < 0.30|measure hematocrit < 30 % within 12 months"})
    void aThresholdKeepsItsNumberAndUnitOrIsAsked(String text, String expected) {
        assertThat(COMPILER.compile(new Criterion("X1", CriterionKind.EXCLUSION, text, null, List.of())).rule()
                .ruleText()).isEqualTo(expected);
    }

    @Test
    void theChildrensScaleIsNotTheAdultsYaleBrownScale() {
        // the CY-BOCS is an instrument of its own, with items of its own: its score is no Y-BOCS score, and is asked
        assertThat(COMPILER.compile(new Criterion("I5", CriterionKind.INCLUSION, "Score greater than 8 on Children's"
                + " Yale-Brown Obsessive Compulsive Scale", null, List.of())).rule().ruleText())
                .isEqualTo("attest \"Score > 8 on Children's Yale-Brown Obsessive Compulsive Scale\"");
        assertThat(COMPILER.compile(new Criterion("I5", CriterionKind.INCLUSION, "Score greater than 16 on the"
                + " Yale-Brown Obsessive Compulsive Scale", null, List.of())).rule().ruleText())
                .isEqualTo("measure ybocs > 16 {score} within 12 months");
    }

    @Test
    void anEgfrWrittenInMillilitresPerMinuteIsReadPerBodySurfaceAndSaysSo() {
        CompiledCriterion c = COMPILER.compile(new Criterion("X1", CriterionKind.EXCLUSION, "eGFR < 45 ml/min", null,
                List.of()));
        assertThat(c.assumptions()).contains("estimated glomerular filtration rate: ml/min read as mL/min/1.73m2");
        assertThat(c.reading()).isEqualTo(CompiledCriterion.Reading.WITH_ASSUMPTIONS);
    }

    @Test
    void consentInAPartOfItsOwnIsAskedBesideTheRest() {
        assertThat(COMPILER.compile(new Criterion("I1", CriterionKind.INCLUSION, "Hemoglobin at least 9 g/dL; written"
                + " informed consent", null, List.of())).rule().ruleText())
                .isEqualTo("all(measure hemoglobin >= 9 g/dL within 12 months, attest \"written informed consent\")");
        // what the sentence names belongs to the willingness: the whole is asked
        assertThat(COMPILER.compile(new Criterion("E1", CriterionKind.EXCLUSION, "Unwilling to stop aspirin or"
                + " warfarin; hemoglobin < 9 g/dL", null, List.of())).rule().ruleText())
                .isEqualTo("attest \"Unwilling to stop aspirin or warfarin; hemoglobin < 9 g/dL\"");
    }
}
