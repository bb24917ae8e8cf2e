package org.stroma.cli;

/** Patient data Stroma cannot use: where in the input (a file, a JSON path) and what is wrong. */
class InvalidPatientDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidPatientDataException(String where, String problem) {
        super(where + ": " + problem);
    }
}
