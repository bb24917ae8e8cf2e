package org.stroma.trial.concept;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.trial.patient.Code;

/**
 * The drug classes and single drugs the dictionary learnt from what eligibility criteria ask of medications (alpha
 * blockers, P2Y12 and glycoprotein IIb/IIIa inhibitors, calcineurin and mTOR inhibitors, HIV protease inhibitors,
 * lipid-lowering drugs, St John's wort, hyaluronic acid, …): each is found where a criterion names it and not where its
 * words mean something else ("TNF alpha blockers", "anti-thyroid peroxidase antibodies", "platinum-resistant disease",
 * "epidural analgesia"), a criterion naming it compiles to a rule a coded record decides, and a record naming one of
 * its drugs or coded under it is recognised as it.
 */
class DrugClassesCriteriaNameTest {
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Use of alpha-blockers within 2 weeks|alpha_blocker",
            "Current use of alpha-adrenergic blocking agents|alpha_blocker",
            "Current use of 5-alpha reductase inhibitors|five_alpha_reductase_inhibitor",
            "Treatment with finasteride or dutasteride within 6 months|five_alpha_reductase_inhibitor",
            "Previous prescription of mineralocorticoid receptor antagonists|mineralocorticoid_receptor_antagonist",
            "Current treatment with an aldosterone antagonist|mineralocorticoid_receptor_antagonist",
            "Use of vasopressors within 24 hours|vasopressor",
            "Intravenous inotropic therapy at screening|vasopressor",
            "Cholesterol-lowering drugs|lipid_lowering",
            "Initiation of lipid-lowering therapy within 3 months|lipid_lowering",
            "Current use of fibrates|fibrate",
            "Treatment with fenofibrate|fibrate",
            "Current use of ezetimibe|ezetimibe",
            "Hypersensitivity to ezetimibe|ezetimibe",
            "On treatment with a P2Y12 receptor antagonist in the prior 10 days|p2y12_inhibitor",
            "Thienopyridine therapy within 7 days|p2y12_inhibitor",
            "Treatment with glycoprotein IIb/IIIa inhibitors|gp2b3a_inhibitor",
            "Use of GP IIb/IIIa receptor antagonists during the procedure|gp2b3a_inhibitor",
            "Fibrinolytics within 24 hours|thrombolytic",
            "Prior treatment with recombinant tissue plasminogen activator (rt-PA)|thrombolytic",
            "On iron chelating therapy|iron_chelator",
            "Iron chelation therapy within 7 days|iron_chelator",
            "Patients treated with a calcineurin inhibitor|calcineurin_inhibitor",
            "Calcineurin inhibitor (CNI) based immunosuppression|calcineurin_inhibitor",
            "Immunosuppression with an mTOR inhibitor|mtor_inhibitor",
            "Prior treatment with mammalian target of rapamycin inhibitors|mtor_inhibitor",
            "Thiopurine therapy within 3 months|thiopurine",
            "Current treatment with 6-mercaptopurine|thiopurine",
            "Prior treatment with anti-CD20 antibodies|anti_cd20",
            "Anti-CD20 therapy within 12 months|anti_cd20",
            "Prior platinum-based chemotherapy|platinum_compound",
            "Progression after a platinum doublet|platinum_compound",
            "Subjects who have received any HDAC inhibitors|hdac_inhibitor",
            "Known allergic reaction to a histone deacetylase inhibitor|hdac_inhibitor",
            "Treated with hydroxyurea within 30 days|hydroxyurea",
            "Current hydroxycarbamide therapy|hydroxyurea",
            "HIV protease inhibitors within 7 days|hiv_protease_inhibitor",
            "Current boosted protease inhibitor regimen|hiv_protease_inhibitor",
            "Currently taking antimalarial medicines|antimalarial",
            "Antimalarial prophylaxis within 4 weeks|antimalarial",
            "Taking a tetracycline within 6 months|tetracycline",
            "Use of tetracycline antibiotics|tetracycline",
            "Chronic use of pain medication|analgesic",
            "Long-term use of analgesics|analgesic",
            "Exposure to a general anesthetic within 2 weeks|general_anaesthetic",
            "Known hypersensitivity to volatile anaesthetic agents|general_anaesthetic",
            "Current use of sedatives|hypnotic_sedative",
            "Regular use of sleeping pills|hypnotic_sedative",
            "St. John's wort|st_johns_wort",
            "Use of Hypericum perforatum within 14 days|st_johns_wort",
            "Stable dose of anti-Parkinson medications for 4 weeks|dopaminergic_antiparkinson",
            "Dopaminergic therapy started within 3 months|dopaminergic_antiparkinson",
            "Subject receiving dopamine agonists|dopamine_agonist",
            "Treatment with a dopamine receptor agonist|dopamine_agonist",
            "Treatment with cholinesterase inhibitors|cholinesterase_inhibitor",
            "Stable dose of acetylcholinesterase inhibitors (AChEIs) for 3 months|cholinesterase_inhibitor",
            "Regular use of leukotriene receptor antagonists|leukotriene_antagonist",
            // zileuton inhibits the leukotrienes' synthesis: a pathway inhibitor, no receptor antagonist
            "Concurrent use of another leukotriene pathway inhibitor|leukotriene_modifier",
            "Use of antithyroid treatment|antithyroid",
            "Current anti-thyroid medication|antithyroid",
            "Previous hyaluronic acid injection within 6 months|hyaluronic_acid",
            "History of viscosupplementation in the index knee|hyaluronic_acid",
            "Allergy to gadolinium-based contrast agents|gadolinium_contrast",
            "Contraindication to gadolinium|gadolinium_contrast"})
    void aCriterionNamesTheDrug(String text, String expected) {
        assertThat(Readings.found(text)).contains(expected);
    }

    /** Each phrase names the first concept (or none), never the second. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "TNF alpha blockers|tnf_inhibitor|alpha_blocker",
            "Alpha-2 adrenergic agonists||alpha_blocker",
            "Increased risk of hypotension in combination with alpha-1 blockers||alpha_blocker",
            "Anti-thyroid peroxidase antibodies||antithyroid",
            "Anti-thyroid stimulating hormone receptor antibodies||antithyroid",
            "No previous protease inhibitor resistance documented on genotypic testing||hiv_protease_inhibitor",
            "Any prior exposure to HCV protease inhibitor therapy||hiv_protease_inhibitor",
            "Platinum-resistant epithelial ovarian cancer||platinum_compound",
            "Topical calcineurin inhibitors||calcineurin_inhibitor",
            "Tissue plasminogen activator antigen||thrombolytic",
            "Fibrinolytic activity in plasma||thrombolytic",
            "Non-statin lipid lowering therapy (e.g. ezetimibe)|ezetimibe|lipid_lowering",
            "Lipid lowering agents: gemfibrozil|fibrate|lipid_lowering",
            "Epidural analgesia||analgesic",
            "Inability to use a patient controlled analgesia device||analgesic",
            "Preoperative use of neuropathic pain medicine||analgesic",
            "Simple analgesics such as paracetamol are allowed||analgesic",
            "Had never received an analgesic regimen that contained lidocaine||analgesic",
            "Antihistamines with sedative effects|antihistamine|hypnotic_sedative",
            "Malaria infection|malaria|antimalarial",
            "Pseudocholinesterase deficiency||cholinesterase_inhibitor",
            "Primary aldosteronism||mineralocorticoid_receptor_antagonist",
            "Gadolinium-enhancing lesions on MRI|gel|gadolinium_contrast"})
    void wordsThatMeanSomethingElseAreNotTheDrug(String text, String expected, String notThis) {
        Readings.assertNames(text, expected, notThis);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Use of alpha-blockers within 2 weeks|medication alpha_blocker within 2 weeks",
            "Treatment with glycoprotein IIb/IIIa inhibitors|medication gp2b3a_inhibitor now",
            "On treatment with a P2Y12 receptor antagonist in the prior 10 days|medication p2y12_inhibitor within 10 days",
            "Fibrinolytics within 24 hours|medication thrombolytic within 24 hours",
            "Cholesterol-lowering drugs|medication lipid_lowering now",
            "Current use of fibrates|medication fibrate now",
            "Current use of ezetimibe|medication ezetimibe now",
            "Treatment with calcineurin inhibitors|medication calcineurin_inhibitor now",
            "Prior treatment with anti-CD20 antibodies|medication anti_cd20 ever",
            "No prior anti-CD20 therapy|not(medication anti_cd20 ever)",
            "Prior platinum-based chemotherapy|medication platinum_compound ever",
            "Known allergic reaction to a histone deacetylase inhibitor|allergy hdac_inhibitor",
            "Treated with hydroxyurea within 30 days|medication hydroxyurea within 30 days",
            "HIV protease inhibitors within 7 days|medication hiv_protease_inhibitor within 7 days",
            "Currently taking antimalarial medicines|medication antimalarial now",
            "Use of sedatives within 24 hours|medication hypnotic_sedative within 24 hours",
            "St. John's wort|medication st_johns_wort now",
            "Subject receiving dopamine agonists|medication dopamine_agonist now",
            "Use of antithyroid treatment|medication antithyroid now",
            "Iron chelation therapy within 7 days|medication iron_chelator within 7 days",
            "Use of vasopressors within 24 hours|medication vasopressor within 24 hours",
            "Allergy to hyaluronic acid|allergy hyaluronic_acid",
            "Previous hyaluronic acid injection within 6 months|medication hyaluronic_acid within 6 months",
            "Allergy to gadolinium-based contrast agents|allergy gadolinium_contrast",
            "Chronic use of pain medication|all(medication analgesic now, attest \"is it Chronic use of pain medication?\")"})
    void aCriterionNamingItCompilesToARuleOnIt(String text, String expected) {
        assertThat(Readings.exclusionRule(text)).isEqualTo(expected);
    }

    @Test
    void aRecordNamingOneOfItsDrugsIsOfTheClass() {
        assertThat(DICTIONARY.recognising(List.of(), "Donepezil 10 MG Oral Tablet")).extracting(Concept::id)
                .contains("cholinesterase_inhibitor");
        assertThat(DICTIONARY.recognising(List.of(), "clopidogrel 75 MG Oral Tablet")).extracting(Concept::id)
                .contains("p2y12_inhibitor", "antiplatelet");
        assertThat(DICTIONARY.recognising(List.of(), "Ritonavir 100 MG Oral Tablet")).extracting(Concept::id)
                .contains("hiv_protease_inhibitor", "antiretroviral");
        assertThat(DICTIONARY.recognising(List.of(), "Spironolactone 25 MG Oral Tablet")).extracting(Concept::id)
                .contains("mineralocorticoid_receptor_antagonist", "diuretic");
        assertThat(DICTIONARY.recognising(List.of(), "fenofibrate 145 MG Oral Tablet")).extracting(Concept::id)
                .contains("fibrate", "lipid_lowering");
        assertThat(DICTIONARY.recognising(List.of(), "Tacrolimus 1 MG Oral Capsule")).extracting(Concept::id)
                .contains("calcineurin_inhibitor", "immunosuppressant");
        assertThat(DICTIONARY.recognising(List.of(), "hydroxyurea 500 MG Oral Capsule")).extracting(Concept::id)
                .contains("hydroxyurea");
        assertThat(DICTIONARY.recognising(List.of(), "Montelukast 10 MG Oral Tablet")).extracting(Concept::id)
                .contains("leukotriene_antagonist", "leukotriene_modifier");
        // audit 32: the interleukin blockers, apremilast and the thalidomide analogues of ATC L04
        assertThat(DICTIONARY.recognising(List.of(), "guselkumab 100 MG/ML Prefilled Syringe")).extracting(Concept::id)
                .contains("immunosuppressant");
        assertThat(DICTIONARY.recognising(List.of(), "lenalidomide 10 MG Oral Capsule")).extracting(Concept::id)
                .contains("immunosuppressant");
        // audit 31: a benzodiazepine is a sedative, and estazolam a hypnotic by name; an MAOI is an antidepressant
        assertThat(DICTIONARY.recognising(List.of(), "estazolam 1 MG Oral Tablet")).extracting(Concept::id)
                .contains("hypnotic_sedative");
        assertThat(DICTIONARY.recognising(List.of(), "Lorazepam 1 MG Oral Tablet")).extracting(Concept::id)
                .contains("benzodiazepine", "hypnotic_sedative");
        assertThat(DICTIONARY.recognising(List.of(), "phenelzine 15 MG Oral Tablet")).extracting(Concept::id)
                .contains("antidepressant");
        assertThat(DICTIONARY.recognising(List.of(), "zileuton 600 MG Extended Release Oral Tablet"))
                .extracting(Concept::id).contains("leukotriene_modifier").doesNotContain("leukotriene_antagonist");
        // audit 22: the L04 drugs of rheumatology and transplantation, as an RxNorm record names them
        assertThat(DICTIONARY.recognising(List.of(), "tofacitinib 5 MG Oral Tablet")).extracting(Concept::id)
                .contains("immunosuppressant");
        assertThat(DICTIONARY.recognising(List.of(), "abatacept 125 MG/ML Prefilled Syringe")).extracting(Concept::id)
                .contains("immunosuppressant");
        // a drug of none of the new classes stays out of them
        assertThat(DICTIONARY.recognising(List.of(), "Atorvastatin 20 MG Oral Tablet")).extracting(Concept::id)
                .contains("statin", "lipid_lowering").doesNotContain("fibrate", "ezetimibe");
    }

    @Test
    void aRecordCodedUnderTheClassIsOfTheClass() {
        assertThat(atc("G04CA02")).contains("alpha_blocker");
        assertThat(atc("C02CA04")).contains("alpha_blocker");
        assertThat(atc("B01AC16")).contains("gp2b3a_inhibitor", "antiplatelet");
        assertThat(atc("B01AC24")).contains("p2y12_inhibitor", "antiplatelet");
        assertThat(atc("L04AD02")).contains("calcineurin_inhibitor", "immunosuppressant");
        // sirolimus under its code before and after the 2024 revision of L04
        assertThat(atc("L04AA10")).contains("mtor_inhibitor");
        assertThat(atc("L04AH01")).contains("mtor_inhibitor");
        assertThat(atc("L01XA02")).contains("platinum_compound", "cytotoxic");
        assertThat(atc("J05AE10")).contains("hiv_protease_inhibitor", "antiretroviral");
        assertThat(atc("C03DA01")).contains("mineralocorticoid_receptor_antagonist", "diuretic");
        assertThat(atc("N06AX25")).contains("st_johns_wort");
        assertThat(atc("M09AX01")).contains("hyaluronic_acid");
        assertThat(atc("V08CA09")).contains("gadolinium_contrast");
        // the thrombolytic enzymes of B01AD, not every enzyme there (B01AD12, protein C)
        assertThat(atc("B01AD02")).contains("thrombolytic");
        assertThat(atc("B01AD12")).doesNotContain("thrombolytic");
    }

    private static List<String> atc(String code) {
        return DICTIONARY.recognising(List.of(new Code("http://www.whocc.no/atc", code, null)), null).stream()
                .map(Concept::id).toList();
    }
}
