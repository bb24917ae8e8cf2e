package org.stroma.trial.eligibility.rule;

import java.util.List;
import java.util.stream.Collectors;

/** Every one of the rules holds. */
public record AllOf(List<Rule> rules) implements Rule {
    public AllOf {
        rules = List.copyOf(rules);
    }

    @Override
    public String describe() {
        return rules.stream().map(r -> r instanceof AnyOf ? "(" + r.describe() + ")" : r.describe())
                .collect(Collectors.joining(" and "));
    }

    @Override
    public String ruleText() {
        return "all(" + rules.stream().map(Rule::ruleText).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.allOf(this);
    }
}
