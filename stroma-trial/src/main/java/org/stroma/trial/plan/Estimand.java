package org.stroma.trial.plan;

/**
 * What an endpoint's analysis estimates, in the five attributes of ICH E9(R1): the treatments compared, the population,
 * the variable, how intercurrent events (stopping treatment, rescue, death) are handled, and the population-level
 * summary.
 */
public record Estimand(String treatment, String population, String variable, String intercurrentEvents,
        String summaryMeasure) {
}
