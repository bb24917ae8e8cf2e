package org.stroma.trial.eligibility.rule;

import org.stroma.trial.measure.EgfrEquation;

/**
 * The patient's latest value of an observation, within a window, lies in an interval. The interval is in
 * {@code unit}, or in multiples of the upper limit of normal when {@code timesUln}. For eGFR, {@code equation} names
 * the equation the criterion asks for (the value is then computed from creatinine); null means any reported eGFR, or
 * CKD-EPI 2021 from creatinine when none is reported.
 */
public record MeasurementRule(String concept, Interval interval, String unit, boolean timesUln, Window window,
        EgfrEquation equation) implements Rule {

    @Override
    public String describe() {
        String quantity = timesUln ? concept + " (× upper limit of normal)" : concept;
        String by = equation == null ? "" : " by " + equation.label();
        return "latest " + interval.describe(quantity, timesUln ? "" : unit) + by + ", measured " + window.describe();
    }

    @Override
    public String ruleText() {
        String u = timesUln ? " x uln" : unit == null || unit.isEmpty() ? "" : " " + unit;
        return "measure " + concept + " " + interval.ruleText() + u + (equation == null ? "" : " by " + equation.name())
                + " " + window.ruleText();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.measurement(this);
    }
}
