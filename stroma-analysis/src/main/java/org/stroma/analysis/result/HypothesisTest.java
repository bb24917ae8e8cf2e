package org.stroma.analysis.result;

/** A hypothesis test of the model as a whole: its name, statistic, degrees of freedom and p-value. */
public record HypothesisTest(String name, double statistic, Double df, double p) {
}
