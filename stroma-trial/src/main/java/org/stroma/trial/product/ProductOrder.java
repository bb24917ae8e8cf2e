package org.stroma.trial.product;

import java.time.Instant;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.Range;
import org.stroma.trial.dosing.DosePlan;

/**
 * A product to be made for one recipient and treatment period, as the unblinded side orders it from the allocation:
 * cells or placebo, autologous or allogeneic, the dose plan, the protocol's culture window (17±2 days), the
 * recipient's baseline weight (for a dose per kilogram), and whether the trial is masked — then every product keeps
 * the cell product's timeline, so that nothing done at the site tells a placebo from cells: a placebo is not released
 * sooner than {@code shortestCultureDays} after its first step, the soonest the cells' culture could end. No step of
 * its chain happens before it was ordered, at the subject's randomization ({@code orderedAt}).
 */
public record ProductOrder(String productId, String recipient, int period, ProductKind kind, ProductSource source,
        DosePlan dose, Range cultureDays, Double baselineWeightKg, boolean masked, int shortestCultureDays,
        Instant orderedAt) {

    /** An order of an open trial, where everyone may know what a product is, made at no time in particular. */
    public ProductOrder(String productId, String recipient, int period, ProductKind kind, ProductSource source,
            DosePlan dose, Range cultureDays, Double baselineWeightKg) {
        this(productId, recipient, period, kind, source, dose, cultureDays, baselineWeightKg, false, 0, null);
    }

    /** The fewest cells the product must hold to give the dose. */
    public double cellsNeeded() {
        return kind == ProductKind.PLACEBO || dose == null ? 0 : dose.cellsFor(baselineWeightKg)[0];
    }

    /**
     * The cells given when {@code volumeMl} of the product is infused: the dose it was made up to (the middle of the
     * protocol's range at the recipient's weight) in the protocol's volume, so a partial infusion gives its share;
     * none for a placebo. The bedside records only the volume, so what a masked nurse enters says nothing of the arm.
     * Without a dose plan the cells are unknown (null).
     */
    public Double cellsIn(double volumeMl) {
        if (kind == ProductKind.PLACEBO) {
            return 0.0;
        }
        if (dose == null) {
            return null;
        }
        double[] range = dose.cellsFor(baselineWeightKg);
        double made = (range[0] + range[1]) / 2;
        return dose.volumeMl() == null || !(dose.volumeMl() > 0) ? made
                : made * Math.min(1, volumeMl / dose.volumeMl());
    }
}
