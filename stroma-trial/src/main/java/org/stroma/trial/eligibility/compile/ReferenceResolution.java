package org.stroma.trial.eligibility.compile;

import java.util.List;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.rule.AgeRule;
import org.stroma.trial.eligibility.rule.AllOf;
import org.stroma.trial.eligibility.rule.AnyOf;
import org.stroma.trial.eligibility.rule.Attestation;
import org.stroma.trial.eligibility.rule.ClassRule;
import org.stroma.trial.eligibility.rule.ConditionRule;
import org.stroma.trial.eligibility.rule.CriterionRef;
import org.stroma.trial.eligibility.rule.DurationRule;
import org.stroma.trial.eligibility.rule.EventCountRule;
import org.stroma.trial.eligibility.rule.ExposureRule;
import org.stroma.trial.eligibility.rule.IncreaseRule;
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.eligibility.rule.MedicationRule;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.ProcedureRule;
import org.stroma.trial.eligibility.rule.Rule;
import org.stroma.trial.eligibility.rule.SexRule;

/**
 * "RRMS not fulfilling inclusion criteria": a reference the compiler could only make to a disease ({@code ref ?rrms})
 * becomes a reference to the inclusion criterion that leads with that disease, or — when none does — a question for
 * the investigator. Only references and the and/or/not around them change; every other kind of rule is kept as it is.
 */
final class ReferenceResolution implements Rule.Visitor<Rule> {
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

    @Override
    public Rule allOf(AllOf rule) {
        return new AllOf(rule.rules().stream().map(r -> r.accept(this)).toList());
    }

    @Override
    public Rule anyOf(AnyOf rule) {
        return new AnyOf(rule.rules().stream().map(r -> r.accept(this)).toList());
    }

    @Override
    public Rule not(Not rule) {
        return new Not(rule.rule().accept(this));
    }

    @Override
    public Rule age(AgeRule rule) {
        return rule;
    }

    @Override
    public Rule sex(SexRule rule) {
        return rule;
    }

    @Override
    public Rule measurement(MeasurementRule rule) {
        return rule;
    }

    @Override
    public Rule classification(ClassRule rule) {
        return rule;
    }

    @Override
    public Rule condition(ConditionRule rule) {
        return rule;
    }

    @Override
    public Rule procedure(ProcedureRule rule) {
        return rule;
    }

    @Override
    public Rule eventCount(EventCountRule rule) {
        return rule;
    }

    @Override
    public Rule medication(MedicationRule rule) {
        return rule;
    }

    @Override
    public Rule exposure(ExposureRule rule) {
        return rule;
    }

    @Override
    public Rule duration(DurationRule rule) {
        return rule;
    }

    @Override
    public Rule increase(IncreaseRule rule) {
        return rule;
    }

    @Override
    public Rule attestation(Attestation rule) {
        return rule;
    }
}
