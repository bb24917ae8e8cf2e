package org.stroma.trial.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.stroma.trial.patient.Code;

class ConceptDictionaryTest {
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();
    /** Fixed, so that every run checks the same records; a failing one is shrunk towards fewer codes. */
    private static final long SEED = 0xC0DE5L;

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

    /** Up to four codes of a record: the dictionary's own, and variants of them. */
    private static Gen<List<Code>> recordCodes() {
        List<Code> known = new ArrayList<>();
        for (Concept c : DICTIONARY.all()) {
            for (Concept.DictionaryCode d : c.codes()) {
                known.add(new Code(d.system(), d.code(), null));
            }
        }
        Gen<Code> fromDictionary = Generate.pick(known);
        // codes under a dictionary code (ICD-10 I21.4 under I21), near misses, and other spellings of the systems
        Gen<String> tails = lists().of(Generate.pick(List.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.')))
                .ofSizeBetween(0, 3).map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
        Gen<Code> extended = fromDictionary.zip(tails, (c, tail) -> new Code(c.system(), c.code() + tail, null));
        Gen<Code> respelled = fromDictionary.map(c -> new Code(c.system().replace("http://hl7.org/fhir/sid/icd-10",
                "http://hl7.org/fhir/sid/icd-10-cm").replace("http://", "https://"), c.code(), null));
        // picked among the codes long enough to lose a character, rather than filtered, so no draw is wasted
        Gen<Code> truncated = Generate.pick(known.stream().filter(c -> c.code().length() > 1).toList())
                .map(c -> new Code(c.system(), c.code().substring(0, c.code().length() - 1), null));
        return lists().of(Generate.oneOf(fromDictionary, extended, respelled, truncated)).ofSizeBetween(0, 4);
    }

    private static Gen<String> drugTexts() {
        return Generate.pick(List.of("Metformin 500 MG Oral Tablet", "predniSONE 5 MG", "Interferon beta-1a 30 MCG",
                "Acetaminophen 325 MG", "", "natalizumab 300 mg and warfarin"));
    }

    @Test
    void lookupsFindWhatTheDefinitionFinds() {
        // a draw that repeats an earlier case is skipped, so a few more draws than the 500 cases wanted
        qt().withFixedSeed(SEED).withExamples(530).forAll(recordCodes(), drugTexts()).checkAssert((codes, text) ->
                assertThat(DICTIONARY.recognising(codes, text))
                        .containsExactlyInAnyOrderElementsOf(byDefinition(codes, text)));
    }

    @Test
    void aSubtypeIsAnInstanceOfItsDisease() {
        Set<Concept> rrms = DICTIONARY.recognising(List.of(new Code(Code.SNOMED, "426373005", null)), null);
        assertThat(rrms).extracting(Concept::id).containsExactlyInAnyOrder("rrms", "ms", "neurological_disease");
        Set<Concept> nstemi = DICTIONARY.recognising(List.of(new Code("http://hl7.org/fhir/sid/icd-10-cm", "I21.4",
                null)), null);
        assertThat(nstemi).extracting(Concept::id).contains("myocardial_infarction", "ischemic_heart_disease");
    }

    @Test
    void aConceptWhoseCodesLieInAnothersRangesIsOneOfItWhateverCodeTheRecordHas() {
        // heart failure coded in SNOMED CT only, as Synthea codes it, is a heart disease and a cardiovascular disease,
        // as its ICD-10 code I50 already made it: concepts are placed by their codes, not only by their parents
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.SNOMED, "88805009", null)), null))
                .extracting(Concept::id).contains("heart_failure", "heart_disease", "cardiovascular_disease");
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.SNOMED, "230690007", null)), null))
                .extracting(Concept::id).contains("stroke", "cardiovascular_disease");
        // relapsing-remitting MS, through its parent's G35, is a neurological disease (G00-G99)
        assertThat(DICTIONARY.isA(DICTIONARY.get("rrms"), "neurological_disease")).isTrue();
        // hypertension (I10-I15) lies in none of the ranges of cardiovascular disease as the WHO counts it; HIV, which
        // takes in the asymptomatic infection's Z21, is an infection since `infection` holds Z21 too (audit 21)
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.SNOMED, "38341003", null)), null))
                .extracting(Concept::id).containsExactly("hypertension");
        assertThat(DICTIONARY.isA(DICTIONARY.get("hiv"), "infection")).isTrue();
        // only a broad class's ranges place what they take in: type 2 diabetes (E11) takes in the retinopathy ICD-10
        // codes with it (E11.35), yet a retinopathy coded in SNOMED CT may be a type 1 patient's; and a broader record
        // leaves unknown only the forms the dictionary names as such
        List<Code> diabetes = List.of(new Code(Code.ICD10, "E11", null));
        assertThat(DICTIONARY.isA(DICTIONARY.get("proliferative_retinopathy"), "diabetes_type2")).isFalse();
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.SNOMED, "11687002", null)), null))
                .extracting(Concept::id).containsExactly("gestational_diabetes");
        assertThat(DICTIONARY.narrowerThan(diabetes, DICTIONARY.recognising(diabetes, null)))
                .extracting(Concept::id).doesNotContain("proliferative_retinopathy");
    }

    @Test
    void alzheimersDiseaseIsADementiaAndTheCarriersAndUnspecifiedHepatitisOfIcd10CmAreHepatitis() {
        // audit 20: "dementia" had not taken in Alzheimer's disease (G30, SNOMED CT 26929004), nor hepatitis B and C
        // the ICD-10-CM codes as unspecified (B19.1x, B19.2x) or as a carrier's (Z22.51, Z22.52)
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.SNOMED, "26929004", null)), null))
                .extracting(Concept::id).contains("alzheimer_disease", "dementia");
        assertThat(DICTIONARY.recognising(List.of(new Code("http://hl7.org/fhir/sid/icd-10-cm", "B19.20", null)), null))
                .extracting(Concept::id).contains("hepatitis_c", "viral_hepatitis", "infection");
        assertThat(DICTIONARY.recognising(List.of(new Code("http://hl7.org/fhir/sid/icd-10-cm", "Z22.51", null)), null))
                .extracting(Concept::id).contains("hepatitis_b", "infection");
        // a record of dementia as such leaves Alzheimer's disease unknown rather than absent
        List<Code> dementia = List.of(new Code(Code.SNOMED, "52448006", null));
        assertThat(DICTIONARY.narrowerThan(dementia, DICTIONARY.recognising(dementia, null))).extracting(Concept::id)
                .contains("alzheimer_disease");
    }

    @Test
    void drugsAreFoundByIngredientNameInTheirText() {
        assertThat(DICTIONARY.recognising(List.of(), "24 HR Metformin hydrochloride 500 MG")).extracting(Concept::id)
                .containsExactlyInAnyOrder("metformin", "antidiabetic");
        assertThat(DICTIONARY.recognising(List.of(), "Metformin")).isNotEmpty();
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.LOINC, "10230-1", null)), "Metformin"))
                .extracting(Concept::id).contains("lvef");
    }

    @Test
    void aClassForSystemicUseIsNotNamedByAnIngredientInAFormThatActsWhereItIsPut() {
        assertThat(ids(DICTIONARY.recognising(List.of(), "prednisone 5 MG Oral Tablet"))).contains("corticosteroid");
        assertThat(ids(DICTIONARY.recognising(List.of(), "triamcinolone acetonide 40 MG/ML Injectable Suspension")))
                .contains("corticosteroid");
        assertThat(ids(DICTIONARY.recognising(List.of(), "hydrocortisone 10 MG/ML Topical Cream")))
                .doesNotContain("corticosteroid");
        assertThat(ids(DICTIONARY.recognising(List.of(),
                "triamcinolone acetonide 0.055 MG/ACTUAT Metered Dose Nasal Spray"))).doesNotContain("corticosteroid");
        assertThat(ids(DICTIONARY.recognising(List.of(), "mupirocin 20 MG/G Topical Ointment"))).isEmpty();
        assertThat(ids(DICTIONARY.recognising(List.of(), "amoxicillin 500 MG Oral Capsule"))).contains("antibiotic");
        // the code says what the drug is, whatever the text
        assertThat(ids(DICTIONARY.recognising(List.of(new Code("http://www.whocc.no/atc", "H02AB09", null)),
                "hydrocortisone 10 MG/ML Topical Cream"))).contains("corticosteroid");
        assertThat(DICTIONARY.get("corticosteroid").matches(List.of(), "Hydrocortisone 1 % Topical Cream")).isFalse();
        assertThat(DICTIONARY.get("corticosteroid").matches(List.of(), "Hydrocortisone 10 MG Oral Tablet")).isTrue();
        // ATC files inhaled tobramycin with the antibacterials for systemic use; eye drops are not
        assertThat(ids(DICTIONARY.recognising(List.of(), "tobramycin 300 MG per 5 ML Inhalation Solution")))
                .contains("antibiotic");
        assertThat(ids(DICTIONARY.recognising(List.of(), "tobramycin 0.3 % Ophthalmic Solution")))
                .doesNotContain("antibiotic");
    }

    @Test
    void menopausalHormoneTherapyIsNamedByWhatOnlyItUses() {
        // conjugated estrogens and tibolone are given for the menopause; estradiol, which a contraceptive holds too
        // (ethinyl estradiol, estradiol valerate with dienogest), is an estrogen but not by its name alone a therapy
        assertThat(ids(DICTIONARY.recognising(List.of(), "Estrogens, Conjugated (USP) 0.625 MG Oral Tablet")))
                .contains("estrogen", "hormone_replacement_therapy");
        assertThat(ids(DICTIONARY.recognising(List.of(), "tibolone 2.5 MG Oral Tablet")))
                .contains("hormone_replacement_therapy");
        assertThat(ids(DICTIONARY.recognising(List.of(), "estradiol 1 MG Oral Tablet"))).contains("estrogen")
                .doesNotContain("hormone_replacement_therapy");
        assertThat(ids(DICTIONARY.recognising(List.of(), "Levonorgestrel 0.15 MG / Ethinyl Estradiol 0.03 MG Oral Tablet")))
                .contains("estrogen").doesNotContain("hormone_replacement_therapy");
    }

    @Test
    void aDrugOfAClassIsOneOfTheClassAboveIt() {
        // audit 24: an ACE inhibitor, a calcium channel blocker, a thiazide are antihypertensives by their names too
        assertThat(ids(DICTIONARY.recognising(List.of(), "lisinopril 40 MG Oral Tablet")))
                .contains("ace_inhibitor", "antihypertensive");
        assertThat(ids(DICTIONARY.recognising(List.of(), "amlodipine 10 MG Oral Tablet"))).contains("antihypertensive");
        assertThat(ids(DICTIONARY.recognising(List.of(), "chlorthalidone 25 MG Oral Tablet"))).contains("antihypertensive");
        assertThat(ids(DICTIONARY.recognising(List.of(), "clonidine 0.1 MG Oral Tablet"))).contains("antihypertensive");
        assertThat(ids(DICTIONARY.recognising(List.of(), "cefpodoxime proxetil 200 MG Oral Tablet")))
                .contains("cephalosporin", "antibiotic");
        // audit 25: chemotherapy and antiepileptics by more of their names; a cream of fluorouracil is no chemotherapy
        assertThat(ids(DICTIONARY.recognising(List.of(), "gemcitabine 1000 MG Injection"))).contains("cytotoxic");
        assertThat(ids(DICTIONARY.recognising(List.of(), "doxorubicin hydrochloride 2 MG/ML Injectable Solution")))
                .contains("anthracycline", "cytotoxic");
        assertThat(ids(DICTIONARY.recognising(List.of(), "fluorouracil 50 MG/ML Topical Cream"))).doesNotContain("cytotoxic");
        assertThat(ids(DICTIONARY.recognising(List.of(), "divalproex sodium 500 MG Delayed Release Oral Tablet")))
                .contains("antiepileptic");
        assertThat(ids(DICTIONARY.recognising(List.of(), "etodolac 400 MG Oral Tablet"))).contains("nsaid");
        assertThat(ids(DICTIONARY.recognising(List.of(), "colesevelam 625 MG Oral Tablet"))).contains("lipid_lowering");
        // sulfasalazine is an aminosalicylate, no antibacterial
        assertThat(ids(DICTIONARY.recognising(List.of(), "sulfasalazine 500 MG Oral Tablet"))).doesNotContain("antibiotic");
    }

    private static List<String> ids(Set<Concept> concepts) {
        return concepts.stream().map(Concept::id).toList();
    }

    @Test
    void criteriaTextNamesConceptsLongestFirst() {
        List<Mention> mentions = DICTIONARY.mentions("Acute coronary syndrome or myocardial infarction; RRMS");
        assertThat(mentions).extracting(m -> m.concept().id())
                .containsExactly("acute_coronary_syndrome", "myocardial_infarction", "rrms");
    }

    /**
     * Terms that would bind a criterion to the wrong concept if they matched inside a longer name: each phrase names
     * the first concept, never the second.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "pulmonary arterial hypertension|pulmonary_hypertension|hypertension",
            "pulmonary venous hypertension||hypertension",
            "Cancer and Leukemia Group B performance status||leukemia",
            "attending the breast cancer screening program||breast_cancer",
            "diabetes insipidus||diabetes",
            "gestational diabetes|gestational_diabetes|diabetes",
            "non-melanoma skin cancer|malignancy|melanoma",
            "heparin-induced thrombocytopenia|thrombocytopenia|heparin",
            "lupus anticoagulant||lupus",
            "mesenchymal stem cell transplantation||hsct",
            "eGFR by CKD-EPI|egfr|renal_failure",
            "ST depression on ECG||depression",
            "direct bilirubin||bilirubin",
            "HDL cholesterol|hdl_cholesterol|total_cholesterol",
            "FEV1/FVC < 0.7|fev1_fvc|fev1",
            "PaO2/FiO2 < 300|pao2_fio2|pao2",
            "insulin resistance||insulin",
            "opioid use disorder|drug_abuse|opioid",
            "inhaled corticosteroids|inhaled_corticosteroid|corticosteroid",
            "positive TB skin test||tuberculosis",
            "naproxen sodium|nsaid|sodium",
            "hemoglobin A1c|hba1c|hemoglobin"})
    void aLongerNameIsNotReadAsTheShorterOneInsideIt(String text, String expected, String notThis) {
        List<String> found = DICTIONARY.mentions(text).stream().map(m -> m.concept().id()).toList();
        assertThat(found).doesNotContain(notThis);
        if (expected != null) {
            assertThat(found).contains(expected);
        }
    }

    @Test
    void aTypeOfDiabetesIsDiabetes() {
        Set<Concept> t1 = DICTIONARY.recognising(List.of(new Code(Code.ICD10, "E10.9", null)), null);
        assertThat(t1).extracting(Concept::id).contains("diabetes_type1", "diabetes").doesNotContain("diabetes_type2");
        assertThat(DICTIONARY.mentions("type 2 diabetes mellitus")).extracting(m -> m.concept().id())
                .containsExactly("diabetes_type2");
    }

    @Test
    void everyConceptHasACodeAndEveryObservationAUnitStromaKnows() {
        for (Concept c : DICTIONARY.all()) {
            assertThat(c.codes()).as(c.id()).isNotEmpty();
            if (c.kind() == ConceptKind.OBSERVATION && !"{finding}".equals(c.unit())) {
                assertThat(org.stroma.trial.measure.Units.convert(1, c.unit(), c.unit(), c)).as(c.id()).isEqualTo(1.0);
            }
            if (c.parent() != null) {
                assertThat(DICTIONARY.find(c.parent())).as(c.id() + "'s parent").isPresent();
            }
        }
    }

    @Test
    void theCodesOfCommonMeasurementsAreRecognised() {
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.LOINC, "39156-5", "BMI")), null))
                .extracting(Concept::id).containsExactly("bmi");
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.LOINC, "88020-3", null)), null))
                .extracting(Concept::id).containsExactly("nyha");
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.LOINC, "60842-2", null)), null))
                .extracting(Concept::id).containsExactly("vo2max");
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.LOINC, "10839-9", null)), null))
                .extracting(Concept::id).containsExactlyInAnyOrder("troponin_i", "troponin");
    }

    @Test
    void aRecordWhoseCodeIsUnknownIsRecognisedByAWholeDisplayThatNamesTheConcept() {
        ConceptDictionary.Recognition peak = DICTIONARY.recognise(ConceptKind.OBSERVATION,
                List.of(new Code(Code.LOINC, "99999-9", "Peak VO2")), null);
        assertThat(peak.concepts()).extracting(Concept::id).containsExactly("vo2max");
        assertThat(peak.byName()).isEqualTo("Peak VO2");
        // by its label too, whatever the case, and from a text without a code
        assertThat(DICTIONARY.recognise(ConceptKind.OBSERVATION, List.of(new Code(null, null, " NYHA functional class ")),
                null).concepts()).extracting(Concept::id).containsExactly("nyha");
        // a SNOMED CT fully specified name, its tag left aside
        assertThat(DICTIONARY.recognise(ConceptKind.CONDITION, List.of(new Code(Code.SNOMED, "59621000",
                "Essential hypertension (disorder)")), null).concepts()).extracting(Concept::id).containsExactly("hypertension");
    }

    @Test
    void aNameInsideALongerDisplayOrOfAnotherKindIsNoMatch() {
        assertThat(DICTIONARY.recognise(ConceptKind.OBSERVATION, List.of(new Code(Code.LOINC, "99999-9",
                "Peak VO2 not reached: test stopped for dyspnoea")), null)).isEqualTo(new ConceptDictionary.Recognition(
                Set.of(), null));
        // "Heart failure" names a condition: an observation so named is not a diagnosis
        assertThat(DICTIONARY.recognise(ConceptKind.OBSERVATION, List.of(new Code("http://local", "HF",
                "Heart failure")), null).concepts()).isEmpty();
        assertThat(DICTIONARY.recognise(ConceptKind.CONDITION, List.of(new Code("http://local", "HF",
                "Heart failure")), null).concepts()).extracting(Concept::id)
                .containsExactlyInAnyOrder("heart_failure", "heart_disease", "cardiovascular_disease");
    }

    @Test
    void aKnownCodeIsNotAMatchByName() {
        ConceptDictionary.Recognition bmi = DICTIONARY.recognise(ConceptKind.OBSERVATION,
                List.of(new Code(Code.LOINC, "39156-5", "Peak VO2")), null);
        assertThat(bmi.concepts()).extracting(Concept::id).containsExactly("bmi");
        assertThat(bmi.byName()).isNull();
    }
}
