package org.stroma.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.Evidence;
import org.stroma.trial.eligibility.Finding;
import org.stroma.trial.eligibility.PatientFacts;
import org.stroma.trial.eligibility.RuleEvaluator;
import org.stroma.trial.eligibility.Verdict;
import org.stroma.trial.eligibility.rule.RuleParser;
import org.stroma.trial.patient.PatientRecord;

/**
 * Records from systems whose codes Stroma does not know: an observation or a condition whose whole display names a
 * concept counts for it, and the verdict says it was matched by name; a name inside a longer text does not count.
 */
class MatchedByNameTest {
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();
    private static final PatientRecord PATIENT = new FhirPatientReader().read("named-not-coded.json",
            FhirPatientReaderTest.resource("named-not-coded.json")).get(0);

    private static Finding evaluate(String rule) {
        return new RuleEvaluator(DICTIONARY, LocalDate.of(2026, 6, 1), PatientFacts.of(PATIENT, DICTIONARY), "I1",
                id -> Finding.unknown("no criterion " + id)).evaluate(RuleParser.parse(rule));
    }

    @Test
    void anUnknownCodeDisplayedAsPeakVo2DecidesTheVo2Rule() {
        Finding f = evaluate("measure vo2max <= 20 mL/kg/min within 12 months");
        assertThat(f.verdict()).isEqualTo(Verdict.MET);
        Evidence e = f.evidence().get(0);
        assertThat(e.matchedByName()).isEqualTo("Peak VO2");
        assertThat(e.toString()).contains("[Observation/obs-vo2]").endsWith("(matched by name: 'Peak VO2')");
    }

    @Test
    void aConditionNamedOnlyInItsTextCountsAndSaysSo() {
        Finding f = evaluate("condition diabetes now");
        assertThat(f.verdict()).isEqualTo(Verdict.MET);
        assertThat(f.evidence().get(0).matchedByName()).isEqualTo("Type 2 diabetes mellitus");
    }

    @Test
    void aNameInsideALongerTextIsNotAMatch() {
        // "SpO2" stands in the walk test's text, which is not an oxygen saturation of its own
        assertThat(evaluate("measure oxygen_saturation < 90 % within 12 months").verdict()).isEqualTo(Verdict.UNKNOWN);
    }
}
