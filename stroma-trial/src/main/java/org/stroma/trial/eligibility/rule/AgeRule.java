package org.stroma.trial.eligibility.rule;

import java.util.Objects;
import org.stroma.protocol.TimeUnit;

/**
 * Age on the screening date, in completed units: years for most trials, months, weeks or days for infants ("6 to 24
 * months", "postnatal age ≤ 28 days"), where a limit in years would round a child's age away.
 */
public record AgeRule(Interval limits, TimeUnit unit) implements Rule {
    public AgeRule {
        Objects.requireNonNull(unit, "an age's unit");
        if (unit != TimeUnit.DAY && unit != TimeUnit.WEEK && unit != TimeUnit.MONTH && unit != TimeUnit.YEAR) {
            throw new IllegalArgumentException("an age is counted in days, weeks, months or years, not " + unit.label());
        }
    }

    /** An age in years, as most criteria give it. */
    public AgeRule(Interval years) {
        this(years, TimeUnit.YEAR);
    }

    @Override
    public String describe() {
        return limits.describe("age", unit.label());
    }

    /** "age 18..75" in years, as written since the first rules; any other unit after the limits: "age 6..24 months". */
    @Override
    public String ruleText() {
        return "age " + limits.ruleText() + (unit == TimeUnit.YEAR ? "" : " " + unit.label());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.age(this);
    }
}
