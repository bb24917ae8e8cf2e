package org.stroma.trial.eligibility.compile;

import org.stroma.trial.eligibility.rule.AllOf;
import org.stroma.trial.eligibility.rule.AnyOf;
import org.stroma.trial.eligibility.rule.CriterionRef;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.Rule;

/**
 * A rewrite that keeps how a rule combines its parts (and, or, not) and rewrites each part: a subclass says what
 * becomes of the kinds of rule it changes, every other kind is kept as it is.
 */
abstract class PartsRewritten extends LeavesKept {
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
    public Rule criterionRef(CriterionRef rule) {
        return rule;
    }
}
