package org.stroma.trial.eligibility.rule;

/**
 * A computable eligibility rule. Every rule reads back as plain words ({@link #describe}) for the people who check it,
 * and as the rule language ({@link #ruleText}) in which a study team can correct or add rules; {@link RuleParser}
 * reads that language back into the same rule.
 */
public sealed interface Rule permits AgeRule, SexRule, MeasurementRule, ClassRule, ConditionRule, ProcedureRule,
        EventCountRule, MedicationRule, ExposureRule, DurationRule, IncreaseRule, AllOf, AnyOf, Not, Attestation,
        CriterionRef {

    String describe();

    String ruleText();
}
