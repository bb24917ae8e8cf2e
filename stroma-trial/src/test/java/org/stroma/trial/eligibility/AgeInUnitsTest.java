package org.stroma.trial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stroma.trial.PatientBuilder.patient;
import static org.stroma.trial.TrialFixtures.SCREENED;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Age;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.Compilation;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.eligibility.rule.RuleParser;
import org.stroma.trial.eligibility.rule.RuleSyntaxException;
import org.stroma.trial.patient.CompletedAge;
import org.stroma.trial.patient.PatientRecord;

/**
 * Ages in months, weeks and days, as infants' trials and the registry's age fields give them ("6 Months", "28
 * Days"): counted in completed units of their own, never turned into a fraction of a year that a child's age in whole
 * years could not reach.
 */
class AgeInUnitsTest {
    /** Eight months and a half before the screening date (1 June 2026): 8 months, 36 weeks, 258 days, 0 years. */
    private static final LocalDate BORN = LocalDate.of(2025, 9, 16);

    private static Verdict evaluate(String rule, PatientRecord patient) {
        PatientFacts facts = PatientFacts.of(patient, TrialFixtures.DICTIONARY);
        return new RuleEvaluator(TrialFixtures.DICTIONARY, SCREENED, facts, "X1", id -> Finding.unknown("none"))
                .evaluate(RuleParser.parse(rule)).verdict();
    }

    @Test
    void anAgeIsCountedInCompletedUnitsOfItsOwn() {
        assertThat(CompletedAge.between(BORN, SCREENED, TimeUnit.YEAR)).isZero();
        assertThat(CompletedAge.between(BORN, SCREENED, TimeUnit.MONTH)).isEqualTo(8);
        assertThat(CompletedAge.between(BORN, SCREENED, TimeUnit.WEEK)).isEqualTo(36);
        assertThat(CompletedAge.between(BORN, SCREENED, TimeUnit.DAY)).isEqualTo(258);
        // a month is complete on the same day of the month, or the next day when the month has no such day
        assertThat(CompletedAge.between(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), TimeUnit.MONTH)).isZero();
        assertThat(CompletedAge.between(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 1), TimeUnit.MONTH))
                .isEqualTo(1);
    }

    @Test
    void anInfantsAgeDecidesInTheCriterionsUnit() {
        PatientRecord infant = patient("baby").born(BORN).build();
        assertThat(evaluate("age 6..24 months", infant)).isEqualTo(Verdict.MET);
        assertThat(evaluate("age < 6 months", infant)).isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate("age <= 28 days", infant)).isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate("age 30..40 weeks", infant)).isEqualTo(Verdict.MET);
        assertThat(evaluate("age >= 1", infant)).as("one year, in years").isEqualTo(Verdict.NOT_MET);
        PatientRecord unknownBirth = patient("who").born(null).build();
        assertThat(evaluate("age 6..24 months", unknownBirth)).isEqualTo(Verdict.UNKNOWN);
        // a birth after the screening date is no newborn's age 0
        PatientRecord bornLater = patient("later").born(SCREENED.plusDays(3)).build();
        assertThat(evaluate("age <= 28 days", bornLater)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void theRuleLanguageWritesTheUnitAfterTheLimitsAndYearsAsBefore() {
        assertThat(RuleParser.parse("age 6..24 months").ruleText()).isEqualTo("age 6..24 months");
        assertThat(RuleParser.parse("age <= 28 day").ruleText()).isEqualTo("age <= 28 days");
        assertThat(RuleParser.parse("age 18..75").ruleText()).isEqualTo("age 18..75");
        assertThat(RuleParser.parse("age 18..75 years").ruleText()).isEqualTo("age 18..75");
        assertThatThrownBy(() -> RuleParser.parse("age 2..48 hours")).isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("days, weeks, months or years");
        assertThatThrownBy(() -> RuleParser.parse("age 2..48 fortnights")).isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("fortnights");
    }

    private static CompiledCriterion registryAge(Age minimum, Age maximum) {
        return registryAge(minimum, maximum, null);
    }

    private static CompiledCriterion registryAge(Age minimum, Age maximum, String criteria) {
        Eligibility eligibility = new Eligibility(criteria, null, null, null, null, minimum, maximum, List.of(), null,
                null, List.of(), List.of());
        return new CriteriaCompiler(TrialFixtures.DICTIONARY).compile(TrialFixtures.protocolWith(eligibility)).all()
                .stream().filter(c -> c.id().equals("R-AGE")).findFirst().orElseThrow();
    }

    @Test
    void theRegistrysAgeLimitsKeepTheirUnits() {
        PatientRecord infant = patient("baby").born(BORN).build();
        CompiledCriterion months = registryAge(new Age(6, TimeUnit.MONTH), new Age(17, TimeUnit.YEAR));
        assertThat(months.rule().ruleText()).isEqualTo("all(age >= 6 months, age <= 17)");
        // 6 months as 0.49 years would have turned this child, 0 years old, away
        assertThat(evaluate(months.rule().ruleText(), infant)).isEqualTo(Verdict.MET);
        assertThat(registryAge(new Age(2, TimeUnit.WEEK), new Age(12, TimeUnit.WEEK)).rule().ruleText())
                .isEqualTo("age 2..12 weeks");
        assertThat(registryAge(null, new Age(28, TimeUnit.DAY)).rule().ruleText()).isEqualTo("age <= 28 days");
        assertThat(registryAge(new Age(18, TimeUnit.YEAR), new Age(75, TimeUnit.YEAR)).rule().ruleText())
                .isEqualTo("age 18..75");
        CompiledCriterion hours = registryAge(new Age(24, TimeUnit.HOUR), null);
        assertThat(hours.rule().ruleText()).startsWith("attest \"Age 24 Hours or older");
        assertThat(hours.compilation()).isEqualTo(Compilation.NOT_COMPILED);
        // a limit in hours is asked, the other still decided
        CompiledCriterion newborns = registryAge(new Age(1, TimeUnit.HOUR), new Age(28, TimeUnit.DAY));
        assertThat(newborns.rule().ruleText()).isEqualTo("all(attest \"Age 1 Hour or older (registry's minimum age)\","
                + " age <= 28 days)");
        assertThat(newborns.compilation()).isEqualTo(Compilation.PARTLY_COMPUTED);
        // a preterm infants' trial gives the gestation they were born at: as an age since birth it would turn them all
        // away, so it is asked
        CompiledCriterion preterm = registryAge(new Age(28, TimeUnit.WEEK), new Age(37, TimeUnit.WEEK),
                "Inclusion Criteria: twenty-eight weeks to thirty-seven weeks prematures who need ventilation");
        assertThat(preterm.rule().ruleText()).startsWith("attest \"Age 28 Weeks to 37 Weeks (registry's age limits)")
                .contains("gestational age");
    }
}
