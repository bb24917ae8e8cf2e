package org.stroma.trial.eligibility.rule;

/** Age in completed years on the screening date. */
public record AgeRule(Interval years) implements Rule {
    @Override
    public String describe() {
        return years.describe("age", "years");
    }

    @Override
    public String ruleText() {
        return "age " + years.ruleText();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.age(this);
    }
}
