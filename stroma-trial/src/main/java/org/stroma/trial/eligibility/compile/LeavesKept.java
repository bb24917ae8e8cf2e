package org.stroma.trial.eligibility.compile;

import org.stroma.trial.eligibility.rule.AgeRule;
import org.stroma.trial.eligibility.rule.Attestation;
import org.stroma.trial.eligibility.rule.ClassRule;
import org.stroma.trial.eligibility.rule.ConditionRule;
import org.stroma.trial.eligibility.rule.DurationRule;
import org.stroma.trial.eligibility.rule.EventCountRule;
import org.stroma.trial.eligibility.rule.ExposureRule;
import org.stroma.trial.eligibility.rule.IncreaseRule;
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.eligibility.rule.MedicationRule;
import org.stroma.trial.eligibility.rule.AllergyRule;
import org.stroma.trial.eligibility.rule.ProcedureRule;
import org.stroma.trial.eligibility.rule.Rule;
import org.stroma.trial.eligibility.rule.SexRule;

/**
 * A rewrite of a rule that changes only how rules are combined (and, or, not) and what they refer to: every kind of
 * rule that states a fact of the patient is kept as it is. A new kind of rule must be added here, or by each rewrite,
 * for the rewrites to compile.
 */
abstract class LeavesKept implements Rule.Visitor<Rule> {
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
    public Rule allergy(AllergyRule rule) {
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
