package org.stroma.trial.dosing;

import org.stroma.trial.refusal.ConflictException;

/** A dose that cannot be computed or given as asked, with the reason. */
public class DoseException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public DoseException(String message) {
        super(message);
    }
}
