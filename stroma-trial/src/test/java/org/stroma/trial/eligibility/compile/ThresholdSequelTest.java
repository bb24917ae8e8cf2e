package org.stroma.trial.eligibility.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.TrialFixtures;

/**
 * What a criterion writes after a threshold is part of it: the sex each limit is for, a second bound, a limit for
 * some patients in parentheses. Each was dropped before, leaving a rule stricter or looser than the criterion.
 */
class ThresholdSequelTest {
    private static final CriteriaCompiler COMPILER = new CriteriaCompiler(TrialFixtures.DICTIONARY);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "EXCLUSION|Serum creatinine >2.5 mg/dL in men, or >2.0 mg/dL in women|any(all(sex male, measure creatinine"
                    + " > 2.5 mg/dL within 12 months), all(sex female, measure creatinine > 2 mg/dL within 12 months))",
            "INCLUSION|Creatinine < 1.2 mg/dL for women and < 1.4 mg/dL for men|any(all(sex female, measure creatinine"
                    + " < 1.2 mg/dL within 12 months), all(sex male, measure creatinine < 1.4 mg/dL within 12 months))",
            "EXCLUSION|Creatinine > 1.2 mg/dL for women, > 1.4 for men|any(all(sex female, measure creatinine > 1.2"
                    + " mg/dL within 12 months), all(sex male, measure creatinine > 1.4 mg/dL within 12 months))",
            "EXCLUSION|Creatinine > 1.4 mg/dL (men)|all(sex male, measure creatinine > 1.4 mg/dL within 12 months)",
            "INCLUSION|Creatinine < 1.4 mg/dL (men)|any(sex female, measure creatinine < 1.4 mg/dL within 12 months)",
            "INCLUSION|LVEF ≥ 20% and ≤ 45%|measure lvef 20..45 % within 12 months",
            "INCLUSION|LVEF 20-45%|measure lvef 20..45 % within 12 months",
            "EXCLUSION|LVEF < 20% or > 45%|any(measure lvef < 20 % within 12 months, measure lvef > 45 % within 12 months)",
            "EXCLUSION|LVEF < 20% or > 45 mm|attest \"LVEF < 20% or > 45 mm\"",
            "INCLUSION|AST ≤ 2.5 x ULN (≤ 5 x ULN for patients with liver metastases)|any(measure ast <= 2.5 x uln"
                    + " within 12 months, attest \"is the patient one the other limit is for, and within it: ≤ 5 ×ULN for"
                    + " patients with liver metastases?\")",
            "EXCLUSION|ALT > 3 x ULN (> 5 x ULN for patients with liver metastases)|all(measure alt > 3 x uln within 12"
                    + " months, attest \"is the patient not one the other limit is for, or also within it: > 5 ×ULN for"
                    + " patients with liver metastases?\")",
            "INCLUSION|Platelets ≥ 100 x 10^9/L, LVEF ≥ 30%|all(measure platelets >= 100 x10^9/L within 12 months,"
                    + " measure lvef >= 30 % within 12 months)"})
    void aThresholdKeepsWhatFollowsIt(CriterionKind kind, String text, String expected) {
        assertThat(COMPILER.compile(new Criterion("X1", kind, text, null, List.of())).rule().ruleText())
                .isEqualTo(expected);
    }
}
