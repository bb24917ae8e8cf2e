package org.stroma.trial.eligibility.rule;

import org.stroma.protocol.TimeUnit;

/** The time since a condition began lies in an interval ("disease duration 2 to 10 years"). */
public record DurationRule(String concept, Interval interval, TimeUnit unit) implements Rule {
    @Override
    public String describe() {
        return interval.describe("time since " + concept + " began", unit.label());
    }

    @Override
    public String ruleText() {
        return "duration " + concept + " " + interval.ruleText() + " " + unit.label();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.duration(this);
    }
}
