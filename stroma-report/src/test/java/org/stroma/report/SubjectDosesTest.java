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

/**
 * Each subject's planned and given dose, period by period for a crossover, with the ratio and a flag outside the
 * tolerance, in the unblinded report; in the blinded report none of it.
 */
class SubjectDosesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 7, 1);
    private static final DosePlan PER_KG = new DosePlan(1e6, 2e6, true, 50.0, null, Route.INTRAVENOUS, 0.10);
    private static final DosePlan FIXED = new DosePlan(6e7, 6e7, false, 10.0, null, Route.INTRAMYOCARDIAL, 0.10);

    private final List<LockedTrial.SubjectRow> subjects = new ArrayList<>();
    private final List<LockedTrial.ProductRow> products = new ArrayList<>();

    /** A crossover subject of sequence AB (placebo, then cells per kilogram) or BA. */
    private void crossover(String id, String sequence, double weight, Double cellsGiven, ProductOutcome second) {
        boolean placeboFirst = sequence.equals("AB");
        PlannedDose placebo = new PlannedDose(placeboFirst ? 1 : 2, "A", "Suspension media", null);
        PlannedDose cells = new PlannedDose(placeboFirst ? 2 : 1, "B", "MSC", PER_KG);
        subjects.add(new LockedTrial.SubjectRow(id, "Toulouse", SubjectState.COMPLETED, sequence, null, DAY,
                DAY.plusDays(20), weight, null, List.of(SubjectState.COMPLETED), DAY.plusDays(400), placeboFirst
                ? List.of(placebo, cells) : List.of(cells, placebo)));
        products.add(product(id, 1, placeboFirst ? ProductKind.PLACEBO : ProductKind.CELLS, ProductOutcome.ADMINISTERED,
                placeboFirst ? 0.0 : cellsGiven));
        products.add(product(id, 2, placeboFirst ? ProductKind.CELLS : ProductKind.PLACEBO, second,
                second != ProductOutcome.ADMINISTERED ? null : placeboFirst ? cellsGiven : 0.0));
    }

    private static LockedTrial.ProductRow product(String subject, int period, ProductKind kind, ProductOutcome outcome,
            Double cells) {
        return new LockedTrial.ProductRow(subject + "-P" + period, subject, null, period, kind, outcome, null, null,
                cells, outcome == ProductOutcome.ADMINISTERED ? DAY.plusDays(20 + 180L * (period - 1)) : null);
    }

    private LockedTrial trial(boolean crossover) {
        return new LockedTrial("NCT0", "test", crossover, subjects, List.of(), List.of(), products, List.of());
    }

    @Test
    void everySubjectsPlannedAndGivenDoseAppearsPeriodByPeriod() {
        // 80 kg at 1–2×10^6 cells/kg: 8×10^7 to 1.6×10^8 planned, its middle 1.2×10^8
        crossover("S1", "AB", 80, 1.2e8, ProductOutcome.ADMINISTERED);
        // 60 kg: 6×10^7 to 1.2×10^8; 1.4×10^8 is above 1.2×10^8 × 1.1 = 1.32×10^8
        crossover("S2", "BA", 60, 1.4e8, ProductOutcome.ADMINISTERED);
        // the second product was not released
        crossover("S3", "AB", 70, 1.0e8, ProductOutcome.REJECTED);

        List<SubjectDoses.Row> rows = SubjectDoses.rows(trial(true));
        assertThat(rows).extracting(r -> r.subject() + "/" + r.period()).containsExactly("S1/1", "S1/2", "S2/1",
                "S2/2", "S3/1", "S3/2");
        SubjectDoses.Row s2cells = rows.get(2);
        assertThat(s2cells.plannedLow()).isEqualTo(6e7);
        assertThat(s2cells.plannedHigh()).isEqualTo(1.2e8);
        assertThat(s2cells.ratio()).isCloseTo(1.4e8 / 9e7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s2cells.outside()).isTrue();
        assertThat(rows.get(1).outside()).isFalse();
        assertThat(rows).filteredOn(r -> r.plannedLow() == null).allSatisfy(r -> assertThat(r.ratio()).isNull());

        String html = TrialReport.html(trial(true), false, "test");
        assertThat(html).contains("Dose planned and given, by subject", "<th>Subject</th><th>Period</th><th>Arm</th>",
                "<td>S1</td><td>1</td><td>A: Suspension media</td><td>no cells (placebo)</td><td>none</td><td>0</td>"
                        + "<td>—</td><td></td>",
                "<td>S1</td><td>2</td><td>B: MSC</td><td>1×10^6–2×10^6 cells/kg × 80 kg</td>"
                        + "<td>8×10^7–1.6×10^8</td><td>1.2×10^8</td><td>1.00</td><td></td>",
                "<td>S2</td><td>1</td><td>B: MSC</td><td>1×10^6–2×10^6 cells/kg × 60 kg</td>"
                        + "<td>6×10^7–1.2×10^8</td><td>1.4×10^8</td><td>1.56</td><td><strong>outside</strong></td>",
                "<td>S3</td><td>2</td><td>B: MSC</td><td>1×10^6–2×10^6 cells/kg × 70 kg</td>"
                        + "<td>7×10^7–1.4×10^8</td><td>not given (rejected)</td><td>—</td><td></td>",
                "1 of 5 doses given were outside.");
    }

    @Test
    void aParallelTrialHasNoPeriodColumnAndAFixedDoseIsPlannedAsItIs() {
        subjects.add(new LockedTrial.SubjectRow("S1", "Toulouse", SubjectState.COMPLETED, "B", "MSC", DAY,
                DAY.plusDays(20), 75.0, null, List.of(SubjectState.COMPLETED), DAY.plusDays(400), List.of(
                new PlannedDose(1, "B", "MSC", FIXED))));
        products.add(product("S1", 1, ProductKind.CELLS, ProductOutcome.ADMINISTERED, 5.0e7));
        String html = TrialReport.html(trial(false), false, "test");
        // 5×10^7 against 6×10^7 ± 10 %: below 5.4×10^7, outside
        assertThat(html).contains("<th>Subject</th><th>Arm</th>", "<td>S1</td><td>B: MSC</td><td>6×10^7 cells</td>"
                + "<td>6×10^7</td><td>5×10^7</td><td>0.83</td><td><strong>outside</strong></td>");
    }

    @Test
    void theBlindedReportListsNoSubjectsDose() {
        crossover("S1", "AB", 80, 1.2e8, ProductOutcome.ADMINISTERED);
        String html = TrialReport.html(trial(true), true, "test");
        assertThat(html).contains("Dose planned and given, by subject", "In the unblinded report");
        assertThat(html).doesNotContain("<th>Planned cells</th>", "1.2×10^8", "8×10^7", "Suspension media",
                "no cells (placebo)", "B: MSC");
    }
}
