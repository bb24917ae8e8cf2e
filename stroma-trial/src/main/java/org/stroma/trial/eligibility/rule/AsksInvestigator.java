package org.stroma.trial.eligibility.rule;

/** Whether a rule has an {@link Attestation} anywhere in it: every other kind is decided by the records alone. */
final class AsksInvestigator implements Rule.Visitor<Boolean> {
    @Override
    public Boolean allOf(AllOf rule) {
        return rule.rules().stream().anyMatch(Rule::asksInvestigator);
    }

    @Override
    public Boolean anyOf(AnyOf rule) {
        return rule.rules().stream().anyMatch(Rule::asksInvestigator);
    }

    @Override
    public Boolean not(Not rule) {
        return rule.rule().asksInvestigator();
    }

    @Override
    public Boolean attestation(Attestation rule) {
        return true;
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
        return false;
    }

    @Override
    public Boolean procedure(ProcedureRule rule) {
        return false;
    }

    @Override
    public Boolean eventCount(EventCountRule rule) {
        return false;
    }

    @Override
    public Boolean medication(MedicationRule rule) {
        return false;
    }

    @Override
    public Boolean allergy(AllergyRule rule) {
        return false;
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

    /** A reference is answered by the other criterion, which is evaluated (and asks) on its own account. */
    @Override
    public Boolean criterionRef(CriterionRef rule) {
        return false;
    }
}
