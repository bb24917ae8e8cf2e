package org.stroma.trial.refusal;

/**
 * What Stroma refuses to do, told to the person who asked: the kind of refusal, what to put right in plain words,
 * and the field at fault when one is (null when no single field is). Every refusal a person can meet is one of this
 * family; any other exception is a fault of Stroma's own, which the person sees only as an internal error.
 */
public abstract class Refusal extends RuntimeException {
    /** What kind of thing is refused: the input, a thing that is not there, or a change the state does not allow. */
    public enum Kind {
        /** The request is wrong as given: a value missing, out of range, of the wrong kind. */
        INVALID_INPUT,
        /** What was asked for is not there (or, to this person, is not there). */
        NOT_FOUND,
        /** The request is well formed but the state does not allow it now: a step out of order, a stale version. */
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    protected Refusal(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    protected Refusal(Kind kind, String field, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The field at fault, as the request names it; null when no single field is. */
    public String field() {
        return field;
    }
}
