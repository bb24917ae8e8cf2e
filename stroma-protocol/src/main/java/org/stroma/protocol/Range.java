package org.stroma.protocol;

/** A closed numeric interval with an optional nominal value, e.g. a culture of 17±2 days = [15, 19], nominal 17. */
public record Range(double low, double high, Double nominal) {
    public Range {
        if (low > high) {
            throw new IllegalArgumentException("range " + low + "–" + high + " is reversed");
        }
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    @Override
    public String toString() {
        if (nominal != null && nominal - low == high - nominal) {
            return ScientificNotation.plain(nominal) + "±" + ScientificNotation.plain(high - nominal);
        }
        return ScientificNotation.plain(low) + "–" + ScientificNotation.plain(high);
    }
}
