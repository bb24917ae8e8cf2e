package org.stroma.trial.subject;

import org.stroma.trial.refusal.ConflictException;

/** A subject moved where the lifecycle does not allow, or out of the trial without a reason. */
public class IllegalTransitionException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String message) {
        super(message);
    }
}
