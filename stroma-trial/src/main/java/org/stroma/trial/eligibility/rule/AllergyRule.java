package org.stroma.trial.eligibility.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * The patient has a known allergy or intolerance to a drug of one of these classes, or to one of these named
 * substances ("known hypersensitivity to penicillins or latex"). An allergy has no window: once known, it is known.
 */
public record AllergyRule(List<String> concepts, List<String> names) implements Rule {
    public AllergyRule {
        concepts = List.copyOf(concepts);
        names = List.copyOf(names);
        if (concepts.isEmpty() && names.isEmpty()) {
            throw new IllegalArgumentException("an allergy rule names a drug class or a substance");
        }
    }

    @Override
    public String describe() {
        List<String> what = new ArrayList<>(concepts);
        what.addAll(names);
        return "has a known allergy or intolerance to " + String.join(" or ", what);
    }

    @Override
    public String ruleText() {
        StringBuilder s = new StringBuilder("allergy ").append(String.join(",", concepts));
        if (!names.isEmpty()) {
            s.append(concepts.isEmpty() ? "" : " ").append("named ").append(String.join(",",
                    names.stream().map(n -> "\"" + n + "\"").toList()));
        }
        return s.toString();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.allergy(this);
    }
}
