package org.stroma.trial.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.stroma.protocol.Route;

class DosePlanTest {
    private static final DosePlan FIXED = new DosePlan(6e7, 6e7, false, null, null, Route.INTRAMYOCARDIAL, 0.10);
    private static final DosePlan PER_KG = new DosePlan(1e6, 2e6, true, null, null, Route.INTRAVENOUS, 0.10);
    private static final DosePlan INFUSION = new DosePlan(1e7, 1e7, false, 20.0, 2.0, Route.INTRACORONARY, 0.10);

    @Test
    void aFixedDoseAndItsTolerance() {
        assertThat(FIXED.cellsFor(null)).containsExactly(6e7, 6e7);
        assertThat(FIXED.problems(new DosePlan.Given(6.5e7, 10, null, Route.INTRAMYOCARDIAL), null, false)).isEmpty();
        assertThat(FIXED.problems(new DosePlan.Given(6.7e7, 10, null, Route.INTRAMYOCARDIAL), null, false))
                .containsExactly("6.7×10^7 cells is outside the protocol's 6×10^7 cells (with 10 % tolerance: 5.4×10^7"
                        + " to 6.6×10^7)");
    }

    @Test
    void aDosePerKilogramAtTheBaselineWeight() {
        assertThat(PER_KG.cellsFor(70.0)).containsExactly(7e7, 1.4e8);
        assertThat(PER_KG.problems(new DosePlan.Given(1.05e8, 50, null, Route.INTRAVENOUS), 70.0, false)).isEmpty();
        assertThat(PER_KG.problems(new DosePlan.Given(1.6e8, 50, null, Route.INTRAVENOUS), 70.0, false)).singleElement()
                .asString().contains("1×10^6–2×10^6 cells/kg × 70 kg").contains("6.3×10^7 to 1.54×10^8");
        assertThatThrownBy(() -> PER_KG.cellsFor(null)).isInstanceOf(DoseException.class)
                .hasMessageContaining("baseline weight is not recorded");
        assertThatThrownBy(() -> PER_KG.cellsFor(-3.0)).hasMessageContaining("-3.0 kg is not a weight");
    }

    @Test
    void volumeFromTheConcentrationAndDurationFromTheRate() {
        // 1×10^7 cells at 5×10^5 cells/mL is 20 mL; 20 mL at 2 mL/min takes 10 minutes
        assertThat(DosePlan.volumeFor(1e7, 5e5)).isCloseTo(20, within(1e-9));
        assertThat(INFUSION.minutesFor(20)).isEqualTo(10.0);
        assertThatThrownBy(() -> DosePlan.volumeFor(1e7, 0)).isInstanceOf(DoseException.class);
    }

    @Test
    void anInfusionFasterThanTheProtocolsRateIsRefusedWithTheNumbers() {
        assertThat(INFUSION.problems(new DosePlan.Given(1e7, 20, 10.0, Route.INTRACORONARY), null, false)).isEmpty();
        assertThat(INFUSION.problems(new DosePlan.Given(1e7, 20, 5.0, Route.INTRACORONARY), null, false))
                .containsExactly("4 mL/min is faster than the protocol's 2 mL/min (20 mL in 5 min; at least 10 min)");
        assertThat(INFUSION.problems(new DosePlan.Given(1e7, 35, 20.0, Route.INTRAVENOUS), null, false))
                .containsExactly("35 mL given, the protocol's volume is 20 mL",
                        "given intravenous, the protocol's route is intracoronary");
    }

    @Test
    void aPlaceboCarriesNoCells() {
        assertThat(FIXED.problems(new DosePlan.Given(0, 10, null, Route.INTRAMYOCARDIAL), null, true)).isEmpty();
        assertThat(FIXED.problems(new DosePlan.Given(6e7, 10, null, Route.INTRAMYOCARDIAL), null, true))
                .containsExactly("a placebo carries no cells, not 6×10^7");
    }
}
