package org.stroma.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Route;
import org.stroma.trial.dosing.DosePlan;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.PlannedDose;
import org.stroma.trial.lock.ProductOutcome;
import org.stroma.trial.product.ProductKind;
import org.stroma.trial.subject.SubjectState;

/** The dose given against the dose planned, by arm, in the unblinded report; nothing of it in the blinded one. */
class DoseComparisonTest {
    private static final LocalDate DAY = LocalDate.of(2026, 7, 1);
    private static final DosePlan FIXED = new DosePlan(6e7, 6e7, false, 10.0, null, Route.INTRAMYOCARDIAL, 0.10);
    private static final DosePlan PER_KG = new DosePlan(1e6, 2e6, true, 50.0, null, Route.INTRAVENOUS, 0.10);

    private final List<LockedTrial.SubjectRow> subjects = new ArrayList<>();
    private final List<LockedTrial.ProductRow> products = new ArrayList<>();

    private void given(String subject, String arm, String treatment, DosePlan plan, double weightKg, double cells) {
        subjects.add(new LockedTrial.SubjectRow(subject, "Toulouse", SubjectState.COMPLETED, arm, treatment, DAY,
                DAY.plusDays(20), weightKg, null, List.of(SubjectState.COMPLETED), DAY.plusDays(200), List.of(
                new PlannedDose(1, arm, treatment, plan))));
        products.add(new LockedTrial.ProductRow(subject + "-P1", subject, arm, 1, plan == null ? ProductKind.PLACEBO
                : ProductKind.CELLS, ProductOutcome.ADMINISTERED, null, null, cells, DAY.plusDays(20)));
    }

    private LockedTrial trial() {
        return new LockedTrial("NCT0", "test", false, subjects, List.of(), List.of(), products, List.of());
    }

    @Test
    void eachArmShowsItsPlanTheCellsGivenTheirRatioAndWhoIsOutsideTheTolerance() {
        given("S1", "A", "placebo", null, 70, 0);
        given("S2", "B", "cells", FIXED, 70, 3.3e7);
        given("S3", "B", "cells", FIXED, 90, 6.3e7);
        // per kilogram: 1–2×10^6 cells/kg at 80 kg is 8×10^7 to 1.6×10^8, made up to its middle, 1.2×10^8
        given("S4", "C", "cells per kilogram", PER_KG, 80, 1.2e8);
        given("S5", "C", "cells per kilogram", PER_KG, 80, 1.8e8);

        List<DoseComparison.Row> rows = DoseComparison.rows(trial());
        assertThat(rows).extracting(DoseComparison.Row::arm).containsExactly("A: placebo", "B: cells",
                "C: cells per kilogram");

        DoseComparison.Row placebo = rows.get(0);
        assertThat(placebo.planned()).isEqualTo("no cells (placebo)");
        assertThat(placebo.ratio()).isNull();
        assertThat(placebo.subjectsOutside()).isZero();

        DoseComparison.Row fixed = rows.get(1);
        assertThat(fixed.planned()).isEqualTo("6×10^7 cells");
        assertThat(fixed.products()).isEqualTo(2);
        assertThat(fixed.plannedCells()).isEqualTo(6e7);
        assertThat(fixed.givenCells()).isEqualTo(4.8e7);
        // given over planned: 0.55 and 1.05, never the other way round
        assertThat(fixed.lowestRatio()).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(fixed.highestRatio()).isCloseTo(1.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(fixed.ratio()).isCloseTo(0.80, org.assertj.core.data.Offset.offset(1e-9));
        // 0.55 is outside ±10 %, 1.05 inside
        assertThat(fixed.subjects()).isEqualTo(2);
        assertThat(fixed.subjectsOutside()).isEqualTo(1);

        DoseComparison.Row perKg = rows.get(2);
        assertThat(perKg.planned()).isEqualTo("1×10^6–2×10^6 cells/kg");
        assertThat(perKg.plannedCells()).isEqualTo(1.2e8);
        assertThat(perKg.givenCells()).isEqualTo(1.5e8);
        assertThat(perKg.lowestRatio()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(perKg.highestRatio()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        // 1.8×10^8 is above the range's top (1.6×10^8) by more than 10 %; a ratio of 1.5 alone would not say so
        assertThat(perKg.subjectsOutside()).isEqualTo(1);

        String unblinded = TrialReport.html(trial(), false, "test");
        assertThat(unblinded).contains("Dose given against dose planned", "Subjects outside ±10 %",
                "<td>B: cells</td><td>6×10^7 cells</td><td>2</td><td>6×10^7</td><td>4.8×10^7</td>"
                        + "<td>0.80 (0.55–1.05)</td><td>1 of 2</td>",
                "<td>C: cells per kilogram</td><td>1×10^6–2×10^6 cells/kg</td><td>2</td><td>1.2×10^8</td>"
                        + "<td>1.5×10^8</td><td>1.25 (1.00–1.50)</td><td>1 of 2</td>");
    }

    @Test
    void aPlaceboGivenAnyCellsIsOutside() {
        given("S1", "A", "placebo", null, 70, 1e6);
        assertThat(DoseComparison.rows(trial())).singleElement().satisfies(r -> assertThat(r.subjectsOutside())
                .isEqualTo(1));
    }

    @Test
    void theBlindedReportSaysWhereTheComparisonIsAndShowsNoneOfIt() {
        given("S1", "A", "placebo", null, 70, 0);
        given("S2", "B", "cells", FIXED, 70, 3.3e7);
        String blinded = TrialReport.html(trial(), true, "test");
        assertThat(blinded).contains("Dose given against dose planned", "In the unblinded report");
        assertThat(blinded).doesNotContain("6×10^7", "3.3×10^7", "B: cells", "A: placebo", "Given / planned");
    }
}
