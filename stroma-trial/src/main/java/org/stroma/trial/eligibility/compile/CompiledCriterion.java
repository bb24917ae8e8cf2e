package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.List;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.eligibility.rule.Rule;

/**
 * A criterion with the rule Stroma evaluates for it (its nested criteria included), how much of it was computed, and
 * whether it is measurable at all — about data a record can hold, rather than judgement, consent or logistics.
 * {@code origin} says where the rule came from: the criterion's text, the registry's structured fields, or a study
 * team's hand-written rule. {@code assumptions} say what the reading of the text supposed beyond its words (a default
 * time, a unit not written, a threshold borrowed from a neighbour), so that a study team reviews those rules first.
 */
public record CompiledCriterion(String id, CriterionKind kind, String text, Rule rule, Compilation compilation,
        boolean measurable, Origin origin, List<String> assumptions, List<CompiledCriterion> children) {

    public enum Origin { TEXT, REGISTRY_FIELD, STUDY_TEAM }

    /** How a rule was read, in the order a study team reviews them: the least certain first. */
    public enum Reading {
        /** Decided by records after supposing something the text does not say: see the assumptions. */
        WITH_ASSUMPTIONS,
        /** Decided by records as written, with a part the investigator answers. */
        PARTLY_ASKED,
        /** Decided by records, every number, unit and time as written. */
        AS_WRITTEN,
        /** Not read into data: the investigator answers it. */
        ASKED,
        /** Written by the study team, or taken from the registry's structured fields. */
        GIVEN
    }

    public CompiledCriterion {
        assumptions = List.copyOf(assumptions);
        children = List.copyOf(children);
    }

    public Reading reading() {
        if (origin != Origin.TEXT) {
            return Reading.GIVEN;
        }
        if (compilation == Compilation.ATTESTATION || compilation == Compilation.NOT_COMPILED) {
            return Reading.ASKED;
        }
        if (!assumptions.isEmpty()) {
            return Reading.WITH_ASSUMPTIONS;
        }
        return compilation == Compilation.PARTLY_COMPUTED ? Reading.PARTLY_ASKED : Reading.AS_WRITTEN;
    }

    public List<CompiledCriterion> flatten() {
        List<CompiledCriterion> all = new ArrayList<>();
        all.add(this);
        children.forEach(c -> all.addAll(c.flatten()));
        return all;
    }
}
