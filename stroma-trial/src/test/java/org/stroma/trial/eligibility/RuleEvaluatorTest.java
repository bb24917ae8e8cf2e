package org.stroma.trial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.trial.PatientBuilder.patient;
import static org.stroma.trial.TrialFixtures.SCREENED;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroma.trial.PatientBuilder;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.eligibility.rule.RuleParser;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Code;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.Silence;

/** What each kind of rule decides, and when it declines to decide. Screening date: {@link TrialFixtures#SCREENED}. */
class RuleEvaluatorTest {
    private static final LocalDate LAST_MONTH = SCREENED.minusMonths(1);

    private static Finding evaluate(String rule, PatientBuilder patient) {
        return evaluate(rule, patient.build());
    }

    private static Finding evaluate(String rule, PatientRecord patient) {
        PatientFacts facts = PatientFacts.of(patient, TrialFixtures.DICTIONARY);
        return new RuleEvaluator(TrialFixtures.DICTIONARY, SCREENED, facts, "X1", id -> Finding.unknown("no criterion "
                + id)).evaluate(RuleParser.parse(rule));
    }

    @Test
    void theLatestMeasurementInTheWindowDecides() {
        PatientBuilder p = patient("p").measured("lvef", 50, "%", SCREENED.minusMonths(6))
                .measured("lvef", 40, "%", LAST_MONTH);
        Finding f = evaluate("measure lvef <= 45 % within 12 months", p);
        assertThat(f.verdict()).isEqualTo(Verdict.MET);
        assertThat(f.evidence()).singleElement().satisfies(e -> {
            assertThat(e.value()).isEqualTo("40 %");
            assertThat(e.date()).isEqualTo(LAST_MONTH);
        });
        assertThat(f.reason()).contains("40 %").contains(LAST_MONTH.toString()).contains("≤ 45");
    }

    @Test
    void aMeasurementOutsideTheWindowIsMissingData() {
        Finding f = evaluate("measure lvef <= 45 % within 12 months",
                patient("p").measured("lvef", 30, "%", SCREENED.minusMonths(13)));
        assertThat(f.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(f.reason()).contains("no left ventricular ejection fraction recorded within the last 12 months");
    }

    @Test
    void aMeasurementAfterTheScreeningDateDoesNotCount() {
        Finding f = evaluate("measure lvef <= 45 % within 12 months",
                patient("p").measured("lvef", 30, "%", SCREENED.plusDays(1)));
        assertThat(f.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void creatinineIsComparedInTheCriterionsUnitWhateverTheRecordsUnit() {
        String rule = "measure creatinine >= 250 µmol/L within 12 months";
        assertThat(evaluate(rule, patient("p").measured("creatinine", 2.83, "mg/dL", LAST_MONTH)).verdict())
                .isEqualTo(Verdict.MET);
        assertThat(evaluate(rule, patient("p").measured("creatinine", 2.82, "mg/dL", LAST_MONTH)).verdict())
                .isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate(rule, patient("p").measured("creatinine", 0.25, "mmol/L", LAST_MONTH)).verdict())
                .isEqualTo(Verdict.MET);
    }

    @Test
    void aUnitThatDoesNotConvertGivesUnknownWithTheReason() {
        Finding f = evaluate("measure creatinine >= 250 µmol/L within 12 months",
                patient("p").measured("creatinine", 3, "mg/24h", LAST_MONTH));
        assertThat(f.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(f.reason()).contains("'mg/24h'").contains("does not convert");
        assertThat(f.evidence()).isNotEmpty();
    }

    @Test
    void anImplausibleValueGivesUnknownNotAVerdict() {
        // an LVEF of 450 % is a typing error, not a patient with a very good heart
        Finding f = evaluate("measure lvef > 45 % within 12 months", patient("p").measured("lvef", 450, "%", LAST_MONTH));
        assertThat(f.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(f.reason()).contains("implausible");
    }

    @Test
    void multiplesOfTheUpperLimitOfNormalUseTheLaboratorysLimitWhenGiven() {
        String rule = "measure ast > 3 x uln within 12 months";
        assertThat(evaluate(rule, patient("p").measured("ast", 121, "U/L", 40, LAST_MONTH)).verdict())
                .isEqualTo(Verdict.MET);
        assertThat(evaluate(rule, patient("p").measured("ast", 120, "U/L", 40, LAST_MONTH)).verdict())
                .isEqualTo(Verdict.NOT_MET);
        Finding byDefault = evaluate(rule, patient("p").measured("ast", 150, "U/L", LAST_MONTH));
        assertThat(byDefault.reason()).contains("Stroma's default");
        double uln = TrialFixtures.DICTIONARY.get("ast").uln();
        assertThat(byDefault.verdict()).isEqualTo(150 / uln > 3 ? Verdict.MET : Verdict.NOT_MET);
    }

    @Test
    void egfrIsComputedFromCreatinineByTheEquationTheCriterionNames() {
        // 2.0 mg/dL, 65-year-old woman: MDRD 25.01, CKD-EPI 2021 27.21 (reference table)
        PatientBuilder p = patient("p").female().aged(65, LAST_MONTH).measured("creatinine", 2.0, "mg/dL", LAST_MONTH);
        Finding mdrd = evaluate("measure egfr < 25.1 mL/min/1.73m2 by MDRD within 12 months", p);
        assertThat(mdrd.verdict()).isEqualTo(Verdict.MET);
        assertThat(mdrd.reason()).contains("25.01").contains("MDRD");
        Finding ckdEpi = evaluate("measure egfr < 27.2 mL/min/1.73m2 within 12 months", p);
        assertThat(ckdEpi.verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(ckdEpi.reason()).contains("27.21").contains("CKD-EPI 2021");
        assertThat(ckdEpi.evidence()).extracting(Evidence::what).contains("serum creatinine", "eGFR (CKD-EPI 2021)");
    }

    @Test
    void aRecordedEgfrIsUsedWhenTheCriterionNamesNoEquation() {
        PatientBuilder p = patient("p").female().aged(65, LAST_MONTH).measured("creatinine", 2.0, "mg/dL", LAST_MONTH)
                .measured("egfr", 61, "mL/min/{1.73_m2}", LAST_MONTH);
        assertThat(evaluate("measure egfr < 60 mL/min/1.73m2 within 12 months", p).verdict())
                .isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void egfrNeedsAgeAndSex() {
        Finding f = evaluate("measure egfr < 60 mL/min/1.73m2 by MDRD within 12 months",
                patient("p").aged(60, SCREENED).measured("creatinine", 1.0, "mg/dL", LAST_MONTH));
        assertThat(f.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(f.reason()).contains("sex");
    }

    @Test
    void classesReadFromCodedValuesAndFromNumbers() {
        String rule = "class nyha in III,IV within 12 months";
        assertThat(evaluate(rule, patient("p").assessed("nyha", "III", LAST_MONTH)).verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate(rule, patient("p").assessed("nyha", "II", LAST_MONTH)).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate(rule, patient("p").measured("nyha", 4, "{class}", LAST_MONTH)).verdict())
                .isEqualTo(Verdict.MET);
    }

    @Test
    void conditionsInTheirWindows() {
        LocalDate threeMonthsAgo = SCREENED.minusMonths(3);
        String rule = "condition myocardial_infarction within 3 months";
        assertThat(evaluate(rule, patient("p").had("myocardial_infarction", threeMonthsAgo, threeMonthsAgo.plusDays(1)))
                .verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate(rule, patient("p").had("myocardial_infarction", threeMonthsAgo.minusDays(10),
                threeMonthsAgo.minusDays(1))).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate("condition myocardial_infarction ever", patient("p").had("myocardial_infarction",
                SCREENED.minusYears(9), SCREENED.minusYears(8))).verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate("condition atrial_fibrillation now", patient("p").had("atrial_fibrillation",
                SCREENED.minusYears(2), SCREENED.minusYears(1))).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate("condition atrial_fibrillation now", patient("p")).reason())
                .isEqualTo("no atrial fibrillation on record");
    }

    @Test
    void aRecordOfASubtypeIsARecordOfTheDisease() {
        assertThat(evaluate("condition ms now", patient("p").has("rrms", SCREENED.minusYears(3))).verdict())
                .isEqualTo(Verdict.MET);
    }

    @Test
    void aRecordOfTheBroaderDiseaseIsNeitherAYesNorANoForTheSubtype() {
        Finding f = evaluate("condition rrms now", patient("p").has("ms", SCREENED.minusYears(3)));
        assertThat(f.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(f.reason()).contains("broader than relapsing").contains("not recorded");
        assertThat(evaluate("condition ischemic_cardiomyopathy now", patient("p").has("ischemic_heart_disease",
                SCREENED.minusYears(3))).verdict()).isEqualTo(Verdict.UNKNOWN);
        // a broader record that has ended says nothing of now, and the narrower one is absent as before
        assertThat(evaluate("condition rrms now", patient("p").had("ms", SCREENED.minusYears(3),
                SCREENED.minusYears(2))).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate("condition rrms now", patient("p").has("stroke", SCREENED.minusYears(3))).verdict())
                .isEqualTo(Verdict.NOT_MET);
        // the record says which form elsewhere: MS beside RRMS is RRMS, and not SPMS
        assertThat(evaluate("condition spms now", patient("p").has("ms", SCREENED.minusYears(3))
                .has("rrms", SCREENED.minusYears(3))).verdict()).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aCodeAboveTheConceptsCodeIsNeitherAYesNorANo() {
        // I25 (chronic ischaemic heart disease) stands above I25.5, ischaemic cardiomyopathy
        PatientRecord category = new PatientRecord("p", null, AdministrativeSex.MALE, List.of(), List.of(
                Diagnosis.of(new Code("http://hl7.org/fhir/sid/icd-10-cm", "I25", "Chronic IHD"), LAST_MONTH)),
                List.of(), List.of(), Map.of());
        assertThat(evaluate("condition ischemic_cardiomyopathy now", category).verdict()).isEqualTo(Verdict.UNKNOWN);
        PatientRecord sibling = new PatientRecord("p", null, AdministrativeSex.MALE, List.of(), List.of(
                Diagnosis.of(new Code("http://hl7.org/fhir/sid/icd-10-cm", "I25.1", "Atherosclerotic heart disease"),
                        LAST_MONTH)), List.of(), List.of(), Map.of());
        assertThat(evaluate("condition ischemic_cardiomyopathy now", sibling).verdict()).isEqualTo(Verdict.NOT_MET);
        // E11.35 is type 2 diabetes with proliferative retinopathy: a record of E11 is diabetes, not unsaid retinopathy
        PatientRecord diabetes = new PatientRecord("p", null, AdministrativeSex.MALE, List.of(), List.of(
                Diagnosis.of(new Code("http://hl7.org/fhir/sid/icd-10-cm", "E11", "Type 2 diabetes"), LAST_MONTH)),
                List.of(), List.of(), Map.of());
        assertThat(evaluate("condition proliferative_retinopathy ever", diabetes).verdict())
                .isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void anAcuteEventIsRecordedAsItselfNotHiddenInTheDisease() {
        assertThat(evaluate("condition myocardial_infarction within 3 months", patient("p").has(
                "ischemic_heart_disease", SCREENED.minusYears(3))).verdict()).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aWindowInHoursTakesInEveryDayItTouches() {
        assertThat(evaluate("condition myocardial_infarction within 48 hours", patient("p").has(
                "myocardial_infarction", SCREENED.minusDays(2))).verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate("condition myocardial_infarction within 6 hours", patient("p").has(
                "myocardial_infarction", SCREENED.minusDays(1))).verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate("condition myocardial_infarction within 48 hours", patient("p").has(
                "myocardial_infarction", SCREENED.minusDays(3))).verdict()).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void conditionsAreFoundByEveryCodeSystemTheDictionaryKnows() {
        PatientRecord icd = new PatientRecord("p", null, AdministrativeSex.MALE, List.of(), List.of(
                Diagnosis.of(new Code("http://hl7.org/fhir/sid/icd-10-cm", "I21.4", "NSTEMI"), LAST_MONTH)),
                List.of(), List.of(), Map.of());
        assertThat(evaluate("condition myocardial_infarction within 3 months", icd).verdict()).isEqualTo(Verdict.MET);
        PatientRecord snomed = new PatientRecord("p", null, AdministrativeSex.MALE, List.of(), List.of(
                Diagnosis.of(new Code(Code.SNOMED, "22298006", "Myocardial infarction"), LAST_MONTH)),
                List.of(), List.of(), Map.of());
        assertThat(evaluate("condition myocardial_infarction within 3 months", snomed).verdict())
                .isEqualTo(Verdict.MET);
    }

    @Test
    void pregnancyDoesNotApplyToAMan() {
        Finding f = evaluate("condition pregnancy now", patient("p").male());
        assertThat(f.verdict()).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void plannedProceduresCountOnlyForTheNextWindow() {
        String rule = "procedure revascularization next 30 days";
        assertThat(evaluate(rule, patient("p").planned("pci", SCREENED.plusDays(30))).verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate(rule, patient("p").planned("pci", SCREENED.plusDays(31))).verdict())
                .isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate(rule, patient("p").underwent("pci", SCREENED.minusDays(2))).verdict())
                .isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate("procedure revascularization within 3 months", patient("p").underwent("cabg",
                SCREENED.minusMonths(3))).verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void surgeryIsAnOpenClassAProcedureTheDictionaryDoesNotPlaceMayBeOne() {
        String rule = "procedure surgery within 3 months";
        Code arthroscopy = new Code("http://snomed.info/sct", "000001", "Arthroscopy of knee");
        Code surgical = new Code("http://snomed.info/sct", "387713003", "Surgical procedure");
        // a surgery the dictionary knows by name, or any procedure whose category is surgical
        assertThat(evaluate(rule, patient("p").underwent("appendectomy", LAST_MONTH)).verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate(rule, patient("p").underwent(LAST_MONTH, arthroscopy, surgical)).verdict())
                .isEqualTo(Verdict.MET);
        // a procedure placed nowhere, in the window: it may be a surgery, and is no "no"
        Finding unplaced = evaluate(rule, patient("p").underwent(LAST_MONTH, arthroscopy));
        assertThat(unplaced.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(unplaced.reason()).contains("Arthroscopy of knee", "does not place");
        // outside the window, or a procedure the dictionary places elsewhere (a colonoscopy): no surgery
        assertThat(evaluate(rule, patient("p").underwent(SCREENED.minusYears(1), arthroscopy)).verdict())
                .isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate(rule, patient("p").underwent("colonoscopy", LAST_MONTH)).verdict())
                .isEqualTo(Verdict.NOT_MET);
        // a closed class is not so: an unplaced procedure is no PCI
        assertThat(evaluate("procedure pci within 3 months", patient("p").underwent(LAST_MONTH, arthroscopy)).verdict())
                .isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void washOutPeriodsByDrugClass() {
        String rule = "medication corticosteroid within 30 days";
        assertThat(evaluate(rule, patient("p").took("corticosteroid", SCREENED.minusDays(90), SCREENED.minusDays(30)))
                .verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate(rule, patient("p").took("corticosteroid", SCREENED.minusDays(90), SCREENED.minusDays(31)))
                .verdict()).isEqualTo(Verdict.NOT_MET);
        // a drug known only by name is placed in its class by the ingredient
        assertThat(evaluate(rule, patient("p").tookNamed("Prednisone 5 MG Oral Tablet", SCREENED.minusDays(10), null))
                .verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate("medication immunosuppressant named \"colchicine\" now", patient("p")
                .tookNamed("Colchicine 0.6 MG", SCREENED.minusDays(10), null)).verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aDrugStoppedOnADateNotRecordedLeavesAWashOutOpen() {
        String rule = "medication corticosteroid within 30 days";
        Finding f = evaluate(rule, patient("p").stopped("corticosteroid", SCREENED.minusDays(90)));
        assertThat(f.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(f.reason()).contains("stopped on a date the record does not give");
        // started inside the window: taken in it, whenever it stopped
        assertThat(evaluate(rule, patient("p").stopped("corticosteroid", SCREENED.minusDays(10))).verdict())
                .isEqualTo(Verdict.MET);
        assertThat(evaluate("exposure corticosteroid >= 1 year", patient("p").stopped("corticosteroid",
                SCREENED.minusYears(3))).verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void exposureAddsUpTreatmentTime() {
        String rule = "exposure interferon_beta,glatiramer >= 1 year";
        PatientBuilder enough = patient("p").took("interferon_beta", SCREENED.minusMonths(30), SCREENED.minusMonths(24))
                .took("glatiramer", SCREENED.minusMonths(20), SCREENED.minusMonths(14));
        assertThat(evaluate(rule, enough).verdict()).isEqualTo(Verdict.MET);
        PatientBuilder tooShort = patient("p").took("interferon_beta", SCREENED.minusMonths(8), SCREENED.minusMonths(2));
        assertThat(evaluate(rule, tooShort).verdict()).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void diseaseDurationFromTheFirstOnset() {
        String rule = "duration ms 2..10 years";
        assertThat(evaluate(rule, patient("p").has("ms", SCREENED.minusYears(2))).verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate(rule, patient("p").has("ms", SCREENED.minusYears(2).plusDays(1))).verdict())
                .isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate(rule, patient("p").has("ms", SCREENED.minusYears(11))).verdict()).isEqualTo(Verdict.NOT_MET);
        PatientRecord noOnset = new PatientRecord("p", null, null, List.of(), List.of(new Diagnosis(List.of(
                new Code(Code.SNOMED, "24700007", "MS")), null, null, null)), List.of(), List.of(), Map.of());
        assertThat(evaluate(rule, noOnset).verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aPregnancyRecordedLongAgoAndNeverClosedIsOver() {
        // a normal pregnancy coded at the first visit is rarely closed after the birth; none lasts 43 weeks and more
        assertThat(evaluate("condition pregnancy now", patient("p").has("pregnancy", SCREENED.minusMonths(3)))
                .verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate("condition pregnancy now", patient("p").has("pregnancy", SCREENED.minusYears(2)))
                .verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate("condition pregnancy within 24 months", patient("p").has("pregnancy",
                SCREENED.minusMonths(30))).verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate("condition pregnancy within 12 months", patient("p").has("pregnancy",
                SCREENED.minusMonths(30))).verdict()).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void increasesStepByTheCurrentScore() {
        String rule = "increase edss within 12 months: 1 if <= 5; 0.5 if >= 5.5";
        assertThat(evaluate(rule, patient("p").measured("edss", 3, "{score}", SCREENED.minusMonths(11))
                .measured("edss", 4, "{score}", LAST_MONTH)).verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate(rule, patient("p").measured("edss", 3.5, "{score}", SCREENED.minusMonths(11))
                .measured("edss", 4, "{score}", LAST_MONTH)).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate(rule, patient("p").measured("edss", 5.5, "{score}", SCREENED.minusMonths(11))
                .measured("edss", 6, "{score}", LAST_MONTH)).verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate(rule, patient("p").measured("edss", 4, "{score}", LAST_MONTH)).verdict())
                .isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void attestationsAreAnsweredByCriterion() {
        Finding open = evaluate("attest \"candidate for revascularization?\"", patient("p"));
        assertThat(open.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(open.reason()).contains("needs the investigator's attestation");
        assertThat(evaluate("attest \"candidate?\"", patient("p").attests("X1", false)).verdict())
                .isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate("attest \"candidate?\"", patient("p").attests("X2", true)).verdict())
                .isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void threeValuedLogic() {
        PatientBuilder p = patient("p").measured("lvef", 40, "%", LAST_MONTH);
        // unknown or met is met; unknown and not met is not met; unknown and met stays unknown
        assertThat(evaluate("any(measure hba1c > 7 % within 12 months, measure lvef <= 45 % within 12 months)", p)
                .verdict()).isEqualTo(Verdict.MET);
        assertThat(evaluate("all(measure hba1c > 7 % within 12 months, measure lvef > 45 % within 12 months)", p)
                .verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate("all(measure hba1c > 7 % within 12 months, measure lvef <= 45 % within 12 months)", p)
                .verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(evaluate("not(measure hba1c > 7 % within 12 months)", p).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(evaluate("not(measure lvef > 45 % within 12 months)", p).verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void ageNeedsAPlausibleBirthDate() {
        assertThat(evaluate("age 18..75", patient("p")).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(evaluate("age 18..75", patient("p").born(SCREENED.minusYears(130))).reason()).contains("implausible");
        assertThat(evaluate("sex female", patient("p")).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(evaluate("sex female", patient("p").female()).verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aRuleNamingAConceptTheDictionaryLacksIsUnknown() {
        Finding f = evaluate("measure galectin3 < 14 ng/L within 1 month", patient("p"));
        assertThat(f.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(f.reason()).contains("no concept 'galectin3'");
    }

    @Test
    void medicationsOfAClassAreFoundByTheirAtcCode() {
        PatientRecord p = new PatientRecord("p", null, null, List.of(), List.of(), List.of(), List.of(new Medication(
                List.of(new Code(Code.ATC, "H02AB06", "prednisolone")), "Solupred", SCREENED.minusDays(5), null, false, "m1")),
                Map.of());
        assertThat(evaluate("medication corticosteroid within 30 days", p).verdict()).isEqualTo(Verdict.MET);
    }

    private static PatientRecord allergic(Silence silence, Allergy... allergies) {
        return new PatientRecord("A1", null, AdministrativeSex.FEMALE, List.of(), List.of(), List.of(), List.of(),
                List.of(allergies), Map.of(), silence);
    }

    @Test
    void anAllergyIsMetByItsClassCodeOrItsName() {
        Allergy amoxicillin = Allergy.toDrug(new Code("http://www.whocc.no/atc", "J01CA04", "amoxicillin"));
        assertThat(evaluate("allergy penicillin", allergic(Silence.CLOSED, amoxicillin)).verdict())
                .isEqualTo(Verdict.MET);
        assertThat(evaluate("allergy cephalosporin", allergic(Silence.CLOSED, amoxicillin)).verdict())
                .isEqualTo(Verdict.NOT_MET);
        Allergy latex = new Allergy(List.of(), "Latex (substance)", false, true, LAST_MONTH, "AllergyIntolerance/1");
        Finding named = evaluate("allergy named \"latex\"", allergic(Silence.CLOSED, latex));
        assertThat(named.verdict()).isEqualTo(Verdict.MET);
        assertThat(named.reason()).contains("Latex", LAST_MONTH.toString());
    }

    @Test
    void aResolvedAllergyOrOneToADrugOfNoKnownClassIsUnknownNotANo() {
        Allergy resolved = new Allergy(List.of(new Code("http://www.whocc.no/atc", "J01CA04", "amoxicillin")),
                "amoxicillin", true, false, null, null);
        assertThat(evaluate("allergy penicillin", allergic(Silence.CLOSED, resolved)).reason()).contains("resolved");
        assertThat(evaluate("allergy penicillin", allergic(Silence.CLOSED, resolved)).verdict())
                .isEqualTo(Verdict.UNKNOWN);
        Allergy unplaced = Allergy.toDrug(new Code("http://snomed.info/sct", "000000", "Drug X"));
        assertThat(evaluate("allergy penicillin", allergic(Silence.CLOSED, unplaced)).verdict())
                .isEqualTo(Verdict.UNKNOWN);
        // an unplaced drug may be a drug asked by name under another name ("Zestril" for lisinopril)
        assertThat(evaluate("allergy named \"lisinopril\"", allergic(Silence.CLOSED, unplaced)).verdict())
                .isEqualTo(Verdict.UNKNOWN);
        // a food allergy says nothing of a drug class
        Allergy food = new Allergy(List.of(new Code("http://snomed.info/sct", "000001", "Peanut")), null, false, true,
                null, null);
        assertThat(evaluate("allergy penicillin", allergic(Silence.CLOSED, food)).verdict()).isEqualTo(Verdict.NOT_MET);
        // the coordinator's "no" stands beside another allergy typed
        Allergy nickel = new Allergy(List.of(), "nickel", false, true, null, "typed");
        assertThat(evaluate("allergy penicillin", allergic(Silence.typed(java.util.Set.of(new Silence.Denial(
                Silence.Kind.ALLERGY, "penicillin"))), nickel, unplaced)).verdict()).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aTypedRecordWithoutTheAllergyIsUnknownUntilTheCoordinatorSaysNo() {
        assertThat(evaluate("allergy penicillin", allergic(Silence.typed(java.util.Set.of()))).verdict())
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(evaluate("allergy penicillin", allergic(Silence.typed(java.util.Set.of(new Silence.Denial(
                Silence.Kind.ALLERGY, "penicillin"))))).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate("allergy penicillin named \"latex\"", allergic(Silence.typed(java.util.Set.of(
                Silence.NO_KNOWN_ALLERGIES)))).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(evaluate("allergy penicillin", allergic(Silence.CLOSED)).verdict()).isEqualTo(Verdict.NOT_MET);
    }
}
