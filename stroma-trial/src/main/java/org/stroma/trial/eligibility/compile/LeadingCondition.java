package org.stroma.trial.eligibility.compile;

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
import org.stroma.trial.eligibility.rule.AllergyRule;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.ProcedureRule;
import org.stroma.trial.eligibility.rule.Rule;
import org.stroma.trial.eligibility.rule.SexRule;

/**
 * The condition a rule leads with ("RRMS with …" leads with RRMS), which tells alternative subtypes of one disease
 * apart: the rule itself when it is a condition, else what the first part of an all(…) leads with, opening at most
 * two all(…) groups. Any other kind of rule leads with no condition.
 */
final class LeadingCondition implements Rule.Visitor<Concept> {
    /** How many all(…) groups are opened, one inside the other, to find the leading condition. */
    private static final int GROUPS_OPENED = 2;

    private final ConceptDictionary dictionary;
    private final int groupsLeft;

    private LeadingCondition(ConceptDictionary dictionary, int groupsLeft) {
        this.dictionary = dictionary;
        this.groupsLeft = groupsLeft;
    }

    /** The leading condition of a rule, or null when it leads with none the dictionary knows. */
    static Concept of(Rule rule, ConceptDictionary dictionary) {
        return rule.accept(new LeadingCondition(dictionary, GROUPS_OPENED));
    }

    @Override
    public Concept condition(ConditionRule rule) {
        return dictionary.find(rule.concept()).orElse(null);
    }

    @Override
    public Concept allOf(AllOf rule) {
        if (groupsLeft == 0 || rule.rules().isEmpty()) {
            return null;
        }
        return rule.rules().get(0).accept(new LeadingCondition(dictionary, groupsLeft - 1));
    }

    @Override
    public Concept anyOf(AnyOf rule) {
        return null;
    }

    @Override
    public Concept not(Not rule) {
        return null;
    }

    @Override
    public Concept age(AgeRule rule) {
        return null;
    }

    @Override
    public Concept sex(SexRule rule) {
        return null;
    }

    @Override
    public Concept measurement(MeasurementRule rule) {
        return null;
    }

    @Override
    public Concept classification(ClassRule rule) {
        return null;
    }

    @Override
    public Concept procedure(ProcedureRule rule) {
        return null;
    }

    @Override
    public Concept eventCount(EventCountRule rule) {
        return null;
    }

    @Override
    public Concept medication(MedicationRule rule) {
        return null;
    }

    @Override
    public Concept allergy(AllergyRule rule) {
        return null;
    }

    @Override
    public Concept exposure(ExposureRule rule) {
        return null;
    }

    @Override
    public Concept duration(DurationRule rule) {
        return null;
    }

    @Override
    public Concept increase(IncreaseRule rule) {
        return null;
    }

    @Override
    public Concept attestation(Attestation rule) {
        return null;
    }

    @Override
    public Concept criterionRef(CriterionRef rule) {
        return null;
    }
}
