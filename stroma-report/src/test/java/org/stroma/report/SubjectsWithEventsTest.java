package org.stroma.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.OutcomeKind;
import org.stroma.protocol.Route;
import org.stroma.trial.dosing.DosePlan;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.PlannedDose;
import org.stroma.trial.lock.ProductOutcome;
import org.stroma.trial.plan.Endpoint;
import org.stroma.trial.plan.EndpointType;
import org.stroma.trial.plan.PlannedMethod;
import org.stroma.trial.plan.Population;
import org.stroma.trial.product.ProductKind;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.safety.Causality;
import org.stroma.trial.safety.Grade;
import org.stroma.trial.safety.Outcome;
import org.stroma.trial.safety.SeriousnessCriterion;
import org.stroma.trial.subject.SubjectState;

/**
 * A binary safety endpoint as the design asks: in a crossover, events by the period (so the treatment) they began in,
 * the paired difference and the Mainland–Gart test; in a single group, the exact interval. Reference values from R
 * 4.2: {@code fisher.test(matrix(c(1,3,3,1),2,byrow=TRUE))$p.value} = 0.4857142857 and
 * {@code binom.test(3,10)$conf.int} = 0.06673951118, 0.65245285006.
 */
class SubjectsWithEventsTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
    private static final LocalDate SECOND = FIRST.plusWeeks(24);
    private static final DosePlan CELLS = new DosePlan(1e6, 2e6, true, 50.0, null, Route.INTRAVENOUS, 0.10);
    private static final Endpoint SAFETY = new Endpoint("P1", OutcomeKind.PRIMARY, "Safety", "24 weeks", null, null,
            "subjects with at least one adverse event", EndpointType.BINARY, List.of(), Population.SAFETY,
            PlannedMethod.PAIRED_PROPORTIONS, List.of(), "none", null, null, List.of(), List.of());

    private final List<LockedTrial.SubjectRow> subjects = new ArrayList<>();
    private final List<LockedTrial.ProductRow> products = new ArrayList<>();
    private final List<LockedTrial.AdverseEventRow> events = new ArrayList<>();

    /** A subject of a sequence, cells first or placebo first, with events beginning in the periods given. */
    private void subject(String id, boolean cellsFirst, boolean eventInFirst, boolean eventInSecond) {
        String cells = "Mesenchymal stem cells";
        String media = "Suspension media";
        String group = cellsFirst ? "A" : "B";
        subjects.add(new LockedTrial.SubjectRow(id, "Genova", SubjectState.COMPLETED, group, cellsFirst ? cells
                + " then " + media : media + " then " + cells, FIRST.minusDays(30), FIRST, 70.0, null, List.of(
                SubjectState.COMPLETED), SECOND.plusWeeks(24), List.of(new PlannedDose(1, group, cellsFirst ? cells
                : media, cellsFirst ? CELLS : null), new PlannedDose(2, group, cellsFirst ? media : cells, cellsFirst
                ? null : CELLS))));
        products.add(product(id, group, 1, FIRST));
        products.add(product(id, group, 2, SECOND));
        if (eventInFirst) {
            event(id, group, FIRST.plusDays(10));
        }
        if (eventInSecond) {
            // on the day of the second administration: a reaction to the second product, so the second period's
            event(id, group, SECOND);
        }
    }

    private static LockedTrial.ProductRow product(String id, String group, int period, LocalDate day) {
        return new LockedTrial.ProductRow(id + "-P" + period, id, group, period, ProductKind.CELLS,
                ProductOutcome.ADMINISTERED, null, null, null, day);
    }

    private void event(String id, String group, LocalDate onset) {
        AdverseEvent e = new AdverseEvent(id + "-" + onset, id, "headache", Grade.of(1), Set.<SeriousnessCriterion>of(),
                Causality.UNLIKELY, true, onset, onset, Outcome.RECOVERED, null);
        events.add(new LockedTrial.AdverseEventRow(id, group, e, false, false, null));
    }

    @Test
    void aCrossoversEventsAreComparedWithinSubjectsByThePeriodTheyBeganIn() {
        // cells first: three with an event in the first period only, one in the second only, one none, one both
        subject("S1", true, true, false);
        subject("S2", true, true, false);
        subject("S3", true, true, false);
        subject("S4", true, false, true);
        subject("S5", true, false, false);
        subject("S6", true, true, true);
        // placebo first: three in the second period only (on cells), one in the first only, two none
        subject("T1", false, false, true);
        subject("T2", false, false, true);
        subject("T3", false, false, true);
        subject("T4", false, true, false);
        subject("T5", false, false, false);
        subject("T6", false, false, false);
        LockedTrial t = new LockedTrial("NCT0", "test", true, subjects, List.of(), events, products, List.of());

        PlannedAnalyses.Result r = SubjectsWithEvents.byTreatmentWithinSubjects(t, SAFETY);
        // on cells: S1, S2, S3, S6 and T1, T2, T3 (7 of 12); on the placebo: S4, S6 and T4 (3 of 12)
        assertThat(r.contrast().term()).isEqualTo("Mesenchymal stem cells − Suspension media");
        assertThat(r.contrast().estimate()).isCloseTo(4.0 / 12, within(1e-12));
        assertThat(r.n()).isEqualTo(12);
        // Mainland–Gart: placebo first 1 of 4 discordant in the first period, cells first 3 of 4
        assertThat(r.contrast().p()).isCloseTo(0.4857142857, within(1e-9));
        assertThat(r.note()).contains("7 of 12 on Mesenchymal stem cells, 3 on Suspension media");
    }

    @Test
    void aSingleGroupsProportionHasItsExactInterval() {
        for (int i = 1; i <= 10; i++) {
            subjects.add(new LockedTrial.SubjectRow("U" + i, "Beijing", SubjectState.COMPLETED, "A", "cells",
                    FIRST.minusDays(3), FIRST, 70.0, null, List.of(SubjectState.COMPLETED), FIRST.plusDays(5),
                    List.of()));
            if (i <= 3) {
                event("U" + i, "A", FIRST.plusDays(1));
                event("U" + i, "A", FIRST.plusDays(2)); // a second event makes no second subject
            }
        }
        LockedTrial t = new LockedTrial("NCT0", "test", false, subjects, List.of(), events, products, List.of());
        PlannedAnalyses.Result r = SubjectsWithEvents.oneGroup(t, SAFETY);
        assertThat(r.contrast().estimate()).isCloseTo(0.3, within(1e-12));
        assertThat(r.contrast().ciLow()).isCloseTo(0.06673951118, within(1e-8));
        assertThat(r.contrast().ciHigh()).isCloseTo(0.65245285006, within(1e-8));
        assertThat(r.note()).contains("3 of 10 treated subjects");
    }
}
