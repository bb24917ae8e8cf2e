package org.stroma.analysis.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An axis's range and its tick marks: round values, 1, 2, 2.5 or 5 times a power of ten apart, each with its label.
 * A tick's value is counted in whole steps and kept as a decimal, so its label never shows the noise of adding up
 * binary fractions (0.30000000000000004). A range of one value (every subject measured the same) is widened around
 * it, so the axis still has a scale and the value sits in its middle.
 */
record Ticks(double min, double max, BigDecimal step, List<Tick> ticks) {
    private static final double[] MULTIPLES = {1, 2, 2.5, 5, 10};

    /** A tick mark: where it is on the data's scale, and what it says. */
    record Tick(double value, String label) {
    }

    /**
     * Round ticks over the values from {@code min} to {@code max}: at most {@code most} steps (at least 2), unless
     * the range holds only one multiple of so large a step; then a step of at most half the range, which gives two
     * to five ticks.
     */
    static Ticks over(double min, double max, int most) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !Double.isFinite(max - min)) {
            // no number, or a range beyond any measurement: an axis of its own rather than an exception
            min = 0;
            max = 1;
        }
        if (min > max) {
            double swap = min;
            min = max;
            max = swap;
        }
        double centre = min / 2 + max / 2;
        // equal values, or apart only by the rounding of their sums: no span to divide into steps
        if (max - min <= Math.abs(centre) * 1e-12) {
            double half = centre == 0 ? 1 : Math.pow(10, Math.floor(Math.log10(Math.abs(centre)))) / 2;
            min = centre - half;
            max = centre + half;
        }
        BigDecimal step = stepAbove((max - min) / Math.max(2, most));
        List<BigDecimal> values = multiples(min, max, step);
        if (values.size() < 2) {
            // the range holds one multiple of the step only: a step half the range or less holds two
            step = stepBelow((max - min) / 2);
            values = multiples(min, max, step);
        }
        List<String> labels = TickLabel.all(values, step);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ticks.add(new Tick(values.get(i).doubleValue(), labels.get(i)));
        }
        return new Ticks(min, max, step, List.copyOf(ticks));
    }

    /** The smallest round step not below {@code raw}. */
    private static BigDecimal stepAbove(double raw) {
        int power = (int) Math.floor(Math.log10(raw));
        for (double multiple : MULTIPLES) {
            BigDecimal step = BigDecimal.valueOf(multiple).scaleByPowerOfTen(power);
            if (step.doubleValue() >= raw * (1 - 1e-9)) {
                return step.stripTrailingZeros();
            }
        }
        throw new IllegalStateException("no round step for " + raw); // 10 × 10^power is above raw
    }

    /** The largest round step not above {@code raw}. */
    private static BigDecimal stepBelow(double raw) {
        int power = (int) Math.floor(Math.log10(raw));
        BigDecimal below = BigDecimal.ONE.scaleByPowerOfTen(power);
        for (double multiple : MULTIPLES) {
            BigDecimal step = BigDecimal.valueOf(multiple).scaleByPowerOfTen(power);
            if (step.doubleValue() <= raw * (1 + 1e-9)) {
                below = step;
            }
        }
        return below.stripTrailingZeros();
    }

    /** The multiples of {@code step} from {@code min} to {@code max}, counted in whole steps. */
    private static List<BigDecimal> multiples(double min, double max, BigDecimal step) {
        long first = (long) Math.ceil(min / step.doubleValue() - 1e-9);
        long last = (long) Math.floor(max / step.doubleValue() + 1e-9);
        List<BigDecimal> values = new ArrayList<>();
        for (long i = first; i <= last; i++) {
            values.add(step.multiply(BigDecimal.valueOf(i)));
        }
        return values;
    }

    /** The labels, in order. */
    List<String> labels() {
        return ticks.stream().map(Tick::label).toList();
    }
}
