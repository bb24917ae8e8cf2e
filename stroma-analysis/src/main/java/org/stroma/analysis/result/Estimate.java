package org.stroma.analysis.result;

/**
 * One estimated quantity: a difference, a coefficient, a ratio. Its standard error, 95 % confidence interval, test
 * statistic (t, z), degrees of freedom and two-sided p-value; null where the method gives none.
 */
public record Estimate(String term, double estimate, Double se, Double ciLow, Double ciHigh, Double statistic,
        Double df, Double p) {
}
