package org.stroma.protocol;

import java.math.BigDecimal;

/** How Stroma prints large counts: 6×10^7 rather than 60000000 or 6.0E7. */
public final class ScientificNotation {
    private ScientificNotation() {
    }

    public static String format(double value) {
        if (value == 0 || (Math.abs(value) < 1e4 && value == Math.rint(value))) {
            return plain(value);
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(value)));
        BigDecimal mantissa = BigDecimal.valueOf(value).movePointLeft(exponent).stripTrailingZeros();
        String m = mantissa.toPlainString();
        return m + "×10^" + exponent;
    }

    /** Without an exponent and without a trailing ".0": 20, 2.5. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
