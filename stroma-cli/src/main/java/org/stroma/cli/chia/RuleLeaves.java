package org.stroma.cli.chia;

import java.util.ArrayList;
import java.util.List;
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
 * The rules under a rule that look at the patient, each with its polarity: whether an odd number of {@code not(…)}
 * stand above it. Attestations and references to other criteria are not leaves: no record decides them here.
 */
public final class RuleLeaves implements Rule.Visitor<List<RuleLeaf>> {
    private static final RuleLeaves AS_STATED = new RuleLeaves(false);
    private static final RuleLeaves NEGATED = new RuleLeaves(true);

    private final boolean negated;

    private RuleLeaves(boolean negated) {
        this.negated = negated;
    }

    public static List<RuleLeaf> of(Rule rule) {
        return rule.accept(AS_STATED);
    }

    private List<RuleLeaf> leaf(Rule rule) {
        return List.of(new RuleLeaf(rule, negated, LeafSubject.of(rule)));
    }

    private List<RuleLeaf> each(List<Rule> rules) {
        List<RuleLeaf> leaves = new ArrayList<>();
        rules.forEach(r -> leaves.addAll(r.accept(this)));
        return leaves;
    }

    @Override
    public List<RuleLeaf> allOf(AllOf rule) {
        return each(rule.rules());
    }

    @Override
    public List<RuleLeaf> anyOf(AnyOf rule) {
        return each(rule.rules());
    }

    @Override
    public List<RuleLeaf> not(Not rule) {
        return rule.rule().accept(negated ? AS_STATED : NEGATED);
    }

    @Override
    public List<RuleLeaf> attestation(Attestation rule) {
        return List.of();
    }

    @Override
    public List<RuleLeaf> criterionRef(CriterionRef rule) {
        return List.of();
    }

    @Override
    public List<RuleLeaf> age(AgeRule rule) {
        return leaf(rule);
    }

    @Override
    public List<RuleLeaf> sex(SexRule rule) {
        return leaf(rule);
    }

    @Override
    public List<RuleLeaf> measurement(MeasurementRule rule) {
        return leaf(rule);
    }

    @Override
    public List<RuleLeaf> classification(ClassRule rule) {
        return leaf(rule);
    }

    @Override
    public List<RuleLeaf> condition(ConditionRule rule) {
        return leaf(rule);
    }

    @Override
    public List<RuleLeaf> procedure(ProcedureRule rule) {
        return leaf(rule);
    }

    @Override
    public List<RuleLeaf> eventCount(EventCountRule rule) {
        return leaf(rule);
    }

    @Override
    public List<RuleLeaf> medication(MedicationRule rule) {
        return leaf(rule);
    }

    @Override
    public List<RuleLeaf> allergy(AllergyRule rule) {
        return leaf(rule);
    }

    @Override
    public List<RuleLeaf> exposure(ExposureRule rule) {
        return leaf(rule);
    }

    @Override
    public List<RuleLeaf> duration(DurationRule rule) {
        return leaf(rule);
    }

    @Override
    public List<RuleLeaf> increase(IncreaseRule rule) {
        return leaf(rule);
    }
}
