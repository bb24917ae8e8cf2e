package org.stroma.trial.eligibility.rule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A score rose by at least a step within the window, the step depending on where the score now stands ("an increase
 * of ≥1 EDSS point if EDSS ≤ 5.0, or 0.5 point if EDSS ≥ 5.5, in the last 12 months").
 */
public record IncreaseRule(String concept, List<Step> steps, Window window) implements Rule {
    public IncreaseRule {
        steps = List.copyOf(steps);
    }

    /** The rise required when the current score lies in {@code when}. */
    public record Step(double rise, Interval when) {
    }

    @Override
    public String describe() {
        return concept + " rose " + window.describe() + " by at least " + steps.stream()
                .map(s -> org.stroma.protocol.ScientificNotation.plain(s.rise()) + " if "
                        + s.when().describe(concept, "")).collect(Collectors.joining(", or "));
    }

    @Override
    public String ruleText() {
        return "increase " + concept + " " + window.ruleText() + ": " + steps.stream()
                .map(s -> org.stroma.protocol.ScientificNotation.plain(s.rise()) + " if " + s.when().ruleText())
                .collect(Collectors.joining("; "));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.increase(this);
    }
}
