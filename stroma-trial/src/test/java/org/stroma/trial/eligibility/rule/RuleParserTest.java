package org.stroma.trial.eligibility.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.stroma.protocol.Offset;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.measure.EgfrEquation;
import org.stroma.trial.patient.AdministrativeSex;

class RuleParserTest {

    static Stream<Arguments> compiledSeedRules() {
        return TrialFixtures.SEEDS.stream().flatMap(seed -> TrialFixtures.compiled(seed).all().stream()
                .map(c -> Arguments.of(seed + " " + c.id(), c)));
    }

    /** Every rule the compiler makes reads back, through its rule text, as the same rule. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("compiledSeedRules")
    void everyCompiledRuleSurvivesItsRuleText(String name, CompiledCriterion criterion) {
        Rule rule = criterion.rule();
        assertThat(RuleParser.parse(rule.ruleText())).isEqualTo(rule);
    }

    @Test
    void readsEachKindOfRule() {
        assertThat(RuleParser.parse("measure lvef <= 45 % within 12 months")).isEqualTo(new MeasurementRule("lvef",
                Interval.atMost(45), "%", false, Window.past(12, TimeUnit.MONTH), null));
        assertThat(RuleParser.parse("measure ast > 3 x uln within 12 months")).isEqualTo(new MeasurementRule("ast",
                Interval.above(3), null, true, Window.past(12, TimeUnit.MONTH), null));
        assertThat(RuleParser.parse("measure egfr < 30 mL/min/1.73m2 by MDRD within 12 months")).isEqualTo(
                new MeasurementRule("egfr", Interval.below(30), "mL/min/1.73m2", false, Window.past(12, TimeUnit.MONTH),
                        EgfrEquation.MDRD));
        assertThat(RuleParser.parse("class nyha in II,III,IV within 12 months")).isEqualTo(
                new ClassRule("nyha", List.of("II", "III", "IV"), Window.past(12, TimeUnit.MONTH)));
        assertThat(RuleParser.parse("count ms_relapse >= 2 within 24 months")).isEqualTo(
                new EventCountRule("ms_relapse", 2, Window.past(24, TimeUnit.MONTH)));
        assertThat(RuleParser.parse("procedure revascularization next 30 days")).isEqualTo(
                new ProcedureRule("revascularization", Window.next(30, TimeUnit.DAY)));
        assertThat(RuleParser.parse("medication immunosuppressant named \"colchicine\",\"hydrea\" now")).isEqualTo(
                new MedicationRule(List.of("immunosuppressant"), List.of("colchicine", "hydrea"), Window.now()));
        assertThat(RuleParser.parse("allergy penicillin,cephalosporin named \"latex\"")).isEqualTo(
                new AllergyRule(List.of("penicillin", "cephalosporin"), List.of("latex")));
        assertThat(RuleParser.parse("allergy named \"nickel\"").ruleText()).isEqualTo("allergy named \"nickel\"");
        assertThat(RuleParser.parse("exposure interferon_beta,glatiramer >= 1 year")).isEqualTo(
                new ExposureRule(List.of("interferon_beta", "glatiramer"), new Offset(1, TimeUnit.YEAR)));
        assertThat(RuleParser.parse("duration ms 2..10 years")).isEqualTo(
                new DurationRule("ms", Interval.between(2, 10), TimeUnit.YEAR));
        assertThat(RuleParser.parse("sex female")).isEqualTo(new SexRule(EnumSet.of(AdministrativeSex.FEMALE)));
        assertThat(RuleParser.parse("age >18..<=75")).isEqualTo(new AgeRule(new Interval(18.0, false, 75.0, true)));
        assertThat(RuleParser.parse("increase edss within 12 months: 1 if <= 5; 0.5 if >= 5.5")).isEqualTo(
                new IncreaseRule("edss", List.of(new IncreaseRule.Step(1, Interval.atMost(5)),
                        new IncreaseRule.Step(0.5, Interval.atLeast(5.5))), Window.past(12, TimeUnit.MONTH)));
    }

    @Test
    void composesWithAllAnyAndNot() {
        Rule rule = RuleParser.parse("all(condition rrms now, not(ref I4), any(age < 18, attest \"a, b (c)?\"))");
        assertThat(rule).isEqualTo(new AllOf(List.of(new ConditionRule("rrms", Window.now()),
                new Not(new CriterionRef("I4")), new AnyOf(List.of(new AgeRule(Interval.below(18)),
                        new Attestation("a, b (c)?"))))));
    }

    @Test
    void describesRulesInWords() {
        assertThat(RuleParser.parse("measure lvef <= 45 % within 12 months").describe()).contains("≤ 45 %")
                .contains("12 months");
        assertThat(RuleParser.parse("not(condition stroke within 2 years)").describe()).startsWith("not")
                .contains("stroke");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "measure lvef <= 45 %| ends with its window",
            "measure lvef about 45 % within 12 months| does not start with a bound",
            "mesure lvef <= 45 % now| unknown rule 'mesure'",
            "all(age < 18, sex female| ')' is missing",
            "not(age < 18, sex female)| not(…) takes one rule, not 2",
            "condition stroke within 2 fortnights| 'fortnights' is not a time unit",
            "attest candidate?| question in double quotes",
            "sex robot| 'robot' is not a sex",
            "measure egfr < 30 mL/min/1.73m2 by COCKCROFT within 12 months| 'COCKCROFT' is not an eGFR equation",
            "condition stroke lately| 'lately' is not a window",
            "allergy penicillin within 5 years| an allergy rule has no window",
            "allergy| names a drug class or a substance"})
    void mistakesSayWhatIsWrong(String rule, String message) {
        assertThatThrownBy(() -> RuleParser.parse(rule)).isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining(message).hasMessageContaining("at character");
    }

    @Test
    void anEmptyRuleIsAMistake() {
        assertThatThrownBy(() -> RuleParser.parse("  ")).isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("empty");
    }
}
