package org.stroma.trial.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.Range;
import org.stroma.protocol.Route;
import org.stroma.trial.dosing.DosePlan;

/** The cells an infusion gives follow from the product and the volume infused, never from the bedside's word. */
class ProductOrderTest {
    private static final DosePlan PER_KG_IN_20_ML = new DosePlan(1e6, 2e6, true, 20.0, null, Route.INTRAVENOUS, 0.1);

    private static ProductOrder order(ProductKind kind, DosePlan dose) {
        return new ProductOrder("S1-P1", "S1", 1, kind, ProductSource.AUTOLOGOUS, dose, new Range(15, 19, 17.0), 70.0);
    }

    @Test
    void theWholeBagGivesTheMiddleOfTheRangeAndAPartialInfusionItsShare() {
        ProductOrder cells = order(ProductKind.CELLS, PER_KG_IN_20_ML);
        // 1–2×10^6 cells/kg × 70 kg is 7×10^7 to 1.4×10^8; made up to 1.05×10^8 in 20 mL
        assertThat(cells.cellsIn(20)).isCloseTo(1.05e8, within(1.0));
        assertThat(cells.cellsIn(10)).isCloseTo(5.25e7, within(1.0));
        assertThat(cells.cellsIn(25)).as("no more than the bag holds").isCloseTo(1.05e8, within(1.0));
        assertThat(PER_KG_IN_20_ML.problems(new DosePlan.Given(cells.cellsIn(20), 20, null, Route.INTRAVENOUS), 70.0,
                false)).isEmpty();
        assertThat(PER_KG_IN_20_ML.problems(new DosePlan.Given(cells.cellsIn(10), 10, null, Route.INTRAVENOUS), 70.0,
                false)).as("half the bag is not the protocol's dose").hasSize(2);
    }

    @Test
    void aPlaceboGivesNoCellsAndAProductWithoutADosePlanCannotSay() {
        assertThat(order(ProductKind.PLACEBO, PER_KG_IN_20_ML).cellsIn(20)).isZero();
        assertThat(order(ProductKind.CELLS, null).cellsIn(20)).isNull();
        DosePlan fixedNoVolume = new DosePlan(6e7, 6e7, false, null, null, Route.INTRAMYOCARDIAL, 0.1);
        assertThat(order(ProductKind.CELLS, fixedNoVolume).cellsIn(7)).isEqualTo(6e7);
    }
}
