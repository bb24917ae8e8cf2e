package org.stroma.trial.dosing;

/** A dose that cannot be computed or given as asked, with the reason. */
public class DoseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DoseException(String message) {
        super(message);
    }
}
