package org.stroma.trial.eligibility.rule;

/** Another criterion of the same protocol holds ("RRMS not fulfilling inclusion criteria" refers to the RRMS branch). */
public record CriterionRef(String criterionId) implements Rule {
    @Override
    public String describe() {
        return "criterion " + criterionId + " is met";
    }

    @Override
    public String ruleText() {
        return "ref " + criterionId;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.criterionRef(this);
    }
}
