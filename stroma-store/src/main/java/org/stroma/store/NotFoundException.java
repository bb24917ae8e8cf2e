package org.stroma.store;

/** What was asked for is not in the store (a study, a version, a subject). */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
