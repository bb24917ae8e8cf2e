package org.stroma.trial.eligibility.rule;

/** At least so many recorded events (relapses) within the window. */
public record EventCountRule(String concept, int atLeast, Window window) implements Rule {
    @Override
    public String describe() {
        return "at least " + atLeast + " " + concept + " " + window.describe();
    }

    @Override
    public String ruleText() {
        return "count " + concept + " >= " + atLeast + " " + window.ruleText();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.eventCount(this);
    }
}
