package org.stroma.trial.eligibility.rule;

import java.util.List;
import org.stroma.protocol.Offset;

/** The patient has taken drugs of these classes for at least a total time ("at least a year of attempted therapy"). */
public record ExposureRule(List<String> concepts, Offset atLeast) implements Rule {
    public ExposureRule {
        concepts = List.copyOf(concepts);
    }

    @Override
    public String describe() {
        return "has taken " + String.join(" or ", concepts) + " for at least " + atLeast + " in all";
    }

    @Override
    public String ruleText() {
        return "exposure " + String.join(",", concepts) + " >= " + atLeast;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.exposure(this);
    }
}
