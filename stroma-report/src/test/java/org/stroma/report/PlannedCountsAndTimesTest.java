package org.stroma.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Offset;
import org.stroma.protocol.OutcomeKind;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.plan.Endpoint;
import org.stroma.trial.plan.EndpointType;
import org.stroma.trial.plan.PlannedMethod;
import org.stroma.trial.plan.Population;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.safety.Causality;
import org.stroma.trial.safety.Grade;
import org.stroma.trial.safety.MaceCategory;
import org.stroma.trial.safety.Outcome;
import org.stroma.trial.safety.SeriousnessCriterion;
import org.stroma.trial.subject.SubjectState;

/**
 * The plan's counts and times to an event, run where they are planned: an ICD's shocks (no baseline count) by negative
 * binomial regression with the number of interrogations as offset, and the time to the first major adverse cardiac
 * event by Cox regression, each against the placebo arm. Reference values from R 4.2 on the same data:
 * {@code MASS::glm.nb(y ~ g + offset(log(n)))}: rate ratio 0.2 (p 0.0734246870818);
 * {@code coxph(Surv(t, e) ~ g, ties = "efron")}: hazard ratio 0.290073976751 (p 0.162872983082).
 */
class PlannedCountsAndTimesTest {
    private static final LocalDate GIVEN = LocalDate.of(2026, 1, 1);
    private static final Offset YEAR = new Offset(12, TimeUnit.MONTH);

    private final List<LockedTrial.SubjectRow> subjects = new ArrayList<>();
    private final List<LockedTrial.MeasurementRow> measurements = new ArrayList<>();
    private final List<LockedTrial.AdverseEventRow> events = new ArrayList<>();

    private void subject(String id, String group, Integer maceOnDay, int... shocks) {
        String treatment = group.equals("A") ? "Placebo" : "Autologous MSC";
        subjects.add(new LockedTrial.SubjectRow(id, "Toulouse", SubjectState.COMPLETED, group, treatment,
                GIVEN.minusDays(20), GIVEN, 75.0, null, List.of(SubjectState.COMPLETED), GIVEN.plusDays(364),
                List.of()));
        int[] months = {3, 6, 12};
        for (int i = 0; i < shocks.length; i++) {
            measurements.add(new LockedTrial.MeasurementRow(id, group, "Month " + months[i], GIVEN.plusMonths(
                    months[i]), (double) months[i], "icd", "shocks", String.valueOf(shocks[i])));
        }
        if (maceOnDay != null) {
            LocalDate onset = GIVEN.plusDays(maceOnDay);
            AdverseEvent e = new AdverseEvent(id + "-AE1", id, "worsening heart failure", Grade.of(3), Set.of(
                    SeriousnessCriterion.HOSPITALISATION), Causality.UNLIKELY, true, onset, onset, Outcome.RECOVERED,
                    MaceCategory.HEART_FAILURE_HOSPITALISATION);
            events.add(new LockedTrial.AdverseEventRow(id, group, e, false, false, (long) maceOnDay));
        }
    }

    private static Endpoint endpoint(String id, String measure, String item, EndpointType type,
            PlannedMethod method) {
        return new Endpoint(id, OutcomeKind.SECONDARY, measure, "12 months", item == null ? null : "icd", item,
                measure, type, List.of(YEAR), Population.INTENTION_TO_TREAT, method, List.of(), "as planned", null,
                null, List.of(), List.of());
    }

    @Test
    void shocksByNegativeBinomialAndTheFirstMajorCardiacEventByCoxAgainstThePlacebo() {
        subject("A1", "A", 30, 0, 0, 1);
        subject("A2", "A", 90, 2, 5, 3);
        subject("A3", "A", 200, 0, 1, 0);
        subject("A4", "A", null, 7, 2, 9);
        subject("A5", "A", 150, 0, 0, 0);
        subject("B1", "B", 300, 0, 0, 0);
        subject("B2", "B", null, 1, 0, 0);
        subject("B3", "B", null, 0, 0, 0);
        subject("B4", "B", 120, 3, 1, 0);
        subject("B5", "B", null, 0, 0, 1);
        LockedTrial t = new LockedTrial("NCT0", "test", false, subjects, measurements, events, List.of(), List.of());
        AnalysisPlan plan = new AnalysisPlan("NCT0", "test", 1, List.of(endpoint("S11", "Shocks delivered (count)",
                "shocks", EndpointType.COUNT, PlannedMethod.NEGATIVE_BINOMIAL), endpoint("S12", "Analysis of major"
                + " cardiovascular events", null, EndpointType.TIME_TO_EVENT, PlannedMethod.COX)), "", List.of());

        List<PlannedAnalyses.Result> results = PlannedAnalyses.run(t, plan);
        PlannedAnalyses.Result shocks = results.get(0);
        assertThat(shocks.contrast().term()).isEqualTo("rate ratio group=Autologous MSC");
        assertThat(shocks.contrast().estimate()).isCloseTo(0.2, within(1e-5));
        assertThat(shocks.contrast().p()).isCloseTo(0.0734246870818, within(1e-4));
        assertThat(shocks.note()).doesNotContain("baseline count as covariate");
        PlannedAnalyses.Result mace = results.get(1);
        assertThat(mace.endpoint().id()).isEqualTo("S12");
        assertThat(mace.contrast().term()).startsWith("hazard ratio").contains("B");
        assertThat(mace.contrast().estimate()).isCloseTo(0.290073976751, within(1e-6));
        assertThat(mace.contrast().p()).isCloseTo(0.162872983082, within(1e-6));
    }
}
