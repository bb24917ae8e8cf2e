package org.stroma.trial.randomization;

import java.util.List;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * The groups patients are allocated to — arms, or for a crossover the sequences of treatments (AB, BA) — with their
 * weights: 1:1, 2:1.
 */
public record AllocationRatio(List<String> groups, List<Integer> weights) {
    public AllocationRatio {
        groups = List.copyOf(groups);
        weights = List.copyOf(weights);
        if (groups.isEmpty() || groups.size() != weights.size()) {
            throw new InvalidInputException("an allocation ratio needs one weight per group, and a group");
        }
        if (weights.stream().anyMatch(w -> w < 1)) {
            throw new InvalidInputException("allocation weights are whole numbers from 1: " + weights);
        }
        if (groups.stream().distinct().count() != groups.size()) {
            throw new InvalidInputException("allocation groups must differ: " + groups);
        }
    }

    public static AllocationRatio equal(List<String> groups) {
        return new AllocationRatio(groups, groups.stream().map(g -> 1).toList());
    }

    /** The sum of the weights: the smallest block that holds the ratio exactly. */
    public int total() {
        return weights.stream().mapToInt(Integer::intValue).sum();
    }

    public int weight(String group) {
        int i = groups.indexOf(group);
        if (i < 0) {
            throw new InvalidInputException("no group '" + group + "' in " + groups);
        }
        return weights.get(i);
    }

    @Override
    public String toString() {
        return String.join(":", weights.stream().map(String::valueOf).toList()) + " (" + String.join(", ", groups) + ")";
    }
}
