package org.stroma.trial.refusal;

/** What was asked for is not there (a study, a version, a subject), or, to the person asking, is not there. */
public final class NotFoundException extends RuntimeException implements Refusal {
    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
