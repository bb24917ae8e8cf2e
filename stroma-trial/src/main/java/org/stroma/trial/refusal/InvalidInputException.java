package org.stroma.trial.refusal;

/** A request that is wrong as given: a value missing, out of range or of the wrong kind, named when one is at fault. */
public class InvalidInputException extends IllegalArgumentException implements Refusal {
    private final String field;

    public InvalidInputException(String message) {
        this(null, message);
    }

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }

    @Override
    public String field() {
        return field;
    }
}
