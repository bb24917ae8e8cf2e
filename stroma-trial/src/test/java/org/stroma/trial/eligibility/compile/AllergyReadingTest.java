package org.stroma.trial.eligibility.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.TrialFixtures;

/**
 * An exclusion that is an allergy becomes an allergy rule (records hold allergies), with what it cannot place asked
 * beside it; anything that would change what the allergy means is asked whole; and a drug an allergy is to never
 * becomes a drug the patient takes.
 */
class AllergyReadingTest {
    private static final CriteriaCompiler COMPILER = new CriteriaCompiler(TrialFixtures.DICTIONARY);

    private static String rule(String kind, String text) {
        return COMPILER.compile(new Criterion("X1", kind.equals("I") ? CriterionKind.INCLUSION
                : CriterionKind.EXCLUSION, text, null, List.of())).rule().ruleText();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Known hypersensitivity to ACE inhibitors|allergy ace_inhibitor",
            "Patient allergic to a penicillin or a carbapenem|allergy penicillin,carbapenem",
            "Allergy against to penicillin or cephalosporins|allergy penicillin,cephalosporin",
            "Documented allergy to local anesthetic|allergy local_anaesthetic",
            "Patients allergic to lidocaine or other local anesthetics;|allergy local_anaesthetic named \"lidocaine\"",
            "1. Patient has an allergy to nickel.|allergy named \"nickel\"",
            "Penicillin allergy|allergy penicillin",
            "Anaphylactic reaction to neomycin|all(allergy named \"neomycin\", attest \"was it a anaphylactic"
                    + " reaction?\")",
            "Severe allergy to penicillin|all(allergy penicillin, attest \"was it a severe reaction?\")",
            "Known allergy to sulfa|allergy sulfonamide",
            "Hypersensitivity to bisoprolol or to any of the excipients.|any(allergy named \"bisoprolol\", attest"
                    + " \"allergy or intolerance to any of the excipients?\")",
            "Known hypersensitivity or contraindication to heparin|any(allergy heparin, attest \"contraindication to"
                    + " heparin?\")"})
    void anAllergyIsReadAsOne(String text, String expected) {
        assertThat(rule("E", text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            // a negation, a doubt, a list that must all hold, a qualifier after the list
            "E|No known allergy to penicillin",
            "E|Known or suspected hypersensitivity to methylphenidate",
            "E|Known hypersensitivity to both heparin and bivalirudin",
            "E|A known contraindication or hypersensitivity to all anticoagulation regimens",
            "E|Intolerance or allergy to ASA, clopidogrel or ticlopidine precluding treatment for 12 months",
            "E|Patients with allergies to narcotics or local anesthetic; or anticoagulant use (e.g. warfarin)",
            // an intolerance named before its word is a condition, not an allergy
            "E|Lactose intolerance",
            "E|Patients with heat intolerance",
            "E|Polyvalent allergy",
            "E|Intolerance to heat",
            // the drug an allergy is to is no drug the patient takes
            "E|Known renal failure or allergy to acetazolamide and other sulfonamides",
            "E|History of drug sensitivity or allergic reaction to alpha-blockers or beta-blockers",
            // an inclusion is not read as an allergy
            "I|Allergy to penicillin"})
    void whatWouldChangeItsMeaningIsAsked(String kind, String text) {
        assertThat(rule(kind, text).replaceAll("\"[^\"]*\"", "")).doesNotContain("allergy ", "medication ");
    }
}
