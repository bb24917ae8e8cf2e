package org.stroma.trial.eligibility.compile;

import java.util.List;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.rule.Attestation;
import org.stroma.trial.eligibility.rule.CriterionRef;
import org.stroma.trial.eligibility.rule.Rule;

/**
 * "RRMS not fulfilling inclusion criteria": a reference the compiler could only make to a disease ({@code ref ?rrms})
 * becomes a reference to the inclusion criterion that leads with that disease, or — when none does — a question for
 * the investigator. Only references and the and/or/not around them change.
 */
final class ReferenceResolution extends PartsRewritten {
    /** What the compiler writes before a disease in place of a criterion id it could not yet know. */
    static final String BY_DISEASE = "?";

    private final List<CompiledCriterion> inclusion;
    private final ConceptDictionary dictionary;

    ReferenceResolution(List<CompiledCriterion> inclusion, ConceptDictionary dictionary) {
        this.inclusion = inclusion;
        this.dictionary = dictionary;
    }

    @Override
    public Rule criterionRef(CriterionRef rule) {
        if (!rule.criterionId().startsWith(BY_DISEASE)) {
            return rule;
        }
        String concept = rule.criterionId().substring(BY_DISEASE.length());
        for (CompiledCriterion top : inclusion) {
            for (CompiledCriterion c : top.flatten()) {
                Concept lead = LeadingCondition.of(c.rule(), dictionary);
                if (lead != null && lead.id().equals(concept)) {
                    return new CriterionRef(c.id());
                }
            }
        }
        return new Attestation("does the patient fail the inclusion criteria for " + concept + "?");
    }
}
