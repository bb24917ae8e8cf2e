package org.stroma.trial.refusal;

/**
 * What Stroma refuses to do, told to the person who asked: the kind of refusal, what to put right in plain words (the
 * exception's message), and the field at fault when one is (null when no single field is). Every refusal a person can
 * meet is one of this family; any other exception is a fault of Stroma's own, which the person sees only as an
 * internal error. An interface, so that a refusal of a value can still be the {@link IllegalArgumentException} it is,
 * and a refusal of the state the {@link IllegalStateException}.
 */
public interface Refusal {
    /** What is refused: the input, the person, a thing that is not there, or a change the state does not allow. */
    enum Kind {
        /** The request is wrong as given: a value missing, out of range, of the wrong kind. */
        INVALID_INPUT,
        /** The person may not do this: their role, or no sign-in at all. */
        FORBIDDEN,
        /** What was asked for is not there (or, to this person, is not there). */
        NOT_FOUND,
        /** The request is well formed but the state does not allow it now: a step out of order, a stale version. */
        CONFLICT
    }

    Kind kind();

    /** The field at fault, as the request names it; null when no single field is. */
    default String field() {
        return null;
    }

    /** What the person must put right, in plain words. */
    String getMessage();
}
