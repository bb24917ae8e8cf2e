package org.stroma.trial.capture;

import java.util.List;

/**
 * One item of a case report form, defined as data: its type and unit, whether it is required, its code list (for a
 * coded item), the range a value is expected in (outside it the value is kept and a query opened, since a surprising
 * value may be true) and the limits no real value can pass (outside them the value is refused, as a typing error).
 */
public record ItemDef(String id, String label, ItemType type, String unit, boolean required, Double low, Double high,
        Double lowest, Double highest, List<String> codes) {

    public ItemDef {
        if (id == null || !id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("an item id is lower-case letters, digits and '_': '" + id + "'");
        }
        codes = codes == null ? List.of() : List.copyOf(codes);
        if (type == ItemType.CODED && codes.isEmpty()) {
            throw new IllegalArgumentException("coded item " + id + " needs its code list");
        }
        if (low != null && high != null && low > high || lowest != null && highest != null && lowest > highest) {
            throw new IllegalArgumentException("item " + id + ": a range whose low end is above its high end");
        }
    }

    public boolean numeric() {
        return type == ItemType.INTEGER || type == ItemType.DECIMAL;
    }
}
