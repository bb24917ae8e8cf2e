package org.stroma.protocol.registry;

/**
 * A registry record that cannot be read: {@code place} says where (a line, a JSON path, an XML path) and
 * {@code problem} says what is wrong, in words a study team can act on.
 */
public class RecordFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String place;
    private final String problem;

    /** A quoted value longer than this is shown by its start: the message is one line a person reads. */
    private static final int LONGEST_QUOTE = 60;
    private static final int LONGEST_PART = 300;
    private static final java.util.regex.Pattern LONG_QUOTE = java.util.regex.Pattern.compile(
            "\"([^\"]{" + LONGEST_QUOTE + "})[^\"]*\"");

    public RecordFormatException(String place, String problem) {
        this(place == null ? null : readable(place), readable(problem), true);
    }

    private RecordFormatException(String place, String problem, boolean readable) {
        super(place == null ? problem : place + ": " + problem);
        this.place = place;
        this.problem = problem;
    }

    /**
     * The text on one line, with a long quoted value cut short: messages quote what they found, and what they found
     * may be a value of a hundred thousand characters or a line break.
     */
    private static String readable(String text) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("\\s+", " ").strip();
        line = LONG_QUOTE.matcher(line).replaceAll(m -> java.util.regex.Matcher.quoteReplacement("\"" + m.group(1) + "…\""));
        return line.length() > LONGEST_PART ? line.substring(0, LONGEST_PART) + "…" : line;
    }

    public String place() {
        return place;
    }

    public String problem() {
        return problem;
    }
}
