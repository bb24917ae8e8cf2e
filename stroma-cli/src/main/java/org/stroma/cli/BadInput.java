package org.stroma.cli;

/** A problem with what the user gave a command, worded for them: the file, the place, what is wrong. */
final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
        super(message);
    }
}
