package org.stroma.trial.eligibility.rule;

import org.stroma.trial.refusal.InvalidInputException;

/** A hand-written rule that cannot be read: where in the rule, and what is wrong. */
public class RuleSyntaxException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public RuleSyntaxException(String rule, int at, String problem) {
        super("rule \"" + rule + "\", at character " + (at + 1) + ": " + problem);
    }
}
