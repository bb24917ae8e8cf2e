package org.stroma.protocol;

/**
 * A cell dose read from the registry's free text. A fixed dose has {@code low == high}; a range such as 1–2×10^6
 * cells/kg has both. Volume, rate and duration are present when the text gives them. {@code text} is the phrase the
 * dose was read from, kept for the study team to check.
 */
public record Dose(Quantity low, Quantity high, Quantity volume, Quantity rate, Quantity duration, String text) {

    public boolean isRange() {
        return low != null && high != null && low.value() != high.value();
    }

    public boolean isPerKilogram() {
        return low != null && Quantity.CELLS_PER_KG.equals(low.unit());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (low != null) {
            s.append(isRange() ? rangeText() : low.toString());
        }
        if (volume != null) {
            s.append(s.length() > 0 ? " in " : "").append(volume);
        }
        if (rate != null) {
            s.append(s.length() > 0 ? " at " : "").append(rate);
        }
        if (duration != null) {
            s.append(s.length() > 0 ? " over " : "").append(duration);
        }
        return s.toString();
    }

    private String rangeText() {
        return low.amountText() + "–" + high.amountText() + " " + low.unitText();
    }
}
