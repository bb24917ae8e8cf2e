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

    /** Draws a horizontal and a vertical axis with their ticks, tick labels and titles. */
    static void draw(Svg svg, Axis x, Axis y, String xLabel, String yLabel) {
        svg.line(x.from(), y.from(), x.to(), y.from(), "#333", 1, "axis");
        svg.line(x.from(), y.from(), x.from(), y.to(), "#333", 1, "axis");
        for (double t : x.ticks(8)) {
            svg.line(x.at(t), y.from(), x.at(t), y.from() + 5, "#333", 1, "tick");
            svg.text(x.at(t), y.from() + 18, Axis.label(t), "middle", 11, "tick-label");
        }
        for (double t : y.ticks(5)) {
            svg.line(x.from() - 5, y.at(t), x.from(), y.at(t), "#333", 1, "tick");
            svg.text(x.from() - 8, y.at(t) + 4, Axis.label(t), "end", 11, "tick-label");
        }
        svg.text((x.from() + x.to()) / 2, y.from() + 38, xLabel, "middle", 12, "axis-label");
        svg.verticalText(16, (y.from() + y.to()) / 2, yLabel, 12, "axis-label");
    }
}
