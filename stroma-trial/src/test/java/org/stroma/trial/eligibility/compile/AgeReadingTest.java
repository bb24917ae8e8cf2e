package org.stroma.trial.eligibility.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.TrialFixtures;

/**
 * Ages as criteria write them beside other words, in months, weeks or days, and with a list's punctuation: each limit
 * in its own unit, the rest read on its own or asked — and never a unit, a bound or another person's age guessed.
 */
class AgeReadingTest {
    private static final CriteriaCompiler COMPILER = new CriteriaCompiler(TrialFixtures.DICTIONARY);

    private static String rule(String kind, String text) {
        CriterionKind k = kind.equals("I") ? CriterionKind.INCLUSION : CriterionKind.EXCLUSION;
        return COMPILER.compile(new Criterion("X1", k, text, null, List.of())).rule().ruleText();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            // an infant's age in its own unit, or each limit in its own
            "I|Infants aged 6 to 24 months|age 6..24 months",
            "I|Age 6-24 months|age 6..24 months",
            "I|aged 3 months to 17 years|all(age >= 3 months, age <= 17)",
            "I|Postnatal age ≤ 28 days|age <= 28 days",
            "I|Age > 12 months|age > 12 months",
            "I|Age from birth to 21 years|age 0..21",
            "I|Aged 5 years to less than 12 years at Visit 1.|age >=5..<12",
            // a list's punctuation after the age, and words that add nothing to it
            "I|Men and women patients, with age ranging 40-80.|age 40..80",
            "I|Age: 60-85 years, right-handed;|all(age 60..85, attest \"right-handed\")",
            "E|Age of <18y or >75y|any(age < 18, age > 75)",
            // an age among other clauses
            "I|Sexually active males, 40 - 64 years of age (inclusive) at time of screening|"
                    + "all(age 40..64, attest \"Sexually active males\")",
            "I|Male or female patients; older than 18 years old; ambulatory|all(age > 18, attest \"ambulatory\")",
            // an alternative to the age is the investigator's
            "I|Aged 18 years or older, or an emancipated minor|any(age >= 18, attest \"an emancipated minor\")"})
    void readsTheAgeInItsUnit(String kind, String text, String expected) {
        assertThat(rule(kind, text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // no birth date gives an age in hours, a gestational or a corrected age
            "Postnatal age 2 to 48 hours",
            "Gestational age 27 to 36 weeks",
            "Corrected age of 6 to 12 months",
            // a time that is no age, and another person's age
            "Symptoms for 6 to 24 months",
            "Household contact under the age of 12 months",
            "Mothers of infants aged 6 to 24 months",
            "Mothers with infants aged < 6 months",
            "Women with an infant aged < 6 months",
            "Parents, children aged 2-17 years",
            // a lost sign
            "Age = 18 months"})
    void anAgeNoBirthDateGivesOrNoAgeAtAllIsNotReadAsOne(String text) {
        // outside the questions' quoted words ("gestational_age" is a measurement)
        assertThat(rule("I", text).replaceAll("\"[^\"]*\"", "")).doesNotContainPattern("(?:^|[(, ])age [<>=\\d]");
    }
}
