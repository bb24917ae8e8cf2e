package org.stroma.trial.concept;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.trial.patient.Code;

/**
 * The conditions criteria name that the dictionary learnt later: each is found where a criterion names it, not where
 * its words mean something else ("sickle cell trait", "hypoglycemic agents", "hearing aids", "cataract surgery"), and
 * a criterion naming it compiles to a rule a coded record decides.
 */
class MoreConditionsTest {
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "History of cerebrovascular disease|cerebrovascular_disease",
            "Chronic respiratory disease|respiratory_disease",
            "Chronic lung disease|lung_disease",
            "Significant pulmonary disease|lung_disease",
            "Progressive neurological disease|neurological_disease",
            "Atrial flutter|atrial_flutter",
            "Sick sinus syndrome without a pacemaker|sick_sinus_syndrome",
            "Heart block|heart_block",
            "Second degree AV block|av_block",
            "Third-degree AV block|complete_av_block",
            "Atrioventricular block|av_block",
            "History of ventricular fibrillation|ventricular_fibrillation",
            "Resuscitated cardiac arrest|cardiac_arrest",
            "Cardiogenic shock|cardiogenic_shock",
            "Restrictive cardiomyopathy|cardiomyopathy",
            "Hypertrophic obstructive cardiomyopathy|hypertrophic_cardiomyopathy",
            "Severe mitral regurgitation|mitral_regurgitation",
            "Mitral valve stenosis|mitral_stenosis",
            "Central sleep apnea|sleep_apnea",
            "Obstructive sleep apnea (OSA)|obstructive_sleep_apnea",
            "Untreated OSA|obstructive_sleep_apnea",
            "Uncontrolled hyperthyroidism|hyperthyroidism",
            "Thyrotoxicosis|hyperthyroidism",
            "Untreated hypothyroidism|hypothyroidism",
            "Sickle cell disease|sickle_cell_disease",
            "Sickle-cell anemia|sickle_cell_disease",
            "Cardiac sarcoidosis|sarcoidosis",
            "Endometriosis|endometriosis",
            "Esophageal varices|esophageal_varices",
            "Primary biliary cholangitis (PBC)|primary_biliary_cholangitis",
            "Primary biliary cirrhosis|primary_biliary_cholangitis",
            "Primary sclerosing cholangitis|primary_sclerosing_cholangitis",
            "Auto-immune hepatitis|autoimmune_hepatitis",
            "Interstitial lung disease (ILD)|interstitial_lung_disease",
            "Idiopathic pulmonary fibrosis|pulmonary_fibrosis",
            "Bronchiectasis|bronchiectasis",
            "Cystic fibrosis|cystic_fibrosis",
            "Chronic respiratory failure|respiratory_failure",
            "Delirium|delirium",
            "Anxiety disorders|anxiety_disorder",
            "Generalized anxiety disorder|generalized_anxiety_disorder",
            "Attention deficit hyperactivity disorder|adhd",
            "ADHD|adhd",
            "Intellectual disability|intellectual_disability",
            "Mental retardation|intellectual_disability",
            "Chronic insomnia|insomnia",
            "Migraine headaches|migraine",
            "Chronic atopic dermatitis|atopic_dermatitis",
            "Severe head injury|head_injury",
            "Lumbar spinal stenosis|spinal_stenosis",
            "Hyperlipidemia|hyperlipidemia",
            "Familial hypercholesterolemia|hypercholesterolemia",
            "Diabetic ketoacidosis (DKA)|diabetic_ketoacidosis",
            "Severe hypoglycemia|hypoglycemia",
            "Recurrent hypoglycemic episodes|hypoglycemia",
            "Systemic sclerosis|systemic_sclerosis",
            "Scleroderma|systemic_sclerosis",
            "Vasculitis|vasculitis",
            "Inherited thrombophilia|thrombophilia",
            "Congenital immunodeficiency|immunodeficiency",
            "Acquired immunodeficiency syndrome (AIDS)|aids",
            "AIDS|aids",
            "Known brain metastases|brain_metastases",
            "Active CNS metastases|brain_metastases",
            "Diffuse large B-cell lymphoma|dlbcl",
            "Relapsed DLBCL|dlbcl",
            "Ascites|ascites",
            "History of anaphylaxis|anaphylaxis",
            "Anaphylactic reaction|anaphylaxis",
            "Angioedema|angioedema",
            "Chronic pain condition|chronic_pain",
            "Mild cognitive impairment|cognitive_impairment",
            "Coeliac disease|celiac_disease",
            "Aspiration pneumonia|pneumonia",
            "Recurrent urinary tract infections|urinary_tract_infection",
            "Three UTIs within 12 months|urinary_tract_infection",
            "Cataracts|cataract",
            "Acute myocarditis|myocarditis",
            "Bacterial endocarditis|endocarditis",
            "Vertebral osteomyelitis|osteomyelitis",
            "Gastroesophageal reflux disease (GERD)|gerd",
            "Irritable bowel syndrome (IBS)|irritable_bowel_syndrome",
            "Acute cholecystitis|cholecystitis",
            "Spontaneous pneumothorax|pneumothorax",
            "Subarachnoid hemorrhage|subarachnoid_hemorrhage",
            "Disseminated intravascular coagulation (DIC)|dic",
            "Chronic viral hepatitis|viral_hepatitis",
            "Gastric ulcer|gastric_ulcer",
            "Duodenal ulcers|duodenal_ulcer"})
    void aCriterionNamingTheConditionIsReadAsIt(String text, String expected) {
        assertThat(Readings.found(text)).contains(expected);
    }

    /** Each phrase names the first concept (or none), never the second. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Sickle cell trait||sickle_cell_disease",
            "Use of oral hypoglycemic agents||hypoglycemia",
            "T2DM with hypoglycemia unawareness|diabetes_type2|hypoglycemia",
            "Hearing aids||aids",
            "AIDS-defining opportunistic infection||aids",
            "Human immunodeficiency virus|hiv|immunodeficiency",
            "Cataract surgery within 3 months||cataract",
            "Cataract extraction||cataract",
            "Endocarditis prophylaxis||endocarditis",
            "Delirium tremens||delirium",
            "Cystic fibrosis transmembrane conductance regulator modulators||cystic_fibrosis",
            "Localized scleroderma||systemic_sclerosis",
            "Chronic obstructive pulmonary disease|copd|lung_disease",
            "Chronic obstructive lung disease|copd|lung_disease",
            "Interstitial lung disease|interstitial_lung_disease|lung_disease",
            "Ischemic cardiomyopathy|ischemic_cardiomyopathy|cardiomyopathy",
            "Non-ischemic dilated cardiomyopathy|dilated_cardiomyopathy|cardiomyopathy",
            "Complete heart block|complete_av_block|heart_block",
            "Intracranial hemorrhage|intracranial_hemorrhage|subarachnoid_hemorrhage",
            "Peptic ulcer disease|peptic_ulcer|gastric_ulcer",
            "Chronic hepatitis B|hepatitis_b|viral_hepatitis",
            "Acute respiratory distress syndrome|ards|respiratory_failure",
            "Obstructive sleep apnea|obstructive_sleep_apnea|sleep_apnea"})
    void wordsThatMeanSomethingElseAreNotTheCondition(String text, String expected, String notThis) {
        Readings.assertNames(text, expected, notThis);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Atrial flutter|condition atrial_flutter now",
            // a degree of a block is asked, but the complete block is a concept of its own: a first-degree block on
            // record is no third-degree one
            "Second degree heart block|all(condition heart_block now, attest \"is it second degree heart block?\")",
            "3rd degree AV block|condition complete_av_block now",
            "2nd or 3rd degree AV block|any(all(condition av_block now, attest \"is it 2nd degree AV block?\"),"
                    + " condition complete_av_block now)",
            "Greater than first degree AV block|any(all(condition av_block now, attest \"is it 2nd degree AV block?\"),"
                    + " condition complete_av_block now)",
            "History of cerebrovascular disease|condition cerebrovascular_disease ever",
            "Cardiac arrest within the past 6 months|condition cardiac_arrest within 6 months",
            "Diabetic ketoacidosis within 6 months|condition diabetic_ketoacidosis within 6 months",
            "Severe hypoglycemia in the past 3 months|all(condition hypoglycemia within 3 months, attest \"is it severe"
                    + " hypoglycaemia?\")",
            "Pneumonia within 4 weeks|condition pneumonia within 4 weeks",
            "Head injury within the past year|condition head_injury within 1 year",
            "History of anaphylaxis|condition anaphylaxis ever",
            "Sarcoidosis|condition sarcoidosis now",
            "Sickle cell disease|condition sickle_cell_disease now",
            "Primary biliary cholangitis (PBC)|condition primary_biliary_cholangitis now",
            "Known brain metastases|condition brain_metastases now",
            "Cystic fibrosis|condition cystic_fibrosis now",
            "Untreated hypothyroidism|all(condition hypothyroidism now, attest \"is it untreated hypothyroidism?\")",
            // a site of a cancer is its own concept, not the broader one (which would exclude every colon cancer)
            "History of rectal cancer|condition rectal_cancer ever",
            "Colon carcinoma|condition colon_cancer now",
            "Colorectal cancer|condition colorectal_cancer now",
            // seizures are not epilepsy (a provoked seizure is not), but epilepsy is a seizure disorder
            "History of seizures|condition seizure ever",
            "Convulsions|condition seizure ever",
            "Epilepsy|condition epilepsy now"})
    void aCriterionNamingTheConditionCompilesToARuleOnIt(String text, String expected) {
        assertThat(Readings.exclusionRule(text)).isEqualTo(expected);
    }

    @Test
    void aRecordOfANarrowerConditionIsARecordOfTheBroaderOne() {
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.ICD10, "E05.0", null)), null)).extracting(Concept::id)
                .contains("hyperthyroidism", "thyroid_disease");
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.ICD10, "I44.2", null)), null)).extracting(Concept::id)
                .contains("av_block", "heart_block");
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.SNOMED, "51615001", null)), null))
                .extracting(Concept::id).containsExactlyInAnyOrder("pulmonary_fibrosis", "interstitial_lung_disease",
                        "lung_disease", "respiratory_disease");
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.ICD10, "B18.1", null)), null)).extracting(Concept::id)
                .contains("hepatitis_b", "viral_hepatitis");
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.ICD10, "G40.9", null)), null)).extracting(Concept::id)
                .contains("epilepsy", "seizure");
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.ICD10, "C20", null)), null)).extracting(Concept::id)
                .contains("rectal_cancer", "colorectal_cancer", "malignancy").doesNotContain("colon_cancer");
        // sickle-cell trait (D57.3) is no sickle-cell disease
        assertThat(DICTIONARY.recognising(List.of(new Code(Code.ICD10, "D57.3", null)), null)).extracting(Concept::id)
                .doesNotContain("sickle_cell_disease");
    }

    @Test
    void aRecordOfTheCategoryLeavesItsFormsUnknown() {
        // I42 (cardiomyopathy) does not say whether it is the dilated or the hypertrophic form
        Set<Concept> recognised = DICTIONARY.recognising(List.of(new Code(Code.ICD10, "I42", null)), null);
        assertThat(DICTIONARY.narrowerThan(List.of(new Code(Code.ICD10, "I42", null)), recognised))
                .extracting(Concept::id).contains("dilated_cardiomyopathy", "hypertrophic_cardiomyopathy");
        // nor B18 (chronic viral hepatitis) which virus
        Set<Concept> b18 = DICTIONARY.recognising(List.of(new Code(Code.ICD10, "B18", null)), null);
        assertThat(DICTIONARY.narrowerThan(List.of(new Code(Code.ICD10, "B18", null)), b18)).extracting(Concept::id)
                .contains("hepatitis_b", "hepatitis_c");
        // nor G35, multiple sclerosis whole, which of the forms ICD-10 does not tell apart; a record naming its form in
        // SNOMED CT beside it says which
        List<Code> g35 = List.of(new Code(Code.ICD10, "G35", null));
        assertThat(DICTIONARY.narrowerThan(g35, DICTIONARY.recognising(g35, null))).extracting(Concept::id)
                .contains("ppms", "rrms", "spms");
        List<Code> g35Rrms = List.of(new Code(Code.ICD10, "G35", null), new Code(Code.SNOMED, "426373005", null));
        assertThat(DICTIONARY.narrowerThan(g35Rrms, DICTIONARY.recognising(g35Rrms, null))).isEmpty();
        // any code of a lung cancer (C34.11) leaves its histology unknown, which ICD-10 does not code
        List<Code> c34 = List.of(new Code("http://hl7.org/fhir/sid/icd-10-cm", "C34.11", null));
        assertThat(DICTIONARY.narrowerThan(c34, DICTIONARY.recognising(c34, null))).extracting(Concept::id)
                .contains("nsclc");
        // ICD-10-CM codes the forms of multiple sclerosis since 2025 (G35.A relapsing-remitting)
        List<Code> g35a = List.of(new Code("http://hl7.org/fhir/sid/icd-10-cm", "G35.A", null));
        assertThat(DICTIONARY.recognising(g35a, null)).extracting(Concept::id).contains("rrms", "ms");
        assertThat(DICTIONARY.narrowerThan(g35a, DICTIONARY.recognising(g35a, null))).isEmpty();
    }
}
