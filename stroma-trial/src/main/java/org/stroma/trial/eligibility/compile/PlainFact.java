package org.stroma.trial.eligibility.compile;

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
 * Whether a rule states only that something is or was there — a condition, a procedure, a medication, or a list of
 * them — with no threshold, count, duration or question of its own: what an item of a negated list may be.
 */
final class PlainFact implements Rule.Visitor<Boolean> {
    private static final PlainFact INSTANCE = new PlainFact();

    private PlainFact() {
    }

    static boolean is(Rule rule) {
        return rule != null && rule.accept(INSTANCE);
    }

    @Override
    public Boolean allOf(AllOf rule) {
        return rule.rules().stream().allMatch(r -> r.accept(this));
    }

    @Override
    public Boolean anyOf(AnyOf rule) {
        return rule.rules().stream().allMatch(r -> r.accept(this));
    }

    @Override
    public Boolean not(Not rule) {
        return false;
    }

    @Override
    public Boolean age(AgeRule rule) {
        return false;
    }

    @Override
    public Boolean sex(SexRule rule) {
        return false;
    }

    @Override
    public Boolean measurement(MeasurementRule rule) {
        return false;
    }

    @Override
    public Boolean classification(ClassRule rule) {
        return false;
    }

    @Override
    public Boolean condition(ConditionRule rule) {
        return true;
    }

    @Override
    public Boolean procedure(ProcedureRule rule) {
        return true;
    }

    @Override
    public Boolean eventCount(EventCountRule rule) {
        return false;
    }

    @Override
    public Boolean medication(MedicationRule rule) {
        return true;
    }

    @Override
    public Boolean allergy(AllergyRule rule) {
        return true;
    }

    @Override
    public Boolean exposure(ExposureRule rule) {
        return false;
    }

    @Override
    public Boolean duration(DurationRule rule) {
        return false;
    }

    @Override
    public Boolean increase(IncreaseRule rule) {
        return false;
    }

    @Override
    public Boolean attestation(Attestation rule) {
        return false;
    }

    @Override
    public Boolean criterionRef(CriterionRef rule) {
        return false;
    }
}
