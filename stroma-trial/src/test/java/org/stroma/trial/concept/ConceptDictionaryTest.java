package org.stroma.trial.concept;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.stroma.trial.patient.Code;

class ConceptDictionaryTest {
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();

    /** The definition the lookups must agree with: the concepts matched, and every concept above one of them. */
    private static Set<Concept> byDefinition(List<Code> codes, String text) {
        Set<Concept> all = new LinkedHashSet<>();
        for (Concept c : DICTIONARY.all()) {
            for (Concept member : DICTIONARY.all()) {
                if (DICTIONARY.isA(member, c.id()) && member.matches(codes, text)) {
                    all.add(c);
                }
            }
        }
        return all;
    }

    @Provide
    Arbitrary<List<Code>> recordCodes() {
        List<Code> known = new ArrayList<>();
        for (Concept c : DICTIONARY.all()) {
            for (Concept.DictionaryCode d : c.codes()) {
                known.add(new Code(d.system(), d.code(), null));
            }
        }
        Arbitrary<Code> fromDictionary = Arbitraries.of(known);
        // codes under a dictionary code (ICD-10 I21.4 under I21), near misses, and other spellings of the systems
        Arbitrary<Code> extended = Combinators.combine(fromDictionary, Arbitraries.strings().withChars("0123456789.")
                .ofMaxLength(3)).as((c, tail) -> new Code(c.system(), c.code() + tail, null));
        Arbitrary<Code> respelled = fromDictionary.map(c -> new Code(c.system().replace("http://hl7.org/fhir/sid/icd-10",
                "http://hl7.org/fhir/sid/icd-10-cm").replace("http://", "https://"), c.code(), null));
        Arbitrary<Code> truncated = fromDictionary.filter(c -> c.code().length() > 1)
                .map(c -> new Code(c.system(), c.code().substring(0, c.code().length() - 1), null));
        return Arbitraries.oneOf(fromDictionary, extended, respelled, truncated).list().ofMaxSize(4);
    }

    @Property(tries = 500)
    void lookupsFindWhatTheDefinitionFinds(@ForAll("recordCodes") List<Code> codes,
            @ForAll("drugTexts") String text) {
        assertThat(DICTIONARY.recognising(codes, text)).containsExactlyInAnyOrderElementsOf(byDefinition(codes, text));
    }

    @Provide
    Arbitrary<String> drugTexts() {
        return Arbitraries.of("Metformin 500 MG Oral Tablet", "predniSONE 5 MG", "Interferon beta-1a 30 MCG",
                "Acetaminophen 325 MG", "", "natalizumab 300 mg and warfarin");
    }

    @Test
    void aSubtypeIsAnInstanceOfItsDisease() {
        Set<Concept> rrms = DICTIONARY.recognising(List.of(new Code(Code.SNOMED, "426373005", null)), null);
        assertThat(rrms).extracting(Concept::id).containsExactlyInAnyOrder("rrms", "ms");
        Set<Concept> nstemi = DICTIONARY.recognising(List.of(new Code("http://hl7.org/fhir/sid/icd-10-cm", "I21.4",
                null)), null);
        assertThat(nstemi).extracting(Concept::id).contains("myocardial_infarction", "ischemic_heart_disease");
    }

    @Test
    void drugsAreFoundByIngredientNameInTheirText() {
        assertThat(DICTIONARY.recognising(List.of(), "24 HR Metformin hydrochloride 500 MG")).extracting(Concept::id)
                .containsExactly("antidiabetic");
        assertThat(DICTIONARY.recognising(List.of(), "Metformin")).isNotEmpty();
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.LOINC, "10230-1", null)), "Metformin"))
                .extracting(Concept::id).contains("lvef");
    }

    @Test
    void criteriaTextNamesConceptsLongestFirst() {
        List<Mention> mentions = DICTIONARY.mentions("Acute coronary syndrome or myocardial infarction; RRMS");
        assertThat(mentions).extracting(m -> m.concept().id())
                .containsExactly("acute_coronary_syndrome", "myocardial_infarction", "rrms");
    }
}
