package org.stroma.cli.chia;

import java.util.List;

/**
 * One text-bound annotation of a BRAT file ({@code T12  Condition 10 25;30 41  heart failure}): its id, its type and
 * its spans — more than one when the annotated words are not contiguous — and the words as the file repeats them.
 */
public record BratEntity(String id, String type, List<TextSpan> spans, String text) {

    public BratEntity {
        spans = List.copyOf(spans);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("entity " + id + " has no span");
        }
    }

    public int start() {
        return spans.stream().mapToInt(TextSpan::start).min().orElseThrow();
    }

    public int end() {
        return spans.stream().mapToInt(TextSpan::end).max().orElseThrow();
    }

    /** Whether any of its spans shares a character with {@code span}. */
    public boolean overlaps(TextSpan span) {
        return spans.stream().anyMatch(s -> s.overlaps(span));
    }

    /** Whether every one of its spans lies inside {@code span}. */
    public boolean within(TextSpan span) {
        return spans.stream().allMatch(span::contains);
    }
}
