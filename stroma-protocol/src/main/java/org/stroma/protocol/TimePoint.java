package org.stroma.protocol;

/**
 * A moment an outcome is assessed: the baseline assessment (before the intervention), or an offset from the time
 * frame's anchor.
 */
public record TimePoint(boolean baseline, Offset offset) {
    public TimePoint {
        if (baseline == (offset != null)) {
            throw new IllegalArgumentException("a time point is either the baseline or an offset, not both or neither");
        }
    }

    public static TimePoint atBaseline() {
        return new TimePoint(true, null);
    }

    public static TimePoint at(double amount, TimeUnit unit) {
        return new TimePoint(false, new Offset(amount, unit));
    }

    @Override
    public String toString() {
        return baseline ? "baseline" : offset.toString();
    }
}
