package org.stroma.trial.eligibility.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.TrialFixtures;

/**
 * A time in a criterion keeps its direction and its unit: hours stay hours, "planned within" looks ahead, and "at least
 * 6 months before" is a least time since — read as "within 6 months" it took in the very patients it leaves out.
 */
class TimeWindowsTest {
    private static final CriteriaCompiler COMPILER = new CriteriaCompiler(TrialFixtures.DICTIONARY);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Myocardial infarction within 48 hours|condition myocardial_infarction within 48 hours",
            // "in past year", without "the" (audit 27)
            "Suicidal ideation in past year|condition suicidal_ideation within 1 year",
            // "previous or current" is at any time, not "current" alone; a history after a semicolon is said of its
            // list (audit 32)
            "Previous or current radiation therapy|procedure radiotherapy ever",
            "eGFR < 60; past or present history of acute renal failure, stroke, diabetes mellitus|any(measure egfr < 60"
                    + " mL/min/1.73m2 within 12 months, condition acute_kidney_injury ever, condition stroke ever, condition"
                    + " diabetes ever)",
            "Stroke within 72 hours prior to randomization|condition stroke within 72 hours",
            "Revascularization planned within 6 months|procedure revascularization next 6 months",
            "PCI planned in the next 3 months|procedure pci next 3 months",
            "Cardiac surgery within the next 12 months|procedure cardiac_surgery next 12 months",
            "Heart failure diagnosed at least 6 months before screening|all(condition heart_failure now, duration"
                    + " heart_failure >= 6 months)",
            "Heart failure for 6 months or more|all(condition heart_failure now, duration heart_failure >= 6 months)",
            "PCI more than 6 months ago|attest \"PCI > 6 months ago\"",
            "On hemodialysis for less than 3 months|attest \"On hemodialysis for < 3 months\"",
            "Proton pump inhibitors in the previous month|medication proton_pump_inhibitor within 1 month",
            "Dialysis within the 6 previous months|procedure dialysis within 6 months",
            "Acute myocardial infarction|condition myocardial_infarction now",
            "Myocardial infarction|condition myocardial_infarction ever",
            // "recent" says no time: records tell whether there was one, the investigator whether it is recent enough
            "Recent myocardial infarction|all(condition myocardial_infarction ever, attest \"is it recent, as the"
                    + " criterion means: recent myocardial infarction?\")",
            "Recent myocardial infarction (within 3 months)|condition myocardial_infarction within 3 months",
            "Myocardial infarction, heart failure, life expectancy < 6 months|any(condition myocardial_infarction ever,"
                    + " condition heart_failure now, attest \"life expectancy < 6 months\")",
            "Treatment with corticosteroids for at least 3 months prior to screening|exposure corticosteroid >= 3 months",
            // "aged < 50 years" is an age, not "within 50 years"
            "Stroke in patients aged <50 years|all(age < 50, condition stroke ever)",
            "Pregnant women aged < 18 years|all(age < 18, condition pregnancy now)",
            // "< 12 years of education" is an amount, not "within 12 years": the score is the last 12 months', and the
            // education the criterion names is asked with it
            "MCI (MoCA >18<26 -inclusive of 1 point if <12 years of education|all(measure moca >18..<26 {score} within"
                    + " 12 months, attest \"MCI (MoCA >18<26 -inclusive of 1 point if <12 years of education\")",
            // a time the rule reads in another unit is no time it read: "over 2 weeks" is asked beside "2 years"
            "Systemic steroid use over 2 weeks within the last 2 years|all(medication corticosteroid within 2 years,"
                    + " attest \"Systemic steroid use > 2 weeks within the last 2 years\")"})
    void aTimeKeepsItsDirectionAndUnit(String text, String expected) {
        assertThat(COMPILER.compile(new Criterion("X1", CriterionKind.EXCLUSION, text, null, List.of())).rule()
                .ruleText()).isEqualTo(expected);
    }
}
