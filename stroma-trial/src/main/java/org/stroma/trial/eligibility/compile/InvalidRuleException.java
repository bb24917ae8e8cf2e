package org.stroma.trial.eligibility.compile;

import org.stroma.trial.refusal.InvalidInputException;

/** A study team's hand-written rule that cannot be used: which criterion, and what is wrong with its rule. */
public class InvalidRuleException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final String criterionId;

    public InvalidRuleException(String criterionId, String problem) {
        super("criterion " + criterionId + ": " + problem);
        this.criterionId = criterionId;
    }

    public String criterionId() {
        return criterionId;
    }
}
