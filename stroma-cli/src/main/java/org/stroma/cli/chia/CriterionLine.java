package org.stroma.cli.chia;

import java.util.ArrayList;
import java.util.List;
import org.stroma.protocol.CriterionKind;

/**
 * One criterion of a Chia file: a non-blank line. {@code number} is the line's number in its file (1-based), so that
 * a criterion can be found again by eye; {@code span} is where the line lies in the file, without its line ending,
 * which is what the annotations' offsets are counted against.
 */
public record CriterionLine(CriterionKind kind, int number, TextSpan span, String text) {

    /** The criterion's id in the protocol built from the trial: I or E and the line number. */
    public String criterionId() {
        return (kind == CriterionKind.INCLUSION ? "I" : "E") + number;
    }

    /** The non-blank lines of a file, each with where it lies; "\r\n" and "\n" both end a line. */
    public static List<CriterionLine> of(CriterionKind kind, String text) {
        List<CriterionLine> lines = new ArrayList<>();
        int start = 0;
        int number = 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int next = newline < 0 ? text.length() + 1 : newline + 1;
            int end = newline < 0 ? text.length() : newline;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            number++;
            String line = text.substring(start, end);
            if (!line.isBlank()) {
                lines.add(new CriterionLine(kind, number, new TextSpan(start, end), line));
            }
            start = next;
        }
        return lines;
    }
}
