package org.stroma.trial.eligibility.rule;

import java.util.List;

/**
 * The patient took a drug of one of these classes, or one of these named drugs, within the window (a wash-out period
 * read the other way round: "within 3 months since immunosuppressive therapy").
 */
public record MedicationRule(List<String> concepts, List<String> names, Window window) implements Rule {
    public MedicationRule {
        concepts = List.copyOf(concepts);
        names = List.copyOf(names);
    }

    @Override
    public String describe() {
        List<String> what = new java.util.ArrayList<>(concepts);
        what.addAll(names);
        return "took " + String.join(" or ", what) + " " + window.describe();
    }

    @Override
    public String ruleText() {
        StringBuilder s = new StringBuilder("medication ").append(String.join(",", concepts));
        if (!names.isEmpty()) {
            s.append(concepts.isEmpty() ? "" : " ").append("named ").append(String.join(",",
                    names.stream().map(n -> "\"" + n + "\"").toList()));
        }
        return s.append(' ').append(window.ruleText()).toString();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.medication(this);
    }
}
