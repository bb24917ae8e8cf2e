package org.stroma.trial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.trial.PatientBuilder.patient;
import static org.stroma.trial.TrialFixtures.SCREENED;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.PatientBuilder;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.eligibility.rule.RuleParser;

/**
 * The tobacco smoking status (LOINC 72166-2): criteria name its classes by their words, and a record's coded status
 * (SNOMED CT or LOINC answers, as Synthea and EHRs write them) decides — a code the dictionary places in no class is
 * unknown, never another class.
 */
class SmokingStatusTest {
    private static final LocalDate LAST_MONTH = SCREENED.minusMonths(1);

    private static String rule(String kind, String text) {
        CriterionKind k = kind.equals("I") ? CriterionKind.INCLUSION : CriterionKind.EXCLUSION;
        return new CriteriaCompiler(TrialFixtures.DICTIONARY).compile(new Criterion("X1", k, text, null, List.of()))
                .rule().ruleText();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "E|Current smoker;|class smoking_status in CURRENT within 12 months",
            "E|Cigarette smoking|class smoking_status in CURRENT within 12 months",
            "I|Non-smoker|not(class smoking_status in CURRENT within 12 months)",
            "I|Never smokers|class smoking_status in NEVER within 12 months",
            "I|Ex-smoker|class smoking_status in FORMER within 12 months",
            "I|current or former smoker|class smoking_status in CURRENT,FORMER within 12 months",
            "I|Current or ex-smokers|class smoking_status in CURRENT,FORMER within 12 months"})
    void aStatusIsReadFromTheWordsThatNameIt(String kind, String text, String expected) {
        assertThat(rule(kind, text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // another time, more said of the status, a heading: asked, never read as today's status
            "History of smoking",
            "Patients who were smokers",
            "smoking within 6 months",
            "Heavy tobacco smokers",
            "Tobacco use: a current or prior history of smoking"})
    void aStatusSaidOfAnotherTimeOrWithMoreIsAsked(String text) {
        assertThat(rule("E", text)).contains("attest \"").doesNotContain("class smoking_status");
    }

    /** Words that name a class are words the dictionary finds: every concept's value terms are among its terms. */
    @Test
    void everyValueTermIsFoundAsATerm() {
        for (Concept c : TrialFixtures.DICTIONARY.all()) {
            for (String valueTerm : c.valueTerms().values()) {
                assertThat(c.terms()).as(c.id()).anyMatch(term -> term.contains(valueTerm));
            }
        }
    }

    private static Verdict evaluate(String rule, PatientBuilder p) {
        PatientFacts facts = PatientFacts.of(p.build(), TrialFixtures.DICTIONARY);
        return new RuleEvaluator(TrialFixtures.DICTIONARY, SCREENED, facts, "X1", id -> Finding.unknown("none"))
                .evaluate(RuleParser.parse(rule)).verdict();
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiter = '|', value = {
            "449868002|CURRENT|MET", "449868002|FORMER,NEVER|NOT_MET",
            "8517006|FORMER,NEVER|MET", "266919005|NEVER|MET", "266919005|CURRENT,FORMER|NOT_MET",
            "LA18977-1|CURRENT|MET", "LA15920-4|FORMER|MET",
            // "smoker, current status unknown" and "unknown if ever smoked" say no class
            "77176002|CURRENT|UNKNOWN", "266927001|NEVER|UNKNOWN"})
    void theRecordsCodedStatusDecides(String code, String classes, Verdict expected) {
        assertThat(evaluate("class smoking_status in " + classes + " within 12 months",
                patient("p").assessed("smoking_status", code, LAST_MONTH))).isEqualTo(expected);
    }
}
