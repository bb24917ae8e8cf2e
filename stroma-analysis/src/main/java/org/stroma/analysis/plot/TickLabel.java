package org.stroma.analysis.plot;

import java.math.BigDecimal;
import java.util.List;

/**
 * How an axis writes its tick values: with the decimals its step needs and no more (a step of 0.25 gives 0.25, 0.5,
 * 0.75; a step of 2 gives 2, 4, 6), or, where that would be a long run of zeros (1×10^-15, 6×10^7) or more than six
 * decimals, each as a mantissa times a power of ten, written 6×10^7 as the report writes cell counts. One notation for
 * the whole axis. A range narrower than a millionth of its magnitude has long mantissas either way: the labels stay
 * exact rather than short.
 */
final class TickLabel {
    /** A plain label up to this long is kept even where the power of ten would be shorter: 1000000 reads well. */
    private static final int PLAIN_ENOUGH = 7;
    /** More decimals than this and a reader counts zeros: 0.0000073954 is written 7.3954×10^-6. */
    private static final int MOST_DECIMALS = 6;

    private TickLabel() {
    }

    static List<String> all(List<BigDecimal> values, BigDecimal step) {
        int decimals = Math.max(0, step.stripTrailingZeros().scale());
        List<String> plain = values.stream().map(v -> plain(v, decimals)).toList();
        List<String> powers = values.stream().map(TickLabel::power).toList();
        int plainLength = longest(plain);
        if (decimals > MOST_DECIMALS) {
            return powers;
        }
        return plainLength <= PLAIN_ENOUGH || plainLength < longest(powers) ? plain : powers;
    }

    private static String plain(BigDecimal value, int decimals) {
        return value.setScale(decimals).toPlainString(); // 0.0 beside 2.5: every label with the same decimals
    }

    /** 2.5×10^-16, 1×10^7 (the 1 kept: it says the scale); a power of 0 is left out. */
    private static String power(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        String mantissa = stripped.movePointLeft(exponent).toPlainString();
        return exponent == 0 ? mantissa : mantissa + "×10^" + exponent;
    }

    private static int longest(List<String> labels) {
        return labels.stream().mapToInt(String::length).max().orElse(0);
    }
}
