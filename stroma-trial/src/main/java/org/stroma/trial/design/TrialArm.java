package org.stroma.trial.design;

import org.stroma.protocol.ArmType;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.Placebo;

/**
 * An arm as the trial runs it: a short code (A, B, …) used in sequences and lists, the registry's label and type,
 * and what its patients receive — the cell product, or the placebo.
 */
public record TrialArm(String code, String label, ArmType type, CellProduct product, Placebo placebo) {

    /** Whether patients of this arm receive a placebo (or a sham) rather than cells. */
    public boolean isPlacebo() {
        return placebo != null || type == ArmType.PLACEBO_COMPARATOR || type == ArmType.SHAM_COMPARATOR;
    }
}
