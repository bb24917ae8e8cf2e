package org.stroma.trial.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Protocol;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.capture.Casebook;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.design.DesignReader;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.product.LotInventory;
import org.stroma.trial.product.ReleaseSpecification;
import org.stroma.trial.randomization.RandomSource;
import org.stroma.trial.refusal.ConflictException;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.schedule.SchedulePlanner;

/**
 * The analysis plan's life: the draft is saved as revision 1, revised with a reason from the latest revision only,
 * signed by revision, required signed by the lock, and frozen by it; what cannot be run as written is refused, naming
 * the endpoint.
 */
class PlanHistoryTest {
    private static final Instant T = Instant.parse("2027-03-01T10:00:00Z");

    private static TrialConduct trial(String seed) {
        Protocol protocol = TrialFixtures.protocol(seed);
        TrialDesign design = DesignReader.read(protocol);
        return new TrialConduct(design, SchedulePlanner.plan(protocol, design, new ArrayList<>()),
                RandomSource.seeded(1), ReleaseSpecification.isctDefaults(), new LotInventory(), Casebook.empty(),
                PlanDerivation.derive(protocol));
    }

    private static AnalysisPlan withEndpoint(AnalysisPlan plan, int index, Endpoint changed) {
        List<Endpoint> endpoints = new ArrayList<>(plan.endpoints());
        endpoints.set(index, changed);
        return new AnalysisPlan(plan.trial(), plan.title(), plan.version(), endpoints, plan.multiplicity(),
                plan.openQuestions());
    }

    private static Endpoint withMethod(Endpoint e, PlannedMethod method, List<String> covariates) {
        return new Endpoint(e.id(), e.rank(), e.registeredMeasure(), e.registeredTimeFrame(), e.form(), e.item(),
                e.variable(), e.type(), e.timePoints(), e.population(), method, covariates, e.missingData(),
                e.estimand(), e.rationale(), e.supportive(), e.openQuestions());
    }

    @Test
    void theDraftIsSavedRevisedSignedAndFrozenByTheLock() {
        TrialConduct trial = trial(TrialFixtures.MESAMI2);
        PlanHistory history = trial.analysisPlan().orElseThrow();
        AnalysisPlan draft = history.draft();
        assertThat(draft.version()).isZero();
        assertThat(history.current()).isEmpty();
        assertThatThrownBy(() -> trial.lock(T)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("the analysis plan was never saved and signed");
        assertThatThrownBy(() -> trial.revisePlan(draft, " ", T, "stat")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("say why");

        PlanRevision first = trial.revisePlan(draft, "adopted as derived", T, "stat");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.plan().endpoints()).isEqualTo(draft.endpoints());
        // an edit made from the draft again would undo revision 1 without having seen it
        assertThatThrownBy(() -> trial.revisePlan(draft, "again", T, "stat2")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("at version 1, not 0");
        Endpoint primary = first.plan().endpoints().get(0);
        List<String> covariates = new ArrayList<>(primary.covariates());
        covariates.add("site");
        AnalysisPlan edited = withEndpoint(first.plan(), 0, withMethod(primary, PlannedMethod.ANCOVA, covariates));
        PlanRevision second = trial.revisePlan(edited, "site added as a covariate; ANCOVA at 3 months", T.plusSeconds(60),
                "stat");
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.plan().endpoints().get(0).covariates()).contains("site");
        assertThat(second.signed()).isFalse();

        assertThatThrownBy(() -> trial.signPlan(1, "stat", "Ann Stat", "approved", T)).isInstanceOf(
                ConflictException.class).hasMessageContaining("revision 1 of the analysis plan is not the latest (2)");
        trial.signPlan(2, "stat", "Ann Stat", "approved", T.plusSeconds(120));
        assertThat(history.current().orElseThrow().signed()).isTrue();

        // a revision after the signature starts unsigned, and the lock waits for its signature
        AnalysisPlan third = history.current().orElseThrow().plan();
        trial.revisePlan(third, "multiplicity wording", T.plusSeconds(180), "stat");
        assertThatThrownBy(() -> trial.lock(T.plusSeconds(240))).hasMessageContaining(
                "revision 3 of the analysis plan is not signed");
        trial.signPlan(3, "stat", "Ann Stat", "approved", T.plusSeconds(300));
        trial.lock(T.plusSeconds(360));

        assertThat(history.frozen().orElseThrow().version()).isEqualTo(3);
        assertThat(history.frozen().orElseThrow().plan().endpoints().get(0).method()).isEqualTo(PlannedMethod.ANCOVA);
        assertThat(history.revisions()).extracting(PlanRevision::reason).containsExactly("adopted as derived",
                "site added as a covariate; ANCOVA at 3 months", "multiplicity wording");
        AnalysisPlan frozen = history.frozen().orElseThrow().plan();
        assertThatThrownBy(() -> trial.revisePlan(frozen, "too late", T.plusSeconds(400), "stat"))
                .hasMessageContaining("locked");
        assertThatThrownBy(() -> trial.signPlan(3, "stat", "Ann Stat", "approved", T.plusSeconds(400)))
                .hasMessageContaining("locked");
    }

    @Test
    void aPlanThatCannotRunAsWrittenIsRefusedNamingEachEndpointAtFault() {
        TrialConduct trial = trial(TrialFixtures.MESAMI2);
        AnalysisPlan draft = trial.analysisPlan().orElseThrow().draft();
        Endpoint primary = draft.endpoints().get(0);
        // proportional odds on VO2 peak, a continuous variable; and the same id twice
        AnalysisPlan wrong = withEndpoint(draft, 0, withMethod(primary, PlannedMethod.PROPORTIONAL_ODDS,
                primary.covariates()));
        wrong = withEndpoint(wrong, 1, new Endpoint("P1", primary.rank(), null, null, null, null, "x",
                EndpointType.CONTINUOUS, List.of(), Population.INTENTION_TO_TREAT, PlannedMethod.MMRM, List.of(),
                null, null, null, List.of(), List.of()));
        AnalysisPlan refused = wrong;
        assertThatThrownBy(() -> trial.revisePlan(refused, "edit", T, "stat")).isInstanceOf(
                InvalidInputException.class).hasMessageContaining("endpoint P1: the method proportional odds model")
                .hasMessageContaining("does not analyse a continuous variable")
                .hasMessageContaining("endpoint P1: the id is used by another endpoint")
                .hasMessageContaining("needs the form and item it reads")
                .hasMessageContaining("needs the time point it compares at");
        assertThat(trial.analysisPlan().orElseThrow().current()).isEmpty();
        AnalysisPlan otherTrial = new AnalysisPlan("NCT00000000", "x", 0, draft.endpoints(), "", List.of());
        assertThatThrownBy(() -> trial.revisePlan(otherTrial, "edit", T, "stat")).hasMessageContaining(
                "the plan is of trial NCT00000000, not of NCT02462330");
    }

    @Test
    void aPlanWithoutAPrimaryEndpointIsSavedButNotSignedUntilTheStatisticianNamesOne() {
        TrialConduct trial = trial(TrialFixtures.ACESO);
        AnalysisPlan draft = trial.analysisPlan().orElseThrow().draft();
        assertThat(draft.endpoints()).isEmpty();
        trial.revisePlan(draft, "taken up as derived", T, "stat");
        assertThatThrownBy(() -> trial.signPlan(1, "stat", "Ann Stat", "approved", T)).isInstanceOf(
                ConflictException.class).hasMessageContaining("it names no primary endpoint");
        AnalysisPlan named = new AnalysisPlan(draft.trial(), draft.title(), 1, List.of(PlanDerivation.safetyEndpoint(
                "P1", trial.design())), draft.multiplicity(), draft.openQuestions());
        trial.revisePlan(named, "the record registers no primary outcome: adverse events named primary", T, "stat");
        PlanRevision signed = trial.signPlan(2, "stat", "Ann Stat", "approved", T.plusSeconds(60));
        assertThat(signed.plan().primary()).extracting(Endpoint::method).containsExactly(
                PlannedMethod.RISK_DIFFERENCE);
        assertThat(signed.signatures()).extracting(s -> s.printedName()).containsExactly("Ann Stat");
    }
}
