package org.stroma.trial.eligibility.rule;

/**
 * A computable eligibility rule. Every rule reads back as plain words ({@link #describe}) for the people who check it,
 * and as the rule language ({@link #ruleText}) in which a study team can correct or add rules; {@link RuleParser}
 * reads that language back into the same rule.
 *
 * <p>Whatever does something different for each kind of rule (evaluates it, writes it as SQL, makes up a patient for
 * it) does so through a {@link Visitor}, never by testing the rule's class: a new kind of rule is then a new method of
 * the visitor, and every place that has not yet decided what to do with it fails to compile instead of passing the
 * rule over in silence.
 */
public sealed interface Rule permits AgeRule, SexRule, MeasurementRule, ClassRule, ConditionRule, ProcedureRule,
        EventCountRule, MedicationRule, AllergyRule, ExposureRule, DurationRule, IncreaseRule, AllOf, AnyOf, Not,
        Attestation, CriterionRef {

    String describe();

    String ruleText();

    /** Calls the visitor's method for this rule's kind. */
    <R> R accept(Visitor<R> visitor);

    /** Whether any part of the rule is the investigator's to answer (an {@link Attestation}), however nested. */
    default boolean asksInvestigator() {
        return accept(new AsksInvestigator());
    }

    /**
     * One method for each kind of rule. A visitor that treats several kinds alike still names each of them, so that
     * what it does with every kind is written down where it is decided.
     */
    interface Visitor<R> {
        R allOf(AllOf rule);

        R anyOf(AnyOf rule);

        R not(Not rule);

        R age(AgeRule rule);

        R sex(SexRule rule);

        R measurement(MeasurementRule rule);

        R classification(ClassRule rule);

        R condition(ConditionRule rule);

        R procedure(ProcedureRule rule);

        R eventCount(EventCountRule rule);

        R medication(MedicationRule rule);

        R allergy(AllergyRule rule);

        R exposure(ExposureRule rule);

        R duration(DurationRule rule);

        R increase(IncreaseRule rule);

        R attestation(Attestation rule);

        R criterionRef(CriterionRef rule);
    }
}
