package org.stroma.trial.eligibility.rule;

import java.util.List;
import java.util.stream.Collectors;

/** At least one of the rules holds. */
public record AnyOf(List<Rule> rules) implements Rule {
    public AnyOf {
        rules = List.copyOf(rules);
    }

    @Override
    public String describe() {
        return rules.stream().map(r -> r instanceof AllOf ? "(" + r.describe() + ")" : r.describe())
                .collect(Collectors.joining(" or "));
    }

    @Override
    public String ruleText() {
        return "any(" + rules.stream().map(Rule::ruleText).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.anyOf(this);
    }
}
