package org.stroma.trial.concept;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.trial.patient.Code;

/**
 * The drug classes, procedures and conditions the dictionary learnt from the entities Chia's criteria name most often
 * without a rule: each is found where a criterion names it and not where its words mean something else ("Modification
 * of Diet in Renal Disease", "estrogen receptor", "infection at the injection site", "serum lithium"), a criterion
 * naming it compiles to a rule a coded record decides, and a record coded under the class is recognised as it.
 */
class DrugClassesAndProceduresTest {
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Use of antibiotics within 2 weeks|medication antibiotic within 2 weeks",
            "Antifungal therapy|medication antifungal now",
            "SGLT2 inhibitor, TZD, DPP4 inhibitor and GLP1 RA use within the past 6 months|any(medication sglt2_inhibitor"
                    + " within 6 months, medication thiazolidinedione within 6 months, medication dpp4_inhibitor within 6"
                    + " months, medication glp1_agonist within 6 months)",
            "Current treatment with sulfonylureas|medication sulfonylurea now",
            "Current hormone replacement therapy|medication hormone_replacement_therapy now",
            "Use of erythropoiesis-stimulating agents (ESA) within 4 weeks|medication esa within 4 weeks",
            "Serotonin norepinephrine reuptake inhibitors|medication snri now",
            "Treatment with immune checkpoint inhibitors|medication checkpoint_inhibitor now",
            "Prior anti-VEGF treatment|medication anti_vegf ever",
            "Lithium|medication lithium now",
            "History of cholecystectomy|procedure cholecystectomy ever",
            "Previous hysterectomy|procedure hysterectomy ever",
            "Electroconvulsive therapy in last 6 months|procedure electroconvulsive_therapy within 6 months",
            "Heart disease|condition heart_disease now",
            "Cardiovascular disease|condition cardiovascular_disease now",
            "History of renal disease|condition kidney_disease ever",
            "A history of infection|condition infection ever",
            "Bleeding disorders|condition bleeding_disorder now",
            "Suicidal ideation within the past year|condition suicidal_ideation within 1 year",
            "Hepatic encephalopathy|condition hepatic_encephalopathy now",
            "Presence of a cardiac pacemaker|condition cardiac_pacemaker now",
            "Spondylolisthesis|condition spondylolisthesis now",
            "CAD|condition ischemic_heart_disease now"})
    void aCriterionNamingItCompilesToARuleOnIt(String text, String expected) {
        assertThat(Readings.exclusionRule(text)).isEqualTo(expected);
    }

    /** Each phrase names the first concept (or none), never the second. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "GFR estimated with the Modification of Diet in Renal Disease formula|egfr|kidney_disease",
            "Estrogen receptor positive breast cancer|breast_cancer|estrogen",
            "Androgen deprivation therapy||androgen",
            "Infection at the injection site||infection",
            "HIV infection|hiv|infection",
            "Bacterial infection||infection",
            "Urinary tract infection|urinary_tract_infection|infection",
            "Serum lithium level||lithium",
            "Antibiotic-resistant organisms||antibiotic",
            "Serum erythropoietin||esa",
            "Venous thromboembolism|venous_thromboembolism|thromboembolism",
            "Hemorrhagic stroke|intracranial_hemorrhage|stroke",
            "Ischemic heart disease|ischemic_heart_disease|heart_disease",
            "Congenital heart disease|congenital_heart_disease|heart_disease",
            "Chronic kidney disease|renal_failure|kidney_disease",
            "Cataract surgery|cataract_surgery|cataract"})
    void wordsThatMeanSomethingElseAreNotTheConcept(String text, String expected, String notThis) {
        List<String> found = Readings.found(text);
        assertThat(found).doesNotContain(notThis);
        if (expected != null) {
            assertThat(found).contains(expected);
        }
    }

    @Test
    void aRecordCodedUnderTheClassIsOfTheClass() {
        assertThat(DICTIONARY.recognising(List.of(new Code("http://www.whocc.no/atc", "A10BK01", null)), null))
                .extracting(Concept::id).contains("sglt2_inhibitor", "antidiabetic");
        assertThat(DICTIONARY.recognising(List.of(new Code("http://www.whocc.no/atc", "J01CA04", null)), null))
                .extracting(Concept::id).contains("antibiotic");
        assertThat(DICTIONARY.recognising(List.of(new Code("http://www.whocc.no/atc", "J05AG03", null)), null))
                .extracting(Concept::id).contains("nnrti", "antiretroviral");
        assertThat(DICTIONARY.recognising(List.of(), "Metformin 500 mg tablet")).extracting(Concept::id)
                .contains("metformin", "antidiabetic");
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.ICD10, "I21.4", null)), null)).extracting(Concept::id)
                .contains("heart_disease", "cardiovascular_disease");
        // hypertension alone is no cardiovascular disease as criteria mean it, nor a heart disease
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.ICD10, "I10", null)), null)).extracting(Concept::id)
                .doesNotContain("heart_disease", "cardiovascular_disease");
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.ICD10, "A41.9", null)), null)).extracting(Concept::id)
                .contains("infection");
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.ICD10, "N18.3", null)), null)).extracting(Concept::id)
                .contains("kidney_disease");
    }
}
