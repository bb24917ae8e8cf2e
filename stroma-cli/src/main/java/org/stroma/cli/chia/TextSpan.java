package org.stroma.cli.chia;

/** A stretch of a text, from {@code start} (included) to {@code end} (excluded), in the text's own char indexes. */
public record TextSpan(int start, int end) {

    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a span: " + start + ".." + end);
        }
    }

    /** Whether the two share at least one character. */
    public boolean overlaps(TextSpan other) {
        return start < other.end && other.start < end;
    }

    public boolean contains(TextSpan other) {
        return start <= other.start && other.end <= end;
    }

    public TextSpan shifted(int by) {
        return new TextSpan(start + by, end + by);
    }
}
