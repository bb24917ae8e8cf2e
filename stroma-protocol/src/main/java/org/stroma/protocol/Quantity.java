package org.stroma.protocol;

/**
 * An amount with its unit. Units are UCUM-style codes ({@code {cells}}, {@code {cells}/kg}, {@code mL},
 * {@code mL/min}, {@code min}), so that a later stage can convert them without guessing.
 */
public record Quantity(double value, String unit) {
    public static final String CELLS = "{cells}";
    public static final String CELLS_PER_KG = "{cells}/kg";
    public static final String MILLILITRE = "mL";
    public static final String MILLILITRE_PER_MINUTE = "mL/min";
    public static final String MINUTE = "min";

    public static Quantity cells(double count) {
        return new Quantity(count, CELLS);
    }

    public static Quantity cellsPerKg(double count) {
        return new Quantity(count, CELLS_PER_KG);
    }

    public static Quantity millilitres(double value) {
        return new Quantity(value, MILLILITRE);
    }

    /** The amount as people write it: cell counts as powers of ten (6×10^7), other amounts plainly (20). */
    public String amountText() {
        return unit.startsWith(CELLS) ? ScientificNotation.format(value) : ScientificNotation.plain(value);
    }

    /** The unit as people write it: "cells/kg" rather than the code "{cells}/kg". */
    public String unitText() {
        return unit.replace("{cells}", "cells");
    }

    @Override
    public String toString() {
        return amountText() + " " + unitText();
    }
}
