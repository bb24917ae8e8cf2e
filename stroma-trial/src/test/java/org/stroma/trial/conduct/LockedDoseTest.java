package org.stroma.trial.conduct;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.design.TrialArm;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.PlannedDose;
import org.stroma.trial.lock.ProductOutcome;
import org.stroma.trial.product.ProductKind;

/**
 * The locked data carries, for each subject, the dose the design plans for each of their periods, and for each
 * product its period, what it was and where its chain ended as typed values: the report compares the dose given with
 * the dose planned from these alone.
 */
class LockedDoseTest {
    private static final Instant LOCK = Instant.parse("2029-01-01T09:00:00Z");

    private static LockedTrial locked(String seed, int subjects) {
        Journey journey = new Journey(seed, 7);
        for (int i = 1; i <= subjects; i++) {
            journey.enrol("S" + i, Journey.SCREENED);
            journey.complete("S" + i);
        }
        journey.conduct.lock(LOCK);
        return LockedTrial.of(journey.conduct);
    }

    @Test
    void aCrossoverSubjectIsPlannedTheDoseOfTheArmOfEachPeriodInTurn() {
        LockedTrial t = locked(TrialFixtures.MESEMS_T, 6);
        TrialDesign design = new Journey(TrialFixtures.MESEMS_T, 7).conduct.design();
        assertThat(t.subjects()).extracting(LockedTrial.SubjectRow::group).contains("AB", "BA");
        for (LockedTrial.SubjectRow s : t.subjects()) {
            List<TrialArm> arms = design.armsOf(s.group());
            assertThat(s.plannedDoses()).as(s.subject()).extracting(PlannedDose::period).containsExactly(1, 2);
            assertThat(s.plannedDoses()).as(s.subject()).extracting(PlannedDose::arm).containsExactly(arms.get(0)
                    .code(), arms.get(1).code());
            assertThat(s.plannedDoses()).as(s.subject()).extracting(PlannedDose::plan).containsExactly(arms.get(0)
                    .dose(), arms.get(1).dose());
            // one period plans cells per kilogram, the other (the placebo) none
            PlannedDose cells = s.plannedDoses().stream().filter(d -> d.plan() != null).findFirst().orElseThrow();
            assertThat(cells.cells(s.baselineWeightKg())).containsExactly(1e6 * Journey.WEIGHT_KG,
                    2e6 * Journey.WEIGHT_KG);
            assertThat(s.plannedDoses()).filteredOn(d -> d.plan() == null).singleElement()
                    .satisfies(d -> assertThat(d.cells(s.baselineWeightKg())).isNull());
        }
        for (LockedTrial.ProductRow p : t.products()) {
            LockedTrial.SubjectRow s = t.subjects().stream().filter(r -> r.subject().equals(p.subject())).findFirst()
                    .orElseThrow();
            PlannedDose planned = s.plannedDose(p.period());
            // a product is what its period's arm plans: cells where cells are planned, the placebo otherwise
            assertThat(p.kind()).as(p.product()).isEqualTo(planned.plan() == null ? ProductKind.PLACEBO
                    : ProductKind.CELLS);
            assertThat(p.outcome()).isEqualTo(ProductOutcome.ADMINISTERED);
            assertThat(p.outcome().words()).isEqualTo("administered");
        }
        assertThat(t.products()).extracting(LockedTrial.ProductRow::period).containsOnly(1, 2);
    }

    @Test
    void aParallelSubjectIsPlannedTheDoseOfTheirArmAndAPlaceboSubjectNone() {
        LockedTrial t = locked(TrialFixtures.MESAMI2, 6);
        assertThat(t.subjects()).extracting(LockedTrial.SubjectRow::group).contains("A", "B");
        for (LockedTrial.SubjectRow s : t.subjects()) {
            assertThat(s.plannedDoses()).as(s.subject()).singleElement().satisfies(d -> {
                assertThat(d.period()).isEqualTo(1);
                assertThat(d.arm()).isEqualTo(s.group());
                if (s.group().equals("A")) {
                    assertThat(d.plan()).isNull();
                } else {
                    assertThat(d.cells(s.baselineWeightKg())).containsExactly(6e7, 6e7);
                }
            });
            assertThat(s.plannedDose(2)).isNull();
        }
    }
}
