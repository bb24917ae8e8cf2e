package org.stroma.fhir.entered;

/** Patient data Stroma cannot use: where in the input (a file, a JSON path) and what is wrong. */
public class InvalidPatientDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidPatientDataException(String where, String problem) {
        super(where + ": " + problem);
    }
}
