package org.stroma.trial.eligibility.rule;

/** The rule does not hold. */
public record Not(Rule rule) implements Rule {
    @Override
    public String describe() {
        return "not (" + rule.describe() + ")";
    }

    @Override
    public String ruleText() {
        return "not(" + rule.ruleText() + ")";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.not(this);
    }
}
