package org.stroma.trial.design;

import org.stroma.protocol.ArmType;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.Placebo;
import org.stroma.trial.dosing.DosePlan;

/**
 * An arm as the trial runs it: a short code (A, B, …) used in sequences and lists, the registry's label and type,
 * what its patients receive — the cell product, or the placebo — and the dose the protocol plans for it (cells or
 * cells per kilogram, the volume, rate and route). A placebo arm plans no cells, so it has no dose; nor has an arm
 * whose product the record gives no dose for. Any other arm that names no product of its own (a comparator, standard
 * care) plans the trial's, since that is what its products are made from: the dose table then shows what it got.
 */
public record TrialArm(String code, String label, ArmType type, CellProduct product, Placebo placebo,
        DosePlan dose) {

    /** Whether patients of this arm receive a placebo (or a sham) rather than cells. */
    public boolean isPlacebo() {
        return placebo != null || type == ArmType.PLACEBO_COMPARATOR || type == ArmType.SHAM_COMPARATOR;
    }
}
