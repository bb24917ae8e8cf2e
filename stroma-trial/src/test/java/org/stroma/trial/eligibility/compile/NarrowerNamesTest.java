package org.stroma.trial.eligibility.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.TrialFixtures;

/**
 * A condition defined in a parenthesis counts by its definition; a condition named more narrowly than the dictionary's
 * concept ("breast cancer", "singleton pregnancy") is asked, not
 * read as the concept: "metastatic breast cancer" as "any malignancy" let in every cancer patient. Words that do not
 * narrow ("known", "history of", "serum") leave the concept as it is; intentions and sensitivities are the
 * investigator's.
 */
class NarrowerNamesTest {
    private static final CriteriaCompiler COMPILER = new CriteriaCompiler(TrialFixtures.DICTIONARY);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Metastatic breast cancer|all(condition breast_cancer now, attest \"is it metastatic breast cancer?\")",
            "Ampullary cancer|all(condition malignancy now, attest \"is it ampullary cancer?\")",
            "Singleton pregnancy|all(condition pregnancy now, attest \"is it singleton pregnancy?\")",
            "History of any skin-related cancer|all(condition malignancy ever, attest \"is it skin-related cancer?\")",
            "Known history of malignancy|condition malignancy ever",
            "Anemia (hematocrit < 27%)|measure hematocrit < 27 % within 12 months",
            "Paralysis due to intracranial hemorrhage|all(condition intracranial_hemorrhage ever, attest \"did the"
                    + " intracranial hemorrhage cause what the criterion names?\")",
            "Hypertension [SBP > 180 mmHg, or DBP > 110 mmHg]|any(measure systolic_bp > 180 mmHg within 12 months,"
                    + " measure diastolic_bp > 110 mmHg within 12 months)",
            "Male or female patients with heart failure|condition heart_failure now",
            "Pregnancy; or breastfeeding|any(condition pregnancy now, condition breastfeeding now)",
            "Sepsis due to organisms sensitive to colistin|all(condition sepsis ever, attest \"is it Sepsis due to"
                    + " organisms sensitive to colistin?\")",
            "Hospital admission for COPD exacerbation|all(condition copd now, attest \"is it COPD exacerbation?\", attest"
                    + " \"Hospital admission for COPD exacerbation\")",
            "Cancer as the reason for intestinal failure|all(condition malignancy now, attest \"is it Cancer as the reason"
                    + " for intestinal failure?\")",
            "Patients in whom the preferred treatment is CABG|attest \"Patients in whom the preferred treatment is"
                    + " CABG\"",
            "Pregnant women or women with potential childbearing|any(condition pregnancy now, attest \"women with"
                    + " potential childbearing\")",
            "Pregnancy, or intent to become pregnant|any(condition pregnancy now, attest \"intent to become"
                    + " pregnant\")",
            "Positive serum pregnancy test|condition pregnancy now",
            // an intention is asked; of women only, as the criterion says
            "Women planning to become pregnant|all(sex female, attest \"Women planning to become pregnant\")",
            "Known or suspected sensitivity to dexamethasone|attest \"suspected sensitivity to dexamethasone\"",
            // a grade in a capital letter narrows however short (audit 30: "ASIA C or D" had read the D as any injury)
            "ASIA C or D spinal cord injury|any(attest \"ASIA C\", all(condition spinal_cord_injury now, attest \"is it D"
                    + " spinal cord injury?\"))"})
    void aNarrowerNameIsAsked(String text, String expected) {
        assertThat(COMPILER.compile(new Criterion("X1", CriterionKind.EXCLUSION, text, null, List.of())).rule()
                .ruleText()).isEqualTo(expected);
    }
}
