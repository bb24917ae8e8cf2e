package org.stroma.trial.dosing;

import org.stroma.trial.refusal.Refusal;

/** A dose that cannot be computed or given as asked, with the reason. */
public class DoseException extends RuntimeException implements Refusal {
    private static final long serialVersionUID = 1L;

    public DoseException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
