package org.stroma.protocol;

/** A period over which an outcome is assessed: "between 3 and 12 months", "over the first 5 days", "up to 2 years". */
public record TimeRange(Offset from, Offset to) {
    @Override
    public String toString() {
        return from + " to " + to;
    }
}
