package org.stroma.trial.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.OutcomeKind;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.TimeFrame;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.capture.FormLibrary;
import org.stroma.trial.design.DesignReader;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.schedule.SchedulePlanner;

/** The draft analysis plan each reference trial's registered outcomes lead to. */
class PlanDerivationTest {

    static AnalysisPlan plan(Protocol p) {
        TrialDesign d = DesignReader.read(p);
        return PlanDerivation.derive(p, d, SchedulePlanner.plan(p, d, new ArrayList<>()), FormLibrary.standard());
    }

    static Endpoint endpoint(AnalysisPlan plan, String id) {
        return plan.endpoints().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void mesami2sPrimaryIsVo2PeakAtThreeMonthsByMmrmInTheIntentionToTreatPopulation() {
        AnalysisPlan plan = plan(TrialFixtures.protocol(TrialFixtures.MESAMI2));
        assertThat(plan.primary()).extracting(Endpoint::id).containsExactly("P1");
        Endpoint p1 = plan.endpoints().get(0);
        assertThat(p1.item()).isEqualTo("vo2_peak");
        assertThat(p1.timePoints()).extracting(Object::toString).containsExactly("3 months");
        assertThat(p1.method()).isEqualTo(PlannedMethod.MMRM);
        assertThat(p1.population()).isEqualTo(Population.INTENTION_TO_TREAT);
        assertThat(p1.covariates()).containsExactly("baseline value", "site");
        assertThat(p1.estimand().summaryMeasure()).isEqualTo("difference in least-squares means, experimental −"
                + " control at 3 months");
        assertThat(p1.estimand().treatment()).endsWith("vs Placebo comparator");
        assertThat(p1.openQuestions()).isEmpty();
        assertThat(plan.multiplicity()).startsWith("One primary endpoint");
    }

    @Test
    void classesAreOrdinalAdverseEventsBinaryInTheSafetyPopulationAndMajorEventsATimeToEvent() {
        AnalysisPlan plan = plan(TrialFixtures.protocol(TrialFixtures.MESAMI2));
        assertThat(List.of(endpoint(plan, "S2a").item(), endpoint(plan, "S2b").item())).containsExactly("nyha", "ccs");
        assertThat(endpoint(plan, "S2a").method()).isEqualTo(PlannedMethod.PROPORTIONAL_ODDS);
        assertThat(endpoint(plan, "S3").item()).isEqualTo("mlhfq_total");
        Endpoint adverse = endpoint(plan, "S9");
        assertThat(adverse.type()).isEqualTo(EndpointType.BINARY);
        assertThat(adverse.population()).isEqualTo(Population.SAFETY);
        assertThat(adverse.method()).isEqualTo(PlannedMethod.RISK_DIFFERENCE);
        Endpoint major = endpoint(plan, "S12");
        assertThat(major.method()).isEqualTo(PlannedMethod.COX);
        assertThat(major.openQuestions()).containsExactly("which events count, and who adjudicates them?");
        // a registered period is compared at its end, and the statistician confirms it
        assertThat(endpoint(plan, "S5").timePoints()).extracting(Object::toString).containsExactly("12 months");
        assertThat(plan.openQuestions()).anyMatch(q -> q.startsWith("S5: the outcome registers a period"));
    }

    @Test
    void aCrossoverComparesPeriodsAndLeavesWhatHasNoDefaultToTheStatistician() {
        AnalysisPlan plan = plan(TrialFixtures.protocol(TrialFixtures.MESEMS_T));
        assertThat(plan.primary()).extracting(Endpoint::id).containsExactly("P1", "P2");
        assertThat(plan.multiplicity()).startsWith("Holm's procedure across the 2 primary endpoints");
        Endpoint lesions = endpoint(plan, "P2");
        assertThat(lesions.item()).isEqualTo("gel_count");
        assertThat(lesions.type()).isEqualTo(EndpointType.COUNT);
        assertThat(lesions.method()).isEqualTo(PlannedMethod.CROSSOVER);
        assertThat(lesions.covariates()).isEmpty();
        // the safety endpoint: whether an event began on each treatment, within subjects
        assertThat(endpoint(plan, "P1").method()).isEqualTo(PlannedMethod.PAIRED_PROPORTIONS);
        Endpoint progression = plan.endpoints().stream().filter(e -> e.type() == EndpointType.TIME_TO_EVENT)
                .findFirst().orElseThrow();
        assertThat(progression.method()).isEqualTo(PlannedMethod.UNDECIDED);
        assertThat(progression.openQuestions()).anyMatch(q -> q.contains("crossover"));
        assertThat(plan.endpoints()).anyMatch(e -> e.variable().equals("Black-hole volume (mL), at the end of each"
                + " period"));
    }

    @Test
    void aSingleGroupIsDescribedByChangeFromBaselineWithoutAComparator() {
        AnalysisPlan plan = plan(TrialFixtures.protocol(TrialFixtures.UC_MSC_DCM));
        assertThat(plan.endpoints()).allMatch(e -> e.population() == Population.ALL_TREATED);
        assertThat(endpoint(plan, "P1").method()).isEqualTo(PlannedMethod.PROPORTION_WITH_EXACT_INTERVAL);
        assertThat(endpoint(plan, "S1").method()).isEqualTo(PlannedMethod.WITHIN_SUBJECT_CHANGE);
        assertThat(endpoint(plan, "S1").estimand().treatment()).endsWith("(no comparator)");
    }

    @Test
    void whatTheRecordDoesNotSayIsAskedNeverGuessed() {
        // ACESO-IHD's record lists no outcome measures
        assertThat(plan(TrialFixtures.protocol(TrialFixtures.ACESO)).openQuestions())
                .containsExactly("The record lists no outcome measures: the statistician writes the endpoints.");
        Protocol mesami2 = TrialFixtures.protocol(TrialFixtures.MESAMI2);
        Protocol unknown = mesami2.withInterpretation(mesami2.design(), mesami2.arms(), mesami2.interventions(),
                List.of(new Outcome(OutcomeKind.PRIMARY, "Quality of sleep", "Actigraphy", "whenever",
                        TimeFrame.notUnderstood())), mesami2.eligibility(), mesami2.provenance());
        Endpoint e = plan(unknown).endpoints().get(0);
        assertThat(e.method()).isEqualTo(PlannedMethod.UNDECIDED);
        assertThat(e.item()).isNull();
        assertThat(e.openQuestions()).containsExactly(
                "the time frame could not be read: at which time is the endpoint compared?",
                "no captured item measures \"Quality of sleep\": which one does, or which form is missing?");
    }

    @Test
    void aLaboratoryValueIsReadFromTheLaboratoryForm() {
        Protocol mesami2 = TrialFixtures.protocol(TrialFixtures.MESAMI2);
        Protocol creatinine = mesami2.withInterpretation(mesami2.design(), mesami2.arms(), mesami2.interventions(),
                List.of(new Outcome(OutcomeKind.SECONDARY, "Change in serum creatinine", null, "6 months",
                        mesami2.outcomes().get(0).timeFrame())), mesami2.eligibility(), mesami2.provenance());
        Endpoint e = plan(creatinine).endpoints().get(0);
        assertThat(e.form()).isEqualTo("labs");
        assertThat(e.item()).isEqualTo("creatinine");
        assertThat(e.type()).isEqualTo(EndpointType.CONTINUOUS);
    }

    @Test
    void thePlanReadsAsADocumentWithWhatIsLeftToDecideFirst() {
        String md = AnalysisPlanText.markdown(plan(TrialFixtures.protocol(TrialFixtures.MESAMI2)));
        assertThat(md).startsWith("# Statistical analysis plan: MESAMI2 (NCT02462330)");
        assertThat(md.indexOf("## To decide before signing")).isLessThan(md.indexOf("## Endpoints"));
        assertThat(md).contains("| P1 (primary) | Peak oxygen uptake (mL/kg/min), change from baseline | 3 months |"
                + " intention to treat |", "`stroma analyse --method mmrm`");
    }
}
