package org.stroma.trial.eligibility.rule;

import org.stroma.trial.refusal.Refusal;

/** A hand-written rule that cannot be read: where in the rule, and what is wrong. */
public class RuleSyntaxException extends RuntimeException implements Refusal {
    private static final long serialVersionUID = 1L;

    public RuleSyntaxException(String rule, int at, String problem) {
        super("rule \"" + rule + "\", at character " + (at + 1) + ": " + problem);
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }
}
