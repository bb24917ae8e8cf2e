package org.stroma.analysis.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Tick values are round, and written with the decimals their step needs, whatever the range. */
class TicksTest {
    private static final Pattern DECIMALS = Pattern.compile("\\.(\\d+)");

    @Test
    void aRangeAcrossZeroStepsBy2Point5AndWritesOneDecimalEverywhere() {
        Ticks t = Ticks.over(-3.2, 7.9, 5);
        assertThat(t.labels()).containsExactly("-2.5", "0.0", "2.5", "5.0", "7.5");
        assertThat(t.ticks()).extracting(Ticks.Tick::value).containsExactly(-2.5, 0.0, 2.5, 5.0, 7.5);
    }

    @Test
    void aTinyRangeIsWrittenAsPowersOfTenNotAsARunOfZeros() {
        Ticks t = Ticks.over(0, 1e-15, 5);
        assertThat(t.labels()).containsExactly("0", "2×10^-16", "4×10^-16", "6×10^-16", "8×10^-16", "1×10^-15");
        assertThat(t.ticks().get(5).value()).isEqualTo(1e-15);
    }

    @Test
    void aHugeRangeIsWrittenAsPowersOfTenAsTheReportWritesCellCounts() {
        assertThat(Ticks.over(0, 6e7, 6).labels()).containsExactly("0", "1×10^7", "2×10^7", "3×10^7", "4×10^7",
                "5×10^7", "6×10^7");
        // a million is still read at a glance
        assertThat(Ticks.over(0, 1e6, 5).labels()).containsExactly("0", "200000", "400000", "600000", "800000",
                "1000000");
    }

    @Test
    void oneValueIsGivenAScaleAroundIt() {
        Ticks t = Ticks.over(42, 42, 5);
        assertThat(t.min()).isLessThan(42);
        assertThat(t.max()).isGreaterThan(42);
        assertThat(t.labels()).containsExactly("38", "40", "42", "44", "46");
        assertThat(Ticks.over(0, 0, 5).labels()).containsExactly("-1.0", "-0.5", "0.0", "0.5", "1.0");
        assertThat(Ticks.over(6e7, 6e7, 5).labels()).contains("6×10^7");
        // the means of equal values may differ by the rounding of their sums: still one value
        assertThat(Ticks.over(0.1 + 0.2, 0.3, 5).labels()).contains("0.30").hasSizeLessThan(7);
    }

    @Test
    void theNoiseOfBinaryFractionsIsNeverWritten() {
        assertThat(Ticks.over(0.1, 0.7, 6).labels()).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6",
                "0.7");
        assertThat(Ticks.over(-1e-9, 1e-9, 4).labels()).containsExactly("-1×10^-9", "-5×10^-10", "0", "5×10^-10",
                "1×10^-9");
        assertThat(Ticks.over(0, 1, 5).labels()).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    }

    @Test
    void aRangeOfNoNumbersFallsBackToZeroToOne() {
        assertThat(Ticks.over(Double.NaN, 3, 5).labels()).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        assertThat(Ticks.over(5, 1, 4).labels()).containsExactly("1", "2", "3", "4", "5");
    }

    /**
     * Over ranges of every size and sign, not narrower than a ten-thousandth of their magnitude: at least 2 ticks
     * and at most one more than asked (or 5), rising, inside the range, one step apart, each label different, none
     * with more than six decimals.
     */
    @Test
    void everyRangeGetsFewRoundDistinctShortLabels() {
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(41) - 20);
            double a = (random.nextDouble() * 2 - 1) * magnitude;
            double b = a + magnitude * Math.pow(10, -4 + random.nextDouble() * 5);
            int most = 2 + random.nextInt(9);
            Ticks t = Ticks.over(a, b, most);
            String range = "[" + a + ", " + b + "] at most " + most + ": " + t.labels();
            assertThat(t.ticks()).as(range).hasSizeBetween(2, Math.max(most + 1, 5));
            assertThat(t.labels()).as(range).doesNotHaveDuplicates();
            List<Double> values = t.ticks().stream().map(Ticks.Tick::value).toList();
            for (int k = 0; k < values.size(); k++) {
                assertThat(values.get(k)).as(range).isBetween(a - Math.ulp(a) * 4, b + Math.ulp(b) * 4);
                if (k > 0) {
                    assertThat(values.get(k) - values.get(k - 1)).as(range).isCloseTo(t.step().doubleValue(),
                            org.assertj.core.data.Percentage.withPercentage(1e-6));
                }
            }
            double mantissa = t.step().unscaledValue().doubleValue();
            assertThat(mantissa).as(range).isIn(1.0, 2.0, 25.0, 5.0);
            for (String label : t.labels()) {
                Matcher m = DECIMALS.matcher(label);
                assertThat(m.find() ? m.group(1).length() : 0).as(range).isLessThanOrEqualTo(6);
            }
        }
    }
}
