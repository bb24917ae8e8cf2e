package org.stroma.trial.eligibility.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
            "Stroke within 48 hours|attest \"Stroke within 48 hours\"",
            "Hemoglobin < 6 g / dl|measure hemoglobin < 6 g/dl within 12 months",
            "Hb < 100 gram per litre|measure hemoglobin < 100 g/L within 12 months",
            "SBP ≥ 140 mm Hg|measure systolic_bp >= 140 mmHg within 12 months",
            "Platelets > 100 109/l|measure platelets > 100 x10^9/l within 12 months",
            "eGFR < 30 ml/min|attest \"eGFR < 30 ml/min\"",
            "Abnormal liver function (serum ALT level(s) > 5 times ULN or creatinine > 2 times ULN)|any(measure alt > 5 x "
                    + "uln within 12 months, measure creatinine > 2 x uln within 12 months)",
            "MMSE score > or = 15|measure mmse >= 15 {score} within 12 months",
            "PTT > 1.4 times normal|measure aptt > 1.4 x uln within 12 months",
            "BMI > 18 and < 35 kg/m2|measure bmi >18..<35 kg/m2 within 12 months",
            "18 <= BMI <= 27|measure bmi 18..27 kg/m2 within 12 months",
            "BMI > 18,5 <30 kg/m2|measure bmi >18.5..<30 kg/m2 within 12 months",
            "BMI < 18 and > 35 kg/m2|attest \"BMI < 18 and > 35 kg/m2\"",
            "Neutrophils > 1.5|attest \"Neutrophils > 1.5\"",
            "Serum creatinine > 20% above normal|attest \"Serum creatinine > 20% above normal\"",
            "LVEF = 40%|attest \"LVEF = 40%\"",
            "Leukopenia (WBC < 2500 / mm3) or thrombocytopenia (platelets < 80,000 / mm3)|any(measure wbc < 2500 /mm3 "
                    + "within 12 months, condition thrombocytopenia now, measure platelets < 80000 /mm3 within 12 months)",
            "SBP outside the range of 100-160 mmHg or DBP above 95 mmHg|any(attest \"SBP outside the range of 100-160 mmHg\", "
                    + "measure diastolic_bp > 95 mmHg within 12 months)"})
    void aThresholdKeepsItsNumberAndUnitOrIsAsked(String text, String expected) {
        assertThat(COMPILER.compile(new Criterion("X1", CriterionKind.EXCLUSION, text, null, List.of())).rule()
                .ruleText()).isEqualTo(expected);
    }
}
