package org.stroma.trial.eligibility.rule;

/** The patient has (or had, within the window) a condition. */
public record ConditionRule(String concept, Window window) implements Rule {
    @Override
    public String describe() {
        return "has " + concept + " " + window.describe();
    }

    @Override
    public String ruleText() {
        return "condition " + concept + " " + window.ruleText();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.condition(this);
    }
}
