package org.stroma.protocol.registry;

/**
 * A registry record that cannot be read: {@code place} says where (a line, a JSON path, an XML path) and
 * {@code problem} says what is wrong, in words a study team can act on.
 */
public class RecordFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String place;
    private final String problem;

    public RecordFormatException(String place, String problem) {
        super(place == null ? problem : place + ": " + problem);
        this.place = place;
        this.problem = problem;
    }

    public String place() {
        return place;
    }

    public String problem() {
        return problem;
    }
}
