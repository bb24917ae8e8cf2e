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
 * Whether some part of a rule is decided by the patient's records rather than by the investigator: every kind of rule
 * but an {@link Attestation} is. A reference to another criterion counts as decided by records, since the criterion
 * it names is compiled and judged on its own.
 */
final class DecidedByRecords implements Rule.Visitor<Boolean> {
    private static final DecidedByRecords INSTANCE = new DecidedByRecords();

    private DecidedByRecords() {
    }

    static boolean anyPart(Rule rule) {
        return rule.accept(INSTANCE);
    }

    @Override
    public Boolean allOf(AllOf rule) {
        return rule.rules().stream().anyMatch(DecidedByRecords::anyPart);
    }

    @Override
    public Boolean anyOf(AnyOf rule) {
        return rule.rules().stream().anyMatch(DecidedByRecords::anyPart);
    }

    @Override
    public Boolean not(Not rule) {
        return anyPart(rule.rule());
    }

    @Override
    public Boolean attestation(Attestation rule) {
        return false;
    }

    @Override
    public Boolean age(AgeRule rule) {
        return true;
    }

    @Override
    public Boolean sex(SexRule rule) {
        return true;
    }

    @Override
    public Boolean measurement(MeasurementRule rule) {
        return true;
    }

    @Override
    public Boolean classification(ClassRule rule) {
        return true;
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
        return true;
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
        return true;
    }

    @Override
    public Boolean duration(DurationRule rule) {
        return true;
    }

    @Override
    public Boolean increase(IncreaseRule rule) {
        return true;
    }

    @Override
    public Boolean criterionRef(CriterionRef rule) {
        return true;
    }
}
