package org.stroma.analysis.plot;

import java.util.ArrayList;
import java.util.List;

/** A linear axis: maps data to pixels, and chooses round tick values (1, 2 or 5 times a power of ten). */
record Axis(double min, double max, double from, double to) {

    Axis {
        if (!(max > min)) {
            max = min + 1;
        }
    }

    double at(double value) {
        return from + (value - min) / (max - min) * (to - from);
    }

    List<Double> ticks(int wanted) {
        double raw = (max - min) / Math.max(1, wanted);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power
                : 10 * power;
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    static String label(double v) {
        if (v == Math.rint(v)) {
            return String.valueOf((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
