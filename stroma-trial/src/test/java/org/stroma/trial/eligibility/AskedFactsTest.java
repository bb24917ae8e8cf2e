package org.stroma.trial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.eligibility.AskedFact.Kind;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CompiledEligibility;

/** What MESAMI2's criteria ask of a patient, as the screening form asks it. */
class AskedFactsTest {
    private static final CompiledEligibility MESAMI2 = TrialFixtures.compiled(TrialFixtures.MESAMI2);

    @Test
    void everyFactTheRulesReadOnceWithTheCriteriaThatAskIt() {
        AskedFacts asked = AskedFacts.of(MESAMI2, TrialFixtures.DICTIONARY);
        assertThat(asked.age()).isTrue();
        AskedFact lvef = asked.fact("measurement-lvef");
        assertThat(lvef.unit()).isEqualTo("%");
        assertThat(lvef.label()).isEqualTo("left ventricular ejection fraction");
        assertThat(lvef.criteria()).containsExactly("I4", "E5");
        assertThat(asked.facts().stream().filter(f -> f.name().equals("lvef"))).hasSize(1);
        // every class of the scale is offered, not only the ones the rule names
        assertThat(asked.fact("class-ccs").classes()).containsExactly("I", "II", "III", "IV");
        // a duration needs the onset; a condition "now" does not
        assertThat(asked.fact("condition-ischemic_cardiomyopathy").dated()).isTrue();
        assertThat(asked.fact("condition-atrial_fibrillation").dated()).isFalse();
        assertThat(asked.fact("condition-myocardial_infarction").dated()).isTrue();
        // done within 3 months, and planned for the next 30 days: two questions
        assertThat(asked.fact("procedure-revascularization")).isNotNull();
        assertThat(asked.fact("planned-procedure-revascularization").criteria()).containsExactly("E4");
        // a drug the criterion names is asked by name unless one of its classes holds it
        assertThat(asked.fact("medication-immunosuppressant")).isNotNull();
        assertThat(asked.fact("drug-name-colchicine")).isNotNull();
        assertThat(asked.fact("drug-name-ciclosporin")).isNull();
        // an allergy the records hold is asked as a fact, not of the investigator
        assertThat(asked.fact("allergy-xylocain").criteria()).containsExactly("E27");
        assertThat(asked.questions()).extracting(CompiledCriterion::id).contains("I1", "I3", "E9")
                .doesNotContain("E27");
    }

    @Test
    void theFactsOfSomeCriteriaOnlyAlternativesAndNestedOnesIncluded() {
        AskedFacts asked = AskedFacts.of(MESAMI2, List.of("E13", "I6"), TrialFixtures.DICTIONARY);
        assertThat(asked.age()).isFalse();
        assertThat(asked.facts()).extracting(AskedFact::key).containsExactly("condition-renal_failure",
                "measurement-creatinine", "measurement-vo2max");
        assertThat(asked.facts()).extracting(AskedFact::kind).containsExactly(Kind.CONDITION, Kind.MEASUREMENT,
                Kind.MEASUREMENT);
        assertThat(asked.questions()).isEmpty();
    }
}
