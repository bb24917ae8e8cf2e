package org.stroma.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.OutcomeKind;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.PlannedDose;
import org.stroma.trial.lock.ProductOutcome;
import org.stroma.trial.plan.Endpoint;
import org.stroma.trial.plan.EndpointType;
import org.stroma.trial.plan.PlannedMethod;
import org.stroma.trial.plan.Population;
import org.stroma.trial.product.ProductKind;
import org.stroma.trial.subject.SubjectState;

/**
 * The per-protocol population keeps the randomized subjects who received every planned product: not one whose product
 * was refused at release, not one of a crossover who missed the second period, not one never randomized.
 */
class PerProtocolTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private static LockedTrial.SubjectRow subject(String id, String group, int periods) {
        List<PlannedDose> doses = periods == 1 ? List.of(new PlannedDose(1, group, "x", null)) : List.of(
                new PlannedDose(1, group, "x", null), new PlannedDose(2, group, "y", null));
        return new LockedTrial.SubjectRow(id, "Genova", SubjectState.COMPLETED, group, "x", DAY, DAY, 70.0, null,
                List.of(SubjectState.COMPLETED), DAY.plusDays(300), group == null ? List.of() : doses);
    }

    private static LockedTrial.ProductRow product(String subject, int period, ProductOutcome outcome) {
        return new LockedTrial.ProductRow(subject + "-" + period, subject, "A", period, ProductKind.CELLS, outcome,
                null, null, null, outcome == ProductOutcome.ADMINISTERED ? DAY.plusDays(period * 100) : null);
    }

    @Test
    void keepsTheRandomizedSubjectsWhoReceivedEveryPlannedProduct() {
        LockedTrial t = new LockedTrial("NCT0", "test", true, List.of(subject("S1", "A", 2), subject("S2", "A", 2),
                subject("S3", "B", 2), subject("S4", null, 1)), List.of(new LockedTrial.MeasurementRow("S2", "A", "v",
                DAY, 1.0, "f", "i", "1"), new LockedTrial.MeasurementRow("S1", "A", "v", DAY, 1.0, "f", "i", "2")),
                List.of(), List.of(product("S1", 1, ProductOutcome.ADMINISTERED), product("S1", 2,
                ProductOutcome.ADMINISTERED), product("S2", 1, ProductOutcome.ADMINISTERED), product("S2", 2,
                ProductOutcome.REJECTED), product("S3", 1, ProductOutcome.ADMINISTERED), product("S3", 2,
                ProductOutcome.ADMINISTERED)), List.of());
        LockedTrial pp = PerProtocol.of(t);
        assertThat(pp.subjects()).extracting(LockedTrial.SubjectRow::subject).containsExactly("S1", "S3");
        assertThat(pp.measurements()).extracting(LockedTrial.MeasurementRow::subject).containsExactly("S1");
        assertThat(pp.products()).extracting(LockedTrial.ProductRow::subject).containsOnly("S1", "S3");
    }

    @Test
    void isAskedForAnIntentionToTreatEndpointWhoseSupportiveAnalysesNameIt() {
        Endpoint itt = new Endpoint("P1", OutcomeKind.PRIMARY, "m", "t", null, null, "v", EndpointType.CONTINUOUS,
                List.of(), Population.INTENTION_TO_TREAT, PlannedMethod.ANCOVA, List.of(), "cc", null, null, List.of(
                "the same analysis in the per-protocol population"), List.of());
        assertThat(PerProtocol.asked(itt)).isTrue();
        Endpoint safety = new Endpoint("S9", OutcomeKind.SECONDARY, "m", "t", null, null, "v", EndpointType.BINARY,
                List.of(), Population.SAFETY, PlannedMethod.RISK_DIFFERENCE, List.of(), "cc", null, null, List.of(
                "the same analysis in the per-protocol population"), List.of());
        assertThat(PerProtocol.asked(safety)).isFalse();
    }
}
