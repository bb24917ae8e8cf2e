package org.stroma.trial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.trial.TrialFixtures.SCREENED;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.eligibility.rule.RuleParser;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Code;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.PatientRecord;

/**
 * A record coded as a kind of what a criterion names decides it: sepsis is an infection, a bleeding ulcer a
 * gastrointestinal bleeding, dementia a cognitive impairment, haematuria a condition of its own. Each kind was missing
 * from the dictionary, and a rule requiring the broader condition had passed such patients by unasked.
 */
class KindsOnRecordTest {
    @ParameterizedTest(name = "{1} {2} is {0}")
    @CsvSource(delimiter = '|', value = {
            "infection|http://snomed.info/sct|91302008", "infection|http://hl7.org/fhir/sid/icd-10|R57.2",
            "infection|http://snomed.info/sct|5758002",
            "gi_bleeding|http://hl7.org/fhir/sid/icd-10|K25.0", "gi_bleeding|http://hl7.org/fhir/sid/icd-10-cm|K26.4",
            "gi_bleeding|http://hl7.org/fhir/sid/icd-10|I85.0",
            "cognitive_impairment|http://hl7.org/fhir/sid/icd-10|F01.9",
            "cognitive_impairment|http://snomed.info/sct|386805003", "cognitive_impairment|http://hl7.org/fhir/sid/icd-10|G30.1",
            "hematuria|http://hl7.org/fhir/sid/icd-10|R31"})
    void aKindOnRecordDecidesTheCondition(String concept, String system, String code) {
        PatientRecord p = new PatientRecord("p", null, AdministrativeSex.MALE, List.of(), List.of(
                Diagnosis.of(new Code(system, code, code), SCREENED.minusMonths(1))), List.of(), List.of(), Map.of());
        Finding f = new RuleEvaluator(TrialFixtures.DICTIONARY, SCREENED, PatientFacts.of(p, TrialFixtures.DICTIONARY),
                "X1", id -> Finding.unknown("none")).evaluate(RuleParser.parse("condition " + concept + " within 3 months"));
        assertThat(f.verdict()).as(f.reason()).isEqualTo(Verdict.MET);
    }
}
