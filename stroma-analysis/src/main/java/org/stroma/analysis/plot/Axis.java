package org.stroma.analysis.plot;

/** A linear axis: maps the data's scale, from {@code min} to {@code max}, to pixels, from {@code from} to {@code to}. */
record Axis(double min, double max, double from, double to) {

    Axis {
        if (!(max > min)) {
            max = min + 1;
        }
    }

    double at(double value) {
        return from + (value - min) / (max - min) * (to - from);
    }
}
