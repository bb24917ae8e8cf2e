package org.stroma.trial.eligibility.rule;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.stroma.protocol.text.Words;
import org.stroma.trial.patient.AdministrativeSex;

/** The sexes a criterion allows. */
public record SexRule(Set<AdministrativeSex> allowed) implements Rule {
    public SexRule {
        allowed = Set.copyOf(allowed);
    }

    @Override
    public String describe() {
        return "sex is " + new TreeSet<>(allowed).stream().map(s -> s.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" or "));
    }

    @Override
    public String ruleText() {
        return "sex " + new TreeSet<>(allowed).stream().map(Words::of).collect(Collectors.joining(","));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.sex(this);
    }
}
