package org.stroma.trial.eligibility.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Combinator;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.TrialFixtures;

class CriteriaCompilerTest {
    private static final CriteriaCompiler COMPILER = new CriteriaCompiler(TrialFixtures.DICTIONARY);

    private static CompiledCriterion compile(CriterionKind kind, String text) {
        return COMPILER.compile(new Criterion("X1", kind, text, null, List.of()));
    }

    private static String rule(String seed, String id) {
        return TrialFixtures.compiled(seed).all().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow()
                .rule().ruleText();
    }

    @Test
    void atLeast80PercentOfTheSeedsMeasurableCriteriaCompile() {
        List<CoverageReport.Trial> trials = TrialFixtures.SEEDS.stream().map(s -> new CoverageReport.Trial(s, s,
                TrialFixtures.compiled(s))).toList();
        assertThat(CoverageReport.share(trials)).isGreaterThanOrEqualTo(0.80);
    }

    /** Criteria phrased as registry records phrase them, beyond the seeds. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "I|LVEF < 40%|measure lvef < 40 % within 12 months",
            "I|Left ventricular ejection fraction between 20% and 40% by echocardiography|measure lvef 20..40 % within 12 months",
            "E|Serum creatinine > 2.5 mg/dL|measure creatinine > 2.5 mg/dL within 12 months",
            "E|Platelet count < 100 x 10^9/L|measure platelets < 100 x10^9/L within 12 months",
            "E|History of stroke within the last 6 months|condition stroke within 6 months",
            "E|Treatment with systemic corticosteroids within 30 days before enrollment|medication corticosteroid within 30 days",
            "E|HIV, hepatitis B or hepatitis C infection|any(condition hiv now, condition hepatitis_b now, condition hepatitis_c now)",
            "I|NYHA class II or III|class nyha in II,III within 12 months",
            "E|eGFR < 45 mL/min/1.73 m2 (CKD-EPI)|measure egfr < 45 mL/min/1.73m2 by CKD_EPI_2021 within 12 months",
            "E|Myocardial infarction within 90 days prior to screening|condition myocardial_infarction within 90 days",
            "I|HbA1c ≥ 6.5% or treated with metformin|any(measure hba1c >= 6.5 % within 12 months, medication metformin now)",
            "E|AST or ALT > 2.5 x ULN|any(measure ast > 2.5 x uln within 12 months, measure alt > 2.5 x uln within 12 months)",
            "E|INR > 1.5 unless on anticoagulants|all(measure inr > 1.5 {INR} within 12 months, not(medication anticoagulant now))",
            "E|Pregnant or breastfeeding women|any(condition pregnancy now, condition breastfeeding now)",
            "I|Age 40-80 years|age 40..80",
            // outside a range: either bound, never the first alone (which had let a 76-year-old in)
            "E|Age <18 years or >75 years|any(age < 18, age > 75)",
            "E|age <45 or >80|any(age < 45, age > 80)",
            // both bounds of an inclusion, never the first alone; a list's numbering is no part of the criterion
            "I|Age ≥ 18 years and < 80 years|age >=18..<80",
            "I|> 18 years of age and < 70 years of age|age >18..<70",
            "I|1. Age 18-80 years|age 18..80",
            // one unit written after both bounds is the unit of both; a joining word after a number is no unit
            "E|Serum sodium < 130 or > 150 mmol/L|any(measure sodium < 130 mmol/L within 12 months, measure sodium > 150"
                    + " mmol/L within 12 months)",
            "E|Hemoglobin < 8 or > 18 g/dL|any(measure hemoglobin < 8 g/dL within 12 months, measure hemoglobin > 18"
                    + " g/dL within 12 months)",
            "E|Prior coronary artery bypass grafting|procedure cabg ever",
            "I|Peak VO2 ≤ 14 mL/kg/min|measure vo2max <= 14 mL/kg/min within 12 months",
            "E|Hematocrit below 30%|measure hematocrit < 30 % within 12 months",
            "E|Positive serology for HTLV-1 and 2, HIV or syphilis|any(condition htlv now, condition hiv now, condition syphilis now)",
            "E|Known active malignancy|all(condition malignancy now, attest \"is it active malignancy?\")"})
    void compilesCommonPhrasings(String kind, String text, String expected) {
        CompiledCriterion c = compile(kind.equals("I") ? CriterionKind.INCLUSION : CriterionKind.EXCLUSION, text);
        assertThat(c.rule().ruleText()).isEqualTo(expected);
        assertThat(c.measurable()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Signed informed consent",
            "Any condition that in the opinion of the investigator would make the patient unsuitable",
            "Women of childbearing potential must use contraception",
            "Not a candidate for revascularization by coronary artery by-pass surgery or angioplasty"})
    void judgementAndConsentStayForTheInvestigator(String text) {
        CompiledCriterion c = compile(CriterionKind.INCLUSION, text);
        assertThat(c.compilation()).isEqualTo(Compilation.ATTESTATION);
        assertThat(c.measurable()).isFalse();
        assertThat(c.rule().ruleText()).startsWith("attest \"");
    }

    /**
     * How many readings were so is asked: "no more than one" reading in a range is no requirement that the value be
     * in it (it had become `measure hiv_rna >=50..<200`).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "No more than one HIV-1 plasma RNA greater than or equal to 50 and less than 200 copies/mL in the past 6 months",
            "Not more than 2 readings of systolic blood pressure > 160 mmHg"})
    void aCountOfReadingsIsAsked(String text) {
        assertThat(compile(CriterionKind.INCLUSION, text).rule().ruleText()).startsWith("attest \"")
                .doesNotContain("measure");
    }

    /** An age with more said than the age is asked whole: one bound alone would have been a wrong rule. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Patients < 18 years of age and >70 years of age",
            "For patients ≥ 40 years of age: any 1 of the following",
            "Ages =18 years old, < 80 years old"})
    void anAgeWithMoreSaidThanTheAgeIsAsked(String text) {
        assertThat(compile(CriterionKind.EXCLUSION, text).rule().ruleText()).startsWith("attest \"")
                .doesNotContain("age <", "age >");
    }

    @Test
    void theSeedsThresholdsCompileWithTheirUnitsAndWindows() {
        assertThat(rule(TrialFixtures.MESAMI2, "I4")).isEqualTo("measure lvef <= 45 % within 12 months");
        assertThat(rule(TrialFixtures.MESAMI2, "E13"))
                .isEqualTo("all(condition renal_failure now, measure creatinine >= 250 µmol/L within 12 months)");
        assertThat(rule(TrialFixtures.MESAMI2, "E4")).isEqualTo("procedure revascularization next 30 days");
        assertThat(rule(TrialFixtures.MESAMI2, "R-AGE")).isEqualTo("age 18..75");
        assertThat(rule(TrialFixtures.MESEMS_T, "E7")).isEqualTo("condition ms_relapse within 60 days");
        assertThat(rule(TrialFixtures.MESEMS_T, "I4.2")).isEqualTo("count ms_relapse >= 2 within 24 months");
        assertThat(rule(TrialFixtures.MESEMS_T, "I6.1")).isEqualTo("increase edss within 12 months: 1 if <= 5; 0.5 if >= 5.5");
        assertThat(rule(TrialFixtures.MESEMS_T, "E5"))
                .isEqualTo("any(medication interferon_beta within 1 month, medication glatiramer within 1 month)");
        assertThat(rule(TrialFixtures.ACESO, "E3")).isEqualTo("measure egfr < 30 mL/min/1.73m2 by MDRD within 12 months");
        assertThat(rule(TrialFixtures.ACESO, "E9"))
                .isEqualTo("any(measure ast > 3 x uln within 12 months, measure alt > 3 x uln within 12 months)");
        assertThat(rule(TrialFixtures.UC_MSC_DCM, "I3"))
                .isEqualTo("all(condition dilated_cardiomyopathy now, class nyha in III,IV within 12 months)");
        assertThat(rule(TrialFixtures.UC_MSC_DCM, "E7")).contains("medication corticosteroid within 4 weeks");
        assertThat(rule(TrialFixtures.MESEMS_G, "I3")).isEqualTo("duration ms 2..10 years");
    }

    @Test
    void msSubtypeBranchesAreAlternatives() {
        CompiledEligibility t = TrialFixtures.compiled(TrialFixtures.MESEMS_T);
        assertThat(t.alternatives()).containsExactly(List.of("I4", "I5", "I6"));
        assertThat(rule(TrialFixtures.MESEMS_T, "E1")).isEqualTo("all(condition rrms now, not(ref I4))");
        assertThat(rule(TrialFixtures.MESEMS_T, "E3")).isEqualTo("all(condition ppms now, not(ref I6))");
        // nested under "Diagnosis of MS", the same branches become an "any" of the nested criteria
        assertThat(rule(TrialFixtures.MESEMS_G, "I1")).isEqualTo("all(condition ms now, any(ref I1.1, ref I1.2, ref I1.3))");
        assertThat(rule(TrialFixtures.MESEMS_G, "E2")).isEqualTo("all(condition spms now, not(ref I1.2))");
        assertThat(TrialFixtures.compiled(TrialFixtures.MESEMS_G).alternatives()).isEmpty();
    }

    @Test
    void aParentCombinesItsChildrenAsItsWordsSay() {
        // "as evidenced by one or more of the following" → any; "as evidenced by both" → all
        assertThat(rule(TrialFixtures.MESEMS_T, "I4")).endsWith("any(ref I4.1, ref I4.2, ref I4.3))");
        assertThat(rule(TrialFixtures.MESEMS_T, "I5")).endsWith("ref I5.1, ref I5.2)");
    }

    @Test
    void aStudyTeamsRuleReplacesTheCompiledOne() {
        Criterion handWritten = new Criterion("I5", CriterionKind.INCLUSION, "Presence of ischemia or myocardial viability",
                null, List.of(), "attest \"ischaemia or viability on perfusion imaging?\"");
        CompiledCriterion c = COMPILER.compile(handWritten);
        assertThat(c.origin()).isEqualTo(CompiledCriterion.Origin.STUDY_TEAM);
        assertThat(c.rule().ruleText()).isEqualTo("attest \"ischaemia or viability on perfusion imaging?\"");
        Criterion better = new Criterion("E20", CriterionKind.EXCLUSION, "Active uncontrolled infection", null,
                List.of(), "any(condition hiv now, condition hepatitis_c now)");
        assertThat(COMPILER.compile(better).compilation()).isEqualTo(Compilation.COMPUTED);
    }

    @Test
    void aBrokenHandWrittenRuleNamesItsCriterion() {
        Criterion typo = new Criterion("E13", CriterionKind.EXCLUSION, "eGFR < 60", null, List.of(),
                "measure egfr < 60 mL/min/1.73m2 within");
        assertThatThrownBy(() -> COMPILER.compile(typo)).isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith("criterion E13: ").hasMessageContaining("window");
        Criterion unknown = new Criterion("E14", CriterionKind.EXCLUSION, "Galectin-3", null, List.of(),
                "measure galectin3 > 14 ng/L within 1 month");
        assertThatThrownBy(() -> COMPILER.compile(unknown)).isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("'galectin3'").hasMessageContaining("dictionary");
    }

    @Test
    void aCriterionListedUnderAnotherIsCompiledOnItsOwnToo() {
        Criterion parent = new Criterion("I2", CriterionKind.INCLUSION, "One of the following:", Combinator.ANY, List.of(
                new Criterion("I2.1", CriterionKind.INCLUSION, "LVEF ≤ 35%", null, List.of()),
                new Criterion("I2.2", CriterionKind.INCLUSION, "NYHA class III or IV", null, List.of())));
        CompiledCriterion c = COMPILER.compile(parent);
        assertThat(c.rule().ruleText()).isEqualTo("any(ref I2.1, ref I2.2)");
        assertThat(c.children()).extracting(x -> x.rule().ruleText()).containsExactly(
                "measure lvef <= 35 % within 12 months", "class nyha in III,IV within 12 months");
        assertThat(c.compilation()).isEqualTo(Compilation.COMPUTED);
    }

    @Test
    void everyRuleReadsBackAsWords() {
        for (String seed : TrialFixtures.SEEDS) {
            for (CompiledCriterion c : TrialFixtures.compiled(seed).all()) {
                assertThat(c.rule().describe()).as(seed + " " + c.id()).isNotBlank().doesNotContain("null");
            }
        }
    }

    @Test
    void theCoverageReportListsEveryCriterion() {
        List<CoverageReport.Trial> trials = List.of(new CoverageReport.Trial("MESAMI2", "seed 000",
                TrialFixtures.compiled(TrialFixtures.MESAMI2)));
        String md = CoverageReport.markdown(trials, "stroma eligibility coverage");
        assertThat(md).contains("`stroma eligibility coverage`").contains("| E27 |").contains("| R-AGE |")
                .contains("`measure lvef <= 45 % within 12 months`");
    }
}
