package org.stroma.trial.product;

import org.stroma.protocol.ProductSource;
import org.stroma.protocol.Range;
import org.stroma.trial.dosing.DosePlan;

/**
 * A product to be made for one recipient and treatment period, as the unblinded side orders it from the allocation:
 * cells or placebo, autologous or allogeneic, the dose plan, the protocol's culture window (17±2 days) and the
 * recipient's baseline weight (for a dose per kilogram).
 */
public record ProductOrder(String productId, String recipient, int period, ProductKind kind, ProductSource source,
        DosePlan dose, Range cultureDays, Double baselineWeightKg) {

    /** The fewest cells the product must hold to give the dose. */
    public double cellsNeeded() {
        return kind == ProductKind.PLACEBO || dose == null ? 0 : dose.cellsFor(baselineWeightKg)[0];
    }
}
