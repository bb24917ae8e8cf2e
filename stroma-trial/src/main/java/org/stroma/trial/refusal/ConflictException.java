package org.stroma.trial.refusal;

/**
 * A well-formed request the state does not allow now: a subject not yet consented, a query already closed, the data
 * locked. Asking again later, or after the step that is missing, may succeed.
 */
public class ConflictException extends IllegalStateException implements Refusal {
    public ConflictException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
