package org.stroma.trial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.trial.PatientBuilder.patient;
import static org.stroma.trial.TrialFixtures.SCREENED;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.stroma.trial.PatientBuilder;
import org.stroma.trial.ReferencePatients;
import org.stroma.trial.TrialFixtures;

/**
 * Hand-built patients screened against the five seed trials, each sitting exactly on a threshold of a criterion, one
 * step either side of it. Each trial has one patient who meets every criterion; the tests move one fact at a time.
 */
class SeedScreeningTest {
    private static final LocalDate LAST_MONTH = SCREENED.minusMonths(1);

    private static ScreeningResult screen(String seed, PatientBuilder patient) {
        return TrialFixtures.screening(seed).screen(patient.build(), SCREENED);
    }

    private static void assertEligible(ScreeningResult r) {
        assertThat(r.verdict()).as("failing %s, open %s", r.failing(), r.open()).isEqualTo(PatientVerdict.ELIGIBLE);
    }

    private static void assertIneligibleFor(ScreeningResult r, String... failing) {
        assertThat(r.verdict()).isEqualTo(PatientVerdict.INELIGIBLE);
        assertThat(r.failing()).containsExactlyInAnyOrder(failing);
    }

    /** MESAMI2: ischaemic cardiomyopathy, LVEF ≤ 45 %, creatinine ≥ 250 µmol/L excludes, age 18 to 75. */
    @Nested
    class Mesami2 {
        private PatientBuilder eligible(int age, double lvef) {
            return ReferencePatients.mesami2("mesami2", age, lvef, SCREENED);
        }

        @Test
        void aPatientMeetingEveryCriterionIsEligible() {
            ScreeningResult r = screen(TrialFixtures.MESAMI2, eligible(60, 40));
            assertEligible(r);
            assertThat(r.criterion("I4").reason()).contains("40 %");
            assertThat(r.criterion("I4").evidence()).singleElement().extracting(Evidence::date).isEqualTo(LAST_MONTH);
        }

        @Test
        void lvefOf45IsInAndOf46IsOut() {
            ScreeningResult at45 = screen(TrialFixtures.MESAMI2, eligible(60, 45));
            assertEligible(at45);
            assertThat(at45.criterion("E5").verdict()).isEqualTo(Verdict.NOT_MET);
            ScreeningResult at46 = screen(TrialFixtures.MESAMI2, eligible(60, 46));
            assertIneligibleFor(at46, "I4", "E5");
            assertThat(at46.criterion("I4").verdict()).isEqualTo(Verdict.NOT_MET);
            assertThat(at46.criterion("E5").verdict()).isEqualTo(Verdict.MET);
        }

        @Test
        void creatinineOf249MicromolesIsInAnd250IsOut() {
            assertEligible(screen(TrialFixtures.MESAMI2, eligible(60, 40).has("renal_failure", SCREENED.minusYears(1))
                    .measured("creatinine", 249, "µmol/L", LAST_MONTH)));
            ScreeningResult at250 = screen(TrialFixtures.MESAMI2, eligible(60, 40)
                    .has("renal_failure", SCREENED.minusYears(1)).measured("creatinine", 250, "µmol/L", LAST_MONTH));
            assertIneligibleFor(at250, "E13");
            assertThat(at250.criterion("E13").reason()).contains("250 µmol/L");
        }

        @Test
        void creatinineInMilligramsIsConvertedBeforeTheComparison() {
            // 2.82 mg/dL = 249.3 µmol/L; 2.83 mg/dL = 250.2 µmol/L
            assertEligible(screen(TrialFixtures.MESAMI2, eligible(60, 40).has("renal_failure", SCREENED.minusYears(1))
                    .measured("creatinine", 2.82, "mg/dL", LAST_MONTH)));
            assertIneligibleFor(screen(TrialFixtures.MESAMI2, eligible(60, 40)
                    .has("renal_failure", SCREENED.minusYears(1)).measured("creatinine", 2.83, "mg/dL", LAST_MONTH)),
                    "E13");
        }

        @Test
        void age75IsInAnd76IsOut() {
            assertEligible(screen(TrialFixtures.MESAMI2, eligible(75, 40)));
            ScreeningResult at76 = screen(TrialFixtures.MESAMI2, eligible(76, 40));
            assertIneligibleFor(at76, "R-AGE");
            assertThat(at76.criterion("R-AGE").reason()).contains("age 76");
        }

        @Test
        void aRecentInfarctionExcludes() {
            assertIneligibleFor(screen(TrialFixtures.MESAMI2, eligible(60, 40).had("myocardial_infarction",
                    SCREENED.minusMonths(2), SCREENED.minusMonths(2).plusDays(5))), "E2");
            assertEligible(screen(TrialFixtures.MESAMI2, eligible(60, 40).had("myocardial_infarction",
                    SCREENED.minusMonths(4), SCREENED.minusMonths(4).plusDays(5))));
        }

        @Test
        void withoutTheInvestigatorsAnswersThePatientIsIncomplete() {
            ScreeningResult r = screen(TrialFixtures.MESAMI2, patient("mesami2").male().aged(60, SCREENED)
                    .has("ischemic_cardiomyopathy", SCREENED.minusYears(2)).assessed("nyha", "III", LAST_MONTH)
                    .measured("lvef", 40, "%", LAST_MONTH).measured("vo2max", 18, "mL/kg/min", LAST_MONTH)
                    .measured("wall_thickness", 10, "mm", LAST_MONTH));
            assertThat(r.verdict()).isEqualTo(PatientVerdict.INCOMPLETE);
            assertThat(r.failing()).isEmpty();
            assertThat(r.open()).contains("I1", "I3", "E9").doesNotContain("I4", "E5", "E13", "E27");
            assertThat(r.criterion("I1").reason()).contains("needs the investigator's attestation");
        }

        @Test
        void missingDataIsNamed() {
            ScreeningResult r = screen(TrialFixtures.MESAMI2, eligible(60, 40).measured("lvef", 40, "%",
                    SCREENED.minusYears(2)));
            assertThat(r.criterion("I4").verdict()).isEqualTo(Verdict.MET);
            ScreeningResult noLvef = screen(TrialFixtures.MESAMI2, patient("x").male().aged(60, SCREENED));
            assertThat(noLvef.criterion("I4").verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(noLvef.criterion("I4").reason()).contains("no left ventricular ejection fraction recorded");
        }
    }

    /** MESEMS-T (MS): subtype branches I4 (RRMS), I5 (SPMS), I6 (PPMS); a relapse within 60 days excludes (E7). */
    @Nested
    class MesemsT {
        private PatientBuilder ms(String subtype, int age) {
            return ReferencePatients.ms("mesems-" + subtype, subtype, age, SCREENED);
        }

        private PatientBuilder rrms(int age) {
            return ReferencePatients.mesemsRrms("mesems-rrms", age, SCREENED);
        }

        @Test
        void anRrmsPatientMeetingTheRrmsBranchIsEligible() {
            ScreeningResult r = screen(TrialFixtures.MESEMS_T, rrms(35));
            assertEligible(r);
            assertThat(r.criterion("I4").verdict()).isEqualTo(Verdict.MET);
            assertThat(r.criterion("I5").verdict()).isEqualTo(Verdict.NOT_MET);
            assertThat(r.criterion("I6").verdict()).isEqualTo(Verdict.NOT_MET);
            assertThat(r.criterion("I4.1").verdict()).isEqualTo(Verdict.MET);
            assertThat(r.criterion("I4.1").nested()).isTrue();
        }

        @Test
        void aRelapse60DaysAgoExcludesAnd61DaysAgoDoesNot() {
            ScreeningResult at60 = screen(TrialFixtures.MESEMS_T, rrms(35).has("ms_relapse", SCREENED.minusDays(60)));
            assertIneligibleFor(at60, "E7");
            assertThat(at60.criterion("E7").evidence()).extracting(Evidence::date).contains(SCREENED.minusDays(60));
            assertEligible(screen(TrialFixtures.MESEMS_T, rrms(35).has("ms_relapse", SCREENED.minusDays(61))));
        }

        @Test
        void age50IsInAnd51IsOut() {
            assertEligible(screen(TrialFixtures.MESEMS_T, rrms(50)));
            assertIneligibleFor(screen(TrialFixtures.MESEMS_T, rrms(51)), "R-AGE", "I1");
        }

        @Test
        void anRrmsPatientFailingTheRrmsBranchIsExcludedByE1() {
            PatientBuilder quiet = ms("rrms", 35).took("interferon_beta", SCREENED.minusYears(4), SCREENED.minusMonths(4))
                    .has("ms_relapse", SCREENED.minusMonths(30));
            // without an MRI the branch stays open: no relapse, but gadolinium-enhancing lesions are not known
            ScreeningResult noMri = screen(TrialFixtures.MESEMS_T, quiet);
            assertThat(noMri.verdict()).isEqualTo(PatientVerdict.INCOMPLETE);
            assertThat(noMri.criterion("I4.3").reason()).contains("no gadolinium");
            ScreeningResult r = screen(TrialFixtures.MESEMS_T, quiet.measured("gel", 0, "{count}", LAST_MONTH));
            assertIneligibleFor(r, "I4|I5|I6", "E1");
            assertThat(r.criterion("E1").verdict()).isEqualTo(Verdict.MET);
        }

        @Test
        void anSpmsPatientQualifiesThroughTheSpmsBranch() {
            PatientBuilder spms = ms("spms", 40).took("glatiramer", SCREENED.minusYears(3), SCREENED.minusMonths(2))
                    .has("ms_relapse", SCREENED.minusMonths(6)).measured("gel", 2, "{count}", LAST_MONTH);
            ScreeningResult r = screen(TrialFixtures.MESEMS_T, spms);
            assertEligible(r);
            assertThat(r.criterion("I5").verdict()).isEqualTo(Verdict.MET);
            assertThat(r.criterion("E2").verdict()).isEqualTo(Verdict.NOT_MET);
            // an ongoing relapse breaks I5.2 ("without on-going relapses")
            ScreeningResult relapsing = screen(TrialFixtures.MESEMS_T, spms.has("ms_relapse", SCREENED.minusDays(10)));
            assertThat(relapsing.criterion("I5.2").verdict()).isEqualTo(Verdict.NOT_MET);
            assertIneligibleFor(relapsing, "I4|I5|I6", "E2", "E7");
        }

        @Test
        void aPpmsPatientNeedsTheEdssRiseForTheirScore() {
            // at an EDSS of 5.0 or less the rise must be 1 point
            PatientBuilder ppms = ms("ppms", 40).measured("edss", 4, "{score}", SCREENED.minusMonths(11))
                    .measured("edss", 5, "{score}", LAST_MONTH).measured("gel", 1, "{count}", LAST_MONTH)
                    .assessed("oligoclonal_bands", "POSITIVE", SCREENED.minusMonths(3));
            ScreeningResult risen = screen(TrialFixtures.MESEMS_T, ppms);
            assertEligible(risen);
            assertThat(risen.criterion("I6").verdict()).isEqualTo(Verdict.MET);
            PatientBuilder halfPoint = ms("ppms", 40).measured("edss", 4.5, "{score}", SCREENED.minusMonths(11))
                    .measured("edss", 5, "{score}", LAST_MONTH).measured("gel", 1, "{count}", LAST_MONTH)
                    .assessed("oligoclonal_bands", "POSITIVE", SCREENED.minusMonths(3));
            ScreeningResult r = screen(TrialFixtures.MESEMS_T, halfPoint);
            assertThat(r.criterion("I6.1").verdict()).isEqualTo(Verdict.NOT_MET);
            assertIneligibleFor(r, "I4|I5|I6", "E3");
        }

        @Test
        void edssBelowThreeIsOut() {
            ScreeningResult r = screen(TrialFixtures.MESEMS_T, rrms(35).measured("edss", 2.5, "{score}",
                    SCREENED.minusDays(3)));
            assertIneligibleFor(r, "I7");
        }

        @Test
        void recentInterferonIsAWashOutExclusion() {
            PatientBuilder onTreatment = ms("rrms", 35).took("interferon_beta", SCREENED.minusYears(4),
                    SCREENED.minusDays(20)).has("ms_relapse", SCREENED.minusMonths(5));
            assertIneligibleFor(screen(TrialFixtures.MESEMS_T, onTreatment), "E5");
        }
    }

    /** MESEMS-G: the same MS branches nested under "Diagnosis of MS" (I1.1, I1.2, I1.3). */
    @Nested
    class MesemsG {
        private PatientBuilder rrms(LocalDate... relapses) {
            return ReferencePatients.mesemsGenovaRrms("mesems-g", SCREENED, relapses);
        }

        @Test
        void twoRelapsesInTwoYearsQualifyThroughTheNestedBranch() {
            ScreeningResult r = screen(TrialFixtures.MESEMS_G, rrms(SCREENED.minusMonths(14), SCREENED.minusMonths(20)));
            assertEligible(r);
            assertThat(r.criterion("I1.1.1").verdict()).isEqualTo(Verdict.NOT_MET);
            assertThat(r.criterion("I1.1.2").verdict()).isEqualTo(Verdict.MET);
            assertThat(r.criterion("I1.1").verdict()).isEqualTo(Verdict.MET);
            assertThat(r.criterion("I1").verdict()).isEqualTo(Verdict.MET);
        }

        @Test
        void oneRelapseInTwoYearsAndNoneInTheLastYearFailsTheBranch() {
            ScreeningResult r = screen(TrialFixtures.MESEMS_G, rrms(SCREENED.minusMonths(14))
                    .measured("gel", 0, "{count}", LAST_MONTH));
            assertIneligibleFor(r, "I1", "E1");
        }

        @Test
        void aRelapseInTheLast60DaysExcludes() {
            assertIneligibleFor(screen(TrialFixtures.MESEMS_G, rrms(SCREENED.minusDays(60), SCREENED.minusMonths(20))),
                    "E8");
            assertEligible(screen(TrialFixtures.MESEMS_G, rrms(SCREENED.minusDays(61), SCREENED.minusMonths(20))));
        }

        @Test
        void egfrBelow60ComputedFromCreatinineExcludes() {
            // 1.5 mg/dL in a 70-year-old man is 49.77 by CKD-EPI 2021; here the patient is 30: 1.5 mg/dL gives ~64
            ScreeningResult r = screen(TrialFixtures.MESEMS_G, rrms(SCREENED.minusMonths(5))
                    .measured("creatinine", 1.6, "mg/dL", SCREENED.minusDays(2)));
            double egfr = org.stroma.trial.measure.EgfrEquation.CKD_EPI_2021.compute(1.6, 30,
                    org.stroma.trial.patient.AdministrativeSex.MALE);
            assertThat(egfr).isLessThan(60);
            assertIneligibleFor(r, "E13");
            assertThat(r.criterion("E13").reason()).contains("CKD-EPI 2021");
        }
    }

    /** ACESO: type 2 diabetes by HbA1c > 7 % or treatment; eGFR < 30 by MDRD excludes; blood counts; AST/ALT. */
    @Nested
    class Aceso {
        private PatientBuilder eligible(double hba1c) {
            return ReferencePatients.aceso("aceso", hba1c, SCREENED);
        }

        @Test
        void hba1cOf7IsOutAnd71IsIn() {
            assertEligible(screen(TrialFixtures.ACESO, eligible(7.1)));
            assertIneligibleFor(screen(TrialFixtures.ACESO, eligible(7.0)), "I4");
        }

        @Test
        void diabetesTreatmentQualifiesWithoutTheHba1c() {
            assertEligible(screen(TrialFixtures.ACESO, eligible(6.5).tookNamed("Metformin 500 MG Oral Tablet",
                    SCREENED.minusYears(2), null)));
        }

        @Test
        void egfrBelow30ByMdrdExcludes() {
            // creatinine 2.0 mg/dL, 65-year-old woman: MDRD 25.01 mL/min/1.73 m²
            ScreeningResult r = screen(TrialFixtures.ACESO, eligible(7.5).female().aged(65, SCREENED)
                    .measured("creatinine", 2.0, "mg/dL", SCREENED));
            assertIneligibleFor(r, "E3");
            assertThat(r.criterion("E3").reason()).contains("25.01").contains("MDRD");
        }

        @Test
        void lowPlateletsNeedTheInvestigatorToRuleOutAnotherExplanation() {
            PatientBuilder low = eligible(7.5).measured("platelets", 99, "10*9/L", SCREENED.minusDays(1));
            ScreeningResult unanswered = screen(TrialFixtures.ACESO, low);
            assertThat(unanswered.verdict()).isEqualTo(PatientVerdict.INCOMPLETE);
            assertThat(unanswered.open()).containsExactly("E8");
            assertIneligibleFor(screen(TrialFixtures.ACESO, low.attests("E8", true)), "E8");
            PatientBuilder atLimit = eligible(7.5).measured("platelets", 100, "10*9/L", SCREENED.minusDays(1));
            assertEligible(screen(TrialFixtures.ACESO, atLimit));
        }

        @Test
        void liverEnzymesAboveThreeTimesTheUpperLimitExclude() {
            assertIneligibleFor(screen(TrialFixtures.ACESO, eligible(7.5).measured("alt", 136, "U/L", 45,
                    SCREENED.minusDays(1))), "E9");
            assertEligible(screen(TrialFixtures.ACESO, eligible(7.5).measured("alt", 135, "U/L", 45,
                    SCREENED.minusDays(1))));
        }

        @Test
        void age17IsExcluded() {
            assertIneligibleFor(screen(TrialFixtures.ACESO, eligible(7.5).aged(17, SCREENED)), "R-AGE", "I1", "E1");
        }
    }

    /** UC-MSC in dilated cardiomyopathy: LVEF ≤ 35 %, NYHA III–IV, systemic steroids within 4 weeks exclude. */
    @Nested
    class UcMscDcm {
        private PatientBuilder eligible(double lvef) {
            return ReferencePatients.ucMsc("ucmsc", lvef, SCREENED);
        }

        @Test
        void lvefOf35IsInAnd36IsOut() {
            assertEligible(screen(TrialFixtures.UC_MSC_DCM, eligible(35)));
            assertIneligibleFor(screen(TrialFixtures.UC_MSC_DCM, eligible(36)), "I5");
        }

        @Test
        void nyhaClassTwoIsOut() {
            assertIneligibleFor(screen(TrialFixtures.UC_MSC_DCM, eligible(30).assessed("nyha", "II",
                    SCREENED.minusDays(1))), "I3");
        }

        @Test
        void corticosteroidsWithinFourWeeksExclude() {
            assertIneligibleFor(screen(TrialFixtures.UC_MSC_DCM, eligible(30).took("corticosteroid",
                    SCREENED.minusMonths(3), SCREENED.minusDays(28))), "E7");
            assertEligible(screen(TrialFixtures.UC_MSC_DCM, eligible(30).took("corticosteroid", SCREENED.minusMonths(3),
                    SCREENED.minusDays(29))));
        }

        @Test
        void aPriorCoronaryStentExcludes() {
            assertIneligibleFor(screen(TrialFixtures.UC_MSC_DCM, eligible(30).underwent("pci", SCREENED.minusYears(5))),
                    "E1");
        }
    }
}
