package org.stroma.trial.concept;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.trial.patient.Code;

/**
 * Conditions eligibility criteria often ask about that the dictionary did not know: each is found where a criterion
 * names it, not where its words mean something else ("milestones", "varicella-zoster virus IgG", "shock wave
 * lithotripsy", "cervical carcinoma in situ") or a narrower thing the record's code does not tell ("thalassaemia
 * trait", "Cushing's disease"), and a criterion naming it compiles to a rule a coded record decides.
 */
class ConditionsCriteriaAskTest {
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "History of latent TB|latent_tuberculosis",
            "Latent tuberculosis infection (LTBI)|latent_tuberculosis",
            "Symptomatic uterine fibroids|uterine_leiomyoma",
            "Submucosal leiomyoma|uterine_leiomyoma",
            "Known urolithiasis|urolithiasis",
            "Urinary tract calculi|urolithiasis",
            "History of kidney stones|kidney_stones",
            "Nephrolithiasis|kidney_stones",
            "History of gout|gout",
            "Gouty arthritis|gout",
            "Diagnosis of cerebral palsy|cerebral_palsy",
            "Spastic cerebral palsy (CP)|cerebral_palsy",
            "History of Guillain-Barré syndrome|guillain_barre_syndrome",
            "Guillain Barre syndrome after a previous vaccination|guillain_barre_syndrome",
            "Autism spectrum disorder|autism_spectrum_disorder",
            "Pervasive developmental disorder (PDD)|autism_spectrum_disorder",
            "Thalassemia|thalassemia",
            "Alpha thalassaemia|thalassemia",
            "Iron deficiency anaemia|iron_deficiency_anemia",
            "Iron-deficiency anemia (IDA)|iron_deficiency_anemia",
            "Primary Sjögren's syndrome|sjogren_syndrome",
            "Secondary Sjogren syndrome|sjogren_syndrome",
            "Cushing's syndrome|cushing_syndrome",
            "Endogenous Cushing's|cushing_syndrome",
            "Pericardial disease|pericardial_disease",
            "Diseases of the pericardium|pericardial_disease",
            "Acute pericarditis|pericarditis",
            "Constrictive pericarditis|pericarditis",
            "Clinically significant pericardial effusion|pericardial_effusion",
            "Pericardial effusion requiring drainage|pericardial_effusion",
            "Wolff-Parkinson-White syndrome|wpw_syndrome",
            "WPW syndrome|wpw_syndrome",
            "Myasthenia gravis|myasthenia_gravis",
            "Ocular myasthenia|myasthenia_gravis",
            "Severe malnutrition|malnutrition",
            "Malnourished patients|malnutrition",
            "Acute kidney injury (AKI)|acute_kidney_injury",
            "Acute renal failure within 3 months|acute_kidney_injury",
            "Hypovolemic shock|shock",
            "Circulatory shock|shock",
            "Massive hemoptysis|hemoptysis",
            "Haemoptysis within 4 weeks|hemoptysis",
            "Herpes zoster within the past year|herpes_zoster",
            "Active shingles|herpes_zoster",
            "History of chickenpox|varicella",
            "Varicella infection within 3 months|varicella",
            "Severe malaria|malaria",
            "Plasmodium falciparum malaria|malaria",
            "Malignant brain tumour|brain_cancer",
            "Primary brain cancer|brain_cancer",
            "Hepatocellular carcinoma (HCC)|hepatocellular_carcinoma",
            "Malignant hepatoma|hepatocellular_carcinoma",
            "Epithelial ovarian cancer|ovarian_cancer",
            "Cancer of the ovary|ovarian_cancer",
            "Endometrial cancer|endometrial_cancer",
            "Endometrial adenocarcinoma|endometrial_cancer",
            "Cervical cancer|cervical_cancer",
            "Carcinoma of the cervix|cervical_cancer",
            "Pancreatic cancer|pancreatic_cancer",
            "Adenocarcinoma of the pancreas|pancreatic_cancer",
            "Advanced gastric cancer|gastric_cancer",
            "Adenocarcinoma of the stomach|gastric_cancer",
            "Multiple myeloma|multiple_myeloma",
            "Smoldering myeloma|multiple_myeloma",
            "Nonalcoholic fatty liver disease (NAFLD)|nafld",
            "Hepatic steatosis|nafld",
            "Biopsy-proven NASH|nash",
            "Non-alcoholic steatohepatitis|nash",
            "Polycystic ovary syndrome (PCOS)|pcos",
            "Women with a history of PCOS|pcos",
            "Fibromyalgia|fibromyalgia",
            "Generalized pain or fibromyalgia|fibromyalgia",
            "Acute otitis media|otitis_media",
            "Recurrent otitis media|otitis_media",
            "Abdominal aortic aneurysm|aortic_aneurysm",
            "Known aortic aneurysm|aortic_aneurysm",
            "Aortic dissection|aortic_dissection",
            "Dissection of the aorta|aortic_dissection",
            "Hiatal hernia|hiatus_hernia",
            "Sliding hiatus hernia|hiatus_hernia",
            "History of uveitis|uveitis",
            "Chronic anterior uveitis|uveitis",
            "History of keratitis|keratitis",
            "Ulcerative keratitis|keratitis",
            "Rhegmatogenous retinal detachment|retinal_detachment",
            "History of retinal detachment|retinal_detachment",
            "History of malignant hyperthermia|malignant_hyperthermia",
            "Malignant hyperpyrexia|malignant_hyperthermia",
            "Unexplained infertility|infertility",
            "Infertile women|infertility",
            "Adrenal insufficiency|adrenal_insufficiency",
            "Secondary adrenal insufficiency|adrenal_insufficiency",
            "Addison's disease|addison_disease",
            "Primary adrenal insufficiency|addison_disease"})
    void aCriterionNamingTheConditionIsReadAsIt(String text, String expected) {
        assertThat(Readings.found(text)).contains(expected);
    }

    /** Each phrase names the first concept (or none), never the second. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the words inside other words, or meaning something else
            "Allergy to ragout||gout",
            "Has not reached developmental milestones||kidney_stones",
            "Gallbladder stones||urolithiasis",
            "Extracorporeal shock wave lithotripsy||shock",
            "Electric shock||shock",
            "Toxic shock syndrome||shock",
            "Anaphylactic shock|anaphylaxis|shock",
            "Septic shock|septic_shock|shock",
            "Cardiogenic shock|cardiogenic_shock|shock",
            "Herpes simplex virus infection||herpes_zoster",
            "Herpes simplex keratitis|keratitis|herpes_zoster",
            "Positive varicella zoster virus (VZV) serology||herpes_zoster",
            "Positive varicella-zoster virus IgG||varicella",
            "Received the zoster vaccine|vaccine|herpes_zoster",
            "Varicella vaccine within 4 weeks|vaccine|varicella",
            "Travel to a malaria-endemic area within 6 months||malaria",
            "Currently taking antimalarial medicines||malaria",
            "Cervical cancer screening||cervical_cancer",
            "Cervical carcinoma in situ||cervical_cancer",
            "Adequately treated in-situ cancer of the cervix||cervical_cancer",
            "Alcoholic fatty liver||nafld",
            "Acute fatty liver of pregnancy||nafld",
            "Hepatocellular adenoma||hepatocellular_carcinoma",
            "Any infertility factor other than anovulation||infertility",
            "Severe male factor infertility||infertility",
            "Congenital myasthenic syndrome||myasthenia_gravis",
            "Cushing's ulcer||cushing_syndrome",
            "Addison's anaemia|anemia|addison_disease",
            "Sickle beta-thalassemia||thalassemia",
            "Hemoglobin SC or SB+ thalassemia||thalassemia",
            "Anaemia not attributed to iron deficiency|anemia|iron_deficiency_anemia",
            "Abdominal aortic aneurysm repair||aortic_aneurysm",
            "Hiatal hernia repair||hiatus_hernia",
            "Myeloma protein||multiple_myeloma",
            "Group B streptococcus (GBS) colonisation||guillain_barre_syndrome",
            "Atrial septal defect (ASD)||autism_spectrum_disorder",
            "Autistic traits||autism_spectrum_disorder",
            "Gastric leiomyoma||uterine_leiomyoma",
            "Gastric ulcer|gastric_ulcer|gastric_cancer",
            // a narrower thing than the record's code tells is not read as the broader condition
            "Thalassemia trait||thalassemia",
            "Cushing's disease||cushing_syndrome",
            "Herpes zoster myelopathy||herpes_zoster",
            // a narrower condition is read as itself
            "Kidney stones|kidney_stones|urolithiasis",
            "Aortic dissection|aortic_dissection|aortic_aneurysm",
            "Addison's disease|addison_disease|adrenal_insufficiency",
            "Acute renal failure|acute_kidney_injury|renal_failure",
            "Non-alcoholic steatohepatitis|nash|nafld",
            "Nonalcoholic fatty liver disease|nafld|liver_disease",
            "Iron deficiency anaemia|iron_deficiency_anemia|anemia",
            "Acute pericarditis|pericarditis|pericardial_disease",
            "Hepatocellular carcinoma|hepatocellular_carcinoma|malignancy",
            "Ovarian cancer|ovarian_cancer|malignancy"})
    void wordsThatMeanSomethingElseAreNotTheCondition(String text, String expected, String notThis) {
        Readings.assertNames(text, expected, notThis);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "History of gout|condition gout ever",
            "Gout|condition gout now",
            "History of kidney stones|condition kidney_stones ever",
            "History of Guillain-Barré syndrome|condition guillain_barre_syndrome ever",
            "Myasthenia gravis|condition myasthenia_gravis now",
            "Wolff Parkinson White syndrome|condition wpw_syndrome now",
            "Pericarditis|condition pericarditis now",
            "Autism spectrum disorder|condition autism_spectrum_disorder now",
            "Hepatocellular carcinoma (HCC)|condition hepatocellular_carcinoma now",
            "Chronic pancreatitis or pancreatic cancer|any(all(condition pancreatitis now, attest \"is it chronic"
                    + " pancreatitis?\"), condition pancreatic_cancer now)",
            "Acute kidney injury|condition acute_kidney_injury now",
            "Dialysis for acute renal failure within the 6 previous months|all(procedure dialysis within 6 months,"
                    + " condition acute_kidney_injury within 6 months)",
            "Haemoptysis within 4 weeks|condition hemoptysis within 4 weeks",
            "History of chickenpox|condition varicella ever",
            "Herpes zoster within the past year|condition herpes_zoster within 1 year",
            "Women with a history of PCOS|all(sex female, condition pcos ever)",
            "History of uveitis|condition uveitis ever",
            "History of malignant hyperthermia|condition malignant_hyperthermia ever",
            "Severe malnutrition|all(condition malnutrition now, attest \"is it severe malnutrition (protein-energy)?\")",
            "Untreated adrenal insufficiency|all(condition adrenal_insufficiency now, attest \"is it untreated adrenal"
                    + " insufficiency?\")",
            // the cardiogenic shock is still the present one, and a kind of shock the words name is asked
            "Cardiogenic shock|condition cardiogenic_shock now",
            "Patients with hypovolemic shock|all(condition shock now, attest \"is it hypovolemic shock?\")",
            // where and which fibroid, aneurysm or detachment is asked, not dropped
            "Submucosal leiomyoma|all(condition uterine_leiomyoma now, attest \"is it submucosal leiomyoma?\")",
            "Abdominal aortic aneurysm|all(condition aortic_aneurysm now, attest \"is it abdominal aortic aneurysm?\")",
            "Rhegmatogenous retinal detachment|all(condition retinal_detachment ever, attest \"is it rhegmatogenous"
                    + " retinal detachment?\")",
            // a volume no record gives is asked, with the effusion
            "Pericardial effusion greater than 100 ml|attest \"Pericardial effusion > 100 ml\""})
    void aCriterionNamingTheConditionCompilesToARuleOnIt(String text, String expected) {
        assertThat(Readings.exclusionRule(text)).isEqualTo(expected);
    }

    private static List<String> recognised(String system, String code) {
        return DICTIONARY.recognising(List.of(new Code(system, code, null)), null).stream().map(Concept::id).toList();
    }

    @Test
    void aRecordOfANarrowerConditionIsARecordOfTheBroaderOne() {
        assertThat(recognised(Code.ICD10, "N20.0")).contains("kidney_stones", "urolithiasis");
        // a bladder stone is a urinary stone, not a kidney stone; renal colic (N23) is no stone at all
        assertThat(recognised(Code.ICD10, "N21.0")).contains("urolithiasis").doesNotContain("kidney_stones");
        assertThat(recognised(Code.ICD10, "N23")).doesNotContain("urolithiasis");
        assertThat(recognised(Code.ICD10, "R57.0")).contains("cardiogenic_shock", "shock");
        assertThat(recognised(Code.ICD10, "R57.1")).contains("shock").doesNotContain("cardiogenic_shock");
        assertThat(recognised(Code.SNOMED, "3238004")).contains("pericarditis", "pericardial_disease", "heart_disease");
        assertThat(recognised(Code.ICD10, "K75.81")).contains("nash", "nafld", "liver_disease");
        assertThat(recognised(Code.ICD10, "E27.1")).contains("addison_disease", "adrenal_insufficiency");
        assertThat(recognised(Code.ICD10, "E27.3")).contains("adrenal_insufficiency").doesNotContain("addison_disease");
        assertThat(recognised(Code.ICD10, "I71.0")).contains("aortic_dissection", "aortic_aneurysm");
        assertThat(recognised(Code.ICD10, "I71.4")).contains("aortic_aneurysm").doesNotContain("aortic_dissection");
        assertThat(recognised(Code.ICD10, "N17.9")).contains("acute_kidney_injury", "renal_failure");
        // audit 30: anaphylaxis to a food, a serum or vaccine, or a drug properly given (ICD-10-CM's T78.05XA too)
        assertThat(recognised(Code.ICD10, "T78.05XA")).contains("anaphylaxis");
        assertThat(recognised(Code.ICD10, "T80.52XA")).contains("anaphylaxis");
        assertThat(recognised(Code.ICD10, "T88.6")).contains("anaphylaxis");
        assertThat(recognised(Code.ICD10, "T78.3")).doesNotContain("anaphylaxis");
        // ICD-10-CM's unspecified neurocognitive disorder and cognitive deficits after a stroke are cognitive impairments
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "R41.9")).contains("cognitive_impairment");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "I69.318")).contains("cognitive_impairment");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "I69.351")).doesNotContain("cognitive_impairment");
        // septic shock is a sepsis, not every sepsis a septic shock (ICD-10-CM's R65.20 is a severe sepsis without)
        assertThat(recognised(Code.ICD10, "R65.21")).contains("septic_shock", "sepsis");
        assertThat(recognised(Code.ICD10, "R65.20")).contains("sepsis").doesNotContain("septic_shock");
        assertThat(recognised(Code.ICD10, "C56")).contains("ovarian_cancer", "malignancy");
        assertThat(recognised(Code.ICD10, "D56.1")).contains("thalassemia", "anemia");
        assertThat(recognised(Code.SNOMED, "4740000")).contains("herpes_zoster", "infection");
        assertThat(recognised(Code.ICD10, "G61.0")).contains("guillain_barre_syndrome", "neurological_disease");
        // retinal breaks without detachment (H33.3) are no detachment
        assertThat(recognised(Code.ICD10, "H33.0")).contains("retinal_detachment");
        assertThat(recognised(Code.ICD10, "H33.3")).doesNotContain("retinal_detachment");
        // a latent tuberculosis infection (ICD-10-CM Z22.7) is no active tuberculosis, nor an infection going on
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "Z22.7")).contains("latent_tuberculosis")
                .doesNotContain("tuberculosis", "infection");
        // a Mallory-Weiss tear is a bleeding of the gut by its name (gastro-oesophageal laceration-haemorrhage)
        assertThat(recognised(Code.ICD10, "K22.6")).contains("gi_bleeding");
        // audit 21: a subarachnoid haemorrhage is a stroke; frontotemporal and Lewy body dementias are dementias; OSA as
        // ICD-10-CM codes it; an asymptomatic HIV infection (Z21) is an infection
        assertThat(recognised(Code.ICD10, "I60.7")).contains("stroke", "cerebrovascular_disease");
        assertThat(recognised(Code.ICD10, "G31.0")).contains("dementia");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "G31.83")).contains("dementia");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "G47.33")).contains("obstructive_sleep_apnea");
        assertThat(recognised(Code.ICD10, "Z21")).contains("hiv", "infection");
        // audit 22: emphysema is COPD; a failing kidney graft (T86.1) is a kidney transplant; acute haemorrhagic
        // gastritis is a gastrointestinal bleeding, acute gastritis without bleeding (ICD-10-CM K29.00) is not
        assertThat(recognised(Code.ICD10, "J43.9")).contains("copd", "lung_disease");
        assertThat(recognised(Code.ICD10, "T86.12")).contains("kidney_transplant");
        assertThat(recognised(Code.ICD10, "K29.0")).contains("gi_bleeding");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "K29.00")).doesNotContain("gi_bleeding");
        // audit 23: heart failure as WHO ICD-10 codes it when hypertension caused it (I11.0, I13.0, I13.2, which I50
        // excludes), still a heart disease; aortic stenosis with regurgitation or rheumatic; a traumatic intracranial
        // haemorrhage, which is no cerebrovascular disease; chronic viral hepatitis a liver disease; pneumonia, a
        // urinary tract infection, cellulitis and a wound infection infections though ICD-10 files them by organ
        assertThat(recognised(Code.ICD10, "I11.0")).contains("heart_failure", "hypertension", "heart_disease",
                "cardiovascular_disease");
        assertThat(recognised(Code.ICD10, "I13.2")).contains("heart_failure");
        assertThat(recognised(Code.ICD10, "I11.9")).doesNotContain("heart_failure");
        assertThat(recognised(Code.SNOMED, "88805009")).contains("heart_failure", "cardiovascular_disease");
        assertThat(recognised(Code.ICD10, "I35.2")).contains("aortic_stenosis");
        assertThat(recognised(Code.ICD10, "I06.0")).contains("aortic_stenosis", "heart_disease");
        assertThat(recognised(Code.ICD10, "I35.1")).doesNotContain("aortic_stenosis");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "S06.5X0A")).contains("intracranial_hemorrhage")
                .doesNotContain("cerebrovascular_disease", "stroke");
        assertThat(recognised(Code.ICD10, "I61.9")).contains("intracranial_hemorrhage", "stroke",
                "cerebrovascular_disease");
        assertThat(recognised(Code.ICD10, "S06.0")).doesNotContain("intracranial_hemorrhage");
        assertThat(recognised(Code.ICD10, "B18.2")).contains("hepatitis_c", "liver_disease", "infection");
        assertThat(recognised(Code.SNOMED, "50711007")).contains("hepatitis_c", "liver_disease");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "E83.11")).contains("liver_disease");
        assertThat(recognised(Code.ICD10, "J18.9")).contains("pneumonia", "infection", "lung_disease");
        assertThat(recognised(Code.SNOMED, "233604007")).contains("pneumonia", "infection");
        assertThat(recognised(Code.ICD10, "N39.0")).contains("urinary_tract_infection", "infection");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "L03.115")).contains("infection");
        assertThat(recognised(Code.ICD10, "T81.4")).contains("infection");
        assertThat(recognised(Code.ICD10, "J45.9")).doesNotContain("infection");
        // audit 24: rheumatic mitral regurgitation; rheumatic valve disease a valvular heart disease; chronic granulomatous
        // disease and ataxia-telangiectasia immunodeficiencies
        assertThat(recognised(Code.ICD10, "I05.1")).contains("mitral_regurgitation", "valvular_heart_disease");
        assertThat(recognised(Code.ICD10, "I05.0")).doesNotContain("mitral_regurgitation");
        assertThat(recognised(Code.ICD10, "I06.0")).contains("aortic_stenosis", "valvular_heart_disease");
        assertThat(recognised(Code.ICD10, "D71")).contains("immunodeficiency");
        assertThat(recognised(Code.ICD10, "G11.3")).contains("immunodeficiency", "neurological_disease");
        // audit 25: heparin-induced thrombocytopenia as ICD-10-CM codes it; Legionnaires' disease and influenza with
        // pneumonia are pneumonias (and infections)
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "D75.82")).contains("thrombocytopenia");
        assertThat(recognised(Code.ICD10, "A48.1")).contains("pneumonia", "infection");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "J11.00")).contains("pneumonia", "infection");
        // type 1 diabetic neuropathy and polyneuropathies in other diseases; diabetes due to another condition or a drug
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "E10.42")).contains("neuropathy", "diabetes_type1");
        assertThat(recognised(Code.ICD10, "G63")).contains("neuropathy");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "E09.9")).contains("diabetes")
                .doesNotContain("diabetes_type1", "diabetes_type2");
        // audit 26: a normal pregnancy supervised (Z34), ICD-10-CM's weeks of gestation and a positive pregnancy test are
        // pregnancies; an acute myocardial infarction is an acute coronary syndrome, an old one is not; a calculous
        // cholecystitis is a cholecystitis
        assertThat(recognised(Code.ICD10, "Z34.0")).contains("pregnancy");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "Z3A.20")).contains("pregnancy");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "Z32.01")).contains("pregnancy");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "Z32.02")).doesNotContain("pregnancy");
        assertThat(recognised(Code.ICD10, "I21.4")).contains("acute_coronary_syndrome", "myocardial_infarction");
        assertThat(recognised(Code.ICD10, "I25.2")).contains("myocardial_infarction")
                .doesNotContain("acute_coronary_syndrome");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "K80.00")).contains("cholecystitis");
        assertThat(recognised(Code.SNOMED, "72892002")).contains("pregnancy");
        assertThat(recognised(Code.ICD10, "G41.0")).contains("seizure");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "G89.4")).contains("chronic_pain");
        assertThat(recognised("http://hl7.org/fhir/sid/icd-10-cm", "I70.261")).contains("critical_limb_ischemia");
        // audit 27: a depression, a mania or a drug use with psychotic symptoms is a psychosis; an intellectual
        // disability and ICD-10-CM's mild cognitive impairment are cognitive impairments; ICD-10 files pneumoconioses,
        // hypersensitivity pneumonitis and pulmonary sarcoidosis outside J84, yet they are interstitial lung diseases;
        // a diabetic's peripheral angiopathy is coded with the diabetes (but not E11.59, other circulatory
        // complications); a suicide attempt and a history of suicidal behaviour in ICD-10-CM
        String cm = "http://hl7.org/fhir/sid/icd-10-cm";
        assertThat(recognised(Code.ICD10, "F32.3")).contains("psychosis", "depression");
        assertThat(recognised(cm, "F15.959")).contains("psychosis", "substance_abuse");
        assertThat(recognised(Code.ICD10, "F32.2")).doesNotContain("psychosis");
        assertThat(recognised(Code.ICD10, "F71")).contains("cognitive_impairment", "intellectual_disability");
        assertThat(recognised(cm, "G31.84")).contains("cognitive_impairment");
        assertThat(recognised(cm, "J67.9")).contains("interstitial_lung_disease");
        assertThat(recognised(Code.ICD10, "J61")).contains("interstitial_lung_disease");
        assertThat(recognised(Code.ICD10, "D86.0")).contains("interstitial_lung_disease", "sarcoidosis");
        assertThat(recognised(cm, "E11.51")).contains("peripheral_arterial_disease", "diabetes_type2");
        assertThat(recognised(Code.ICD10, "E11.5")).contains("peripheral_arterial_disease");
        assertThat(recognised(cm, "E11.59")).doesNotContain("peripheral_arterial_disease");
        assertThat(recognised(cm, "T14.91XA")).contains("suicide_attempt");
        assertThat(recognised(cm, "Z91.51")).contains("suicide_attempt");
        // audit 28: infections of the female genital tract, and those complicating an abortion or a pregnancy, are
        // infections (pelvic adhesions are not)
        assertThat(recognised(cm, "N71.0")).contains("infection");
        assertThat(recognised(cm, "N73.6")).doesNotContain("infection");
        assertThat(recognised(cm, "O03.0")).contains("infection", "pregnancy");
        // audit 29: a pancytopenia is a thrombocytopenia and a neutropenia; fibromyalgia and a complex regional pain
        // syndrome are chronic pain
        assertThat(recognised(cm, "D61.818")).contains("thrombocytopenia", "neutropenia", "anemia");
        assertThat(recognised(Code.ICD10, "M79.7")).contains("chronic_pain");
        assertThat(recognised(cm, "G90.511")).contains("chronic_pain");
    }

    @Test
    void aRecordOfTheCategoryLeavesItsFormsUnknown() {
        // I71 (aortic aneurysm and dissection) does not say whether it is a dissection
        List<Code> i71 = List.of(new Code(Code.ICD10, "I71", null));
        Set<Concept> aorta = DICTIONARY.recognising(i71, null);
        assertThat(DICTIONARY.narrowerThan(i71, aorta)).extracting(Concept::id).contains("aortic_dissection");
        // nor I31 (other diseases of the pericardium) whether it is a pericarditis or an effusion
        List<Code> i31 = List.of(new Code(Code.ICD10, "I31", null));
        Set<Concept> pericardium = DICTIONARY.recognising(i31, null);
        assertThat(DICTIONARY.narrowerThan(i31, pericardium)).extracting(Concept::id)
                .contains("pericarditis", "pericardial_effusion");
    }
}
