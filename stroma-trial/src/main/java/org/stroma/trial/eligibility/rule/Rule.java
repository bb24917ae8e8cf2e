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

    /** Whether any part of the rule is the investigator's to answer (an {@link Attestation}), however nested. */
    default boolean asksInvestigator() {
        if (this instanceof AllOf all) {
            return all.rules().stream().anyMatch(Rule::asksInvestigator);
        }
        if (this instanceof AnyOf any) {
            return any.rules().stream().anyMatch(Rule::asksInvestigator);
        }
        if (this instanceof Not not) {
            return not.rule().asksInvestigator();
        }
        return this instanceof Attestation;
    }
}
