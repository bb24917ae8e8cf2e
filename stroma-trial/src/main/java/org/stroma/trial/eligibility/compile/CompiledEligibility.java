package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * A protocol's eligibility as rules: the inclusion and exclusion criteria, and the groups of top-level inclusion
 * criteria that are alternatives of one another (the RRMS, SPMS and PPMS branches of a multiple sclerosis trial) — a
 * patient needs one criterion of each such group, and all the other inclusion criteria.
 */
public record CompiledEligibility(String trial, List<CompiledCriterion> inclusion, List<CompiledCriterion> exclusion,
        List<List<String>> alternatives) {

    public CompiledEligibility {
        inclusion = List.copyOf(inclusion);
        exclusion = List.copyOf(exclusion);
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    /** Every criterion, nested ones included, inclusion first. */
    public List<CompiledCriterion> all() {
        List<CompiledCriterion> all = new ArrayList<>();
        inclusion.forEach(c -> all.addAll(c.flatten()));
        exclusion.forEach(c -> all.addAll(c.flatten()));
        return all;
    }
}
