package org.stroma.trial.eligibility.rule;

import java.util.List;

/** The patient's latest class on a classification (NYHA, CCS) or coded finding ("positive") is one of these. */
public record ClassRule(String concept, List<String> classes, Window window) implements Rule {
    public ClassRule {
        classes = List.copyOf(classes);
    }

    @Override
    public String describe() {
        return "latest " + concept + " is " + String.join(" or ", classes) + ", assessed " + window.describe();
    }

    @Override
    public String ruleText() {
        return "class " + concept + " in " + String.join(",", classes) + " " + window.ruleText();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.classification(this);
    }
}
