package org.stroma.trial.eligibility.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.TrialFixtures;

/**
 * A criterion's negation is read with its scope: what it denies, and how far along a list it reaches. Each phrasing
 * below was compiled with the wrong polarity before ("negative serum pregnancy test" required a pregnancy, so a trial
 * refused every patient who was not pregnant); when the compiler cannot tell what a negation denies, it asks.
 */
class NegationTest {
    private static final CriteriaCompiler COMPILER = new CriteriaCompiler(TrialFixtures.DICTIONARY);

    private static String rule(String kind, String text) {
        return COMPILER.compile(new Criterion("X1", kind.equals("I") ? CriterionKind.INCLUSION
                : CriterionKind.EXCLUSION, text, null, List.of())).rule().ruleText();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "I|Negative for HBsAg and for antibodies to HCV, HIV-1|all(not(condition hepatitis_b now), not(condition hepatitis_c now), not(condition hiv now))",
            "I|Serology negative for HIV, hepatitis B and hepatitis C|all(not(condition hiv now), not(condition hepatitis_b now), not(condition hepatitis_c now))",
            "I|Not diagnosed with Type 2 diabetes|not(condition diabetes_type2 now)",
            "I|Patient does not have diabetes|not(condition diabetes now)",
            "I|Negative serum pregnancy test|not(condition pregnancy now)",
            "I|HIV negative|not(condition hiv now)",
            "I|Women must not be lactating|not(condition breastfeeding now)",
            "I|Patients who have not received systemic corticosteroids in the last 3 months|not(medication corticosteroid within 3 months)",
            // the dictionary's corticosteroids are systemic ones: an intra-articular injection is the investigator's to say
            "I|Patients who have not received intra-articular corticosteroids in the last 3 months|attest \"Patients who have not received intra-articular corticosteroids in the last 3 months\"",
            "I|No history of myocardial infarction|not(condition myocardial_infarction ever)",
            "I|Absence of atrial fibrillation|not(condition atrial_fibrillation now)",
            "I|No stroke or myocardial infarction|all(not(condition stroke ever), not(condition myocardial_infarction ever))",
            "I|No history of death, myocardial infarction, stroke, or revascularization|all(attest \"No history of death\", not(condition myocardial_infarction ever), not(condition stroke ever), not(procedure revascularization ever))",
            // a narrower name than the concept is asked, and asked whole when denied: never required present
            "E|Patients not suffering from endometrial or epithelial ovarian cancer|any(attest \"Patients not suffering"
                    + " from endometrial\", attest \"epithelial ovarian cancer\")",
            "I|Female subjects should refrain from breastfeeding|not(condition breastfeeding now)",
            "I|Women who do not become pregnant|not(condition pregnancy now)"})
    void aNegationDeniesWhatItNamesAlongItsList(String kind, String text, String expected) {
        assertThat(rule(kind, text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Free of malignancy for at least 5 years",
            "HIV infection not excluded",
            "Hepatitis B not detected",
            "Patients not responding to corticosteroids",
            "Hepatitis B infection is not an exclusion criterion",
            "Naive to HCV treatment",
            // a cue between two of the clause's concepts denies some of them, and which the compiler cannot tell: these
            // had required the retinopathy, the beta blocker and the NSAID present
            "Type 2 diabetes without proliferative retinopathy",
            "Hypertension not treated with beta blockers",
            "LVEF >= 40%. No NSAID use within 4 weeks.",
            "Have a ventilation-perfusion scan that rules out thromboembolic disease"})
    void aNegationTheCompilerCannotPlaceIsAskedNotGuessed(String text) {
        assertThat(rule("I", text)).startsWith("attest \"");
    }

    @Test
    void aNegationThatQualifiesTheConceptLeavesItsPolarity() {
        // the patient has RRMS; what is denied is the response to treatment, checked by the nested criteria
        assertThat(rule("I", "Relapsing remitting MS (RRMS) not responding to at least a year of attempted therapy"
                + " with one or more of the approved therapies (beta-interferon, glatiramer acetate, natalizumab,"
                + " mitoxantrone, fingolimod)")).startsWith("all(condition rrms now");
        // the low count excludes; "another explanation" is the investigator's, not the count's polarity
        assertThat(rule("E", "Platelets < 100,000/uL without another explanation")).contains(
                "measure platelets < 100000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "No more than 2 relapses in the last year|not(count ms_relapse >= 3",
            "Fewer than 3 relapses|not(count ms_relapse >= 3",
            "More than 1 relapse|count ms_relapse >= 2",
            "At least 2 relapses|count ms_relapse >= 2"})
    void atMostNEventsIsNotAtLeastNPlusOne(String text, String expected) {
        assertThat(rule("I", text)).startsWith(expected);
    }

    @Test
    void theItemsAfterAnExceptionAreNotRequired() {
        assertThat(rule("E", "Drug-related toxicity (except alopecia, hot flashes, neuropathy)")).doesNotContain(
                "condition neuropathy").contains("except alopecia, hot flashes, neuropathy");
    }

    @Test
    void aConceptNamedAsAnExceptionIsNeitherRequiredNorDenied() {
        assertThat(rule("E", "Any psychiatric disorder (other than major depression) or substance abuse")).isEqualTo(
                "all(any(condition psychiatric_disorder now, condition substance_abuse now), attest \"not an exception: other"
                        + " than major depression\")");
        // drugs excepted from drugs narrow the class: a patient on an antipsychotic and an SSRI is still excluded, so a
        // record of the SSRI cannot decide it, and the exception is asked (audit 29)
        assertThat(rule("E", "Treatment with psychotropic drugs, with the exception of SSRIs and benzodiazepines"))
                .isEqualTo("all(medication psychotropic now, attest \"not an exception: SSRIs, benzodiazepines\")");
        assertThat(rule("E", "Use of antidepressants in the last 4 weeks. Occasional use of benzodiazepines is"
                + " allowable")).contains("medication antidepressant").doesNotContain("medication benzodiazepine");
    }

    @Test
    void anExceptionInParenthesesIsKeptAsAQuestionNotDropped() {
        assertThat(rule("E", "History of malignancy within the past 5 years (other than squamous or basal cell skin"
                + " cancer)")).isEqualTo("all(condition malignancy within 5 years, attest \"not an exception: other"
                + " than squamous or basal cell skin cancer\")");
    }

    @Test
    void anItemAfterANegationTheCompilerCannotPlaceIsAsked() {
        assertThat(rule("E", "Kidney disease not caused by diabetes or hypertension")).doesNotContain("condition");
        // "gram-negative" is no negation
        assertThat(rule("I", "History of gram-negative infection or sepsis")).contains("condition sepsis")
                .doesNotContain("not(");
    }

    @Test
    void whatOnlyFramesTheCriterionIsNoRule() {
        // the trial's own disease, named as what another condition would hide, is not excluded
        assertThat(rule("E", "Other skin diseases that may interfere with examination of psoriasis lesions"))
                .doesNotContain("condition psoriasis");
        assertThat(rule("E", "Awaiting cardiac transplantation")).doesNotContain("heart_transplant");
        // a reaction to a drug is not the drug taken
        assertThat(rule("E", "History of adverse reactions or intolerance to enalapril or other ACE inhibitors"))
                .doesNotContain("medication");
    }

    @Test
    void aNegatedListAnnouncedByAColonGoesOnPastItsSemicolons() {
        // the negation reaches the neuroleptics past the semicolon; "two weeks for other SSRIs" is a time no window
        // says ("not now" would let in a patient who stopped a week ago), and is asked
        assertThat(rule("I", "Free of psychoactive medication for at least: one month for fluoxetine; two weeks for"
                + " other SSRIs and neuroleptics")).contains("not(medication antipsychotic", "attest \"2 weeks for other SSRIs\"")
                .doesNotContain(", medication ssri", ", medication antipsychotic");
    }
}
