package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.List;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.eligibility.rule.Rule;

/**
 * A criterion with the rule Stroma evaluates for it (its nested criteria included), how much of it was computed, and
 * whether it is measurable at all — about data a record can hold, rather than judgement, consent or logistics.
 * {@code origin} says where the rule came from: the criterion's text, the registry's structured fields, or a study
 * team's hand-written rule.
 */
public record CompiledCriterion(String id, CriterionKind kind, String text, Rule rule, Compilation compilation,
        boolean measurable, Origin origin, List<CompiledCriterion> children) {

    public enum Origin { TEXT, REGISTRY_FIELD, STUDY_TEAM }

    public CompiledCriterion {
        children = List.copyOf(children);
    }

    public List<CompiledCriterion> flatten() {
        List<CompiledCriterion> all = new ArrayList<>();
        all.add(this);
        children.forEach(c -> all.addAll(c.flatten()));
        return all;
    }
}
