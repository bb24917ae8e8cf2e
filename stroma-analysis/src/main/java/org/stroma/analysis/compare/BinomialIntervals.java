package org.stroma.analysis.compare;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.stroma.analysis.result.Distributions;
import org.stroma.analysis.result.Estimate;

/**
 * 95 % intervals for proportions that keep their coverage in the small samples and the 0 % or 100 % responses of early
 * cell-therapy trials, where the Wald interval of {@link Proportions} collapses to a point: the exact (Clopper–Pearson)
 * and Wilson score intervals for one proportion, and Newcombe's hybrid score interval for the difference of two.
 * Each is an {@link Estimate} with the interval only (no SE, statistic or p).
 */
public final class BinomialIntervals {
    /** Accuracy asked of the beta quantiles, far below the digits an interval is reported with. */
    private static final double QUANTILE_ACCURACY = 1e-14;

    private BinomialIntervals() {
    }

    /**
     * Clopper–Pearson: the proportions whose binomial tail probability of the count observed is 2.5 % on each side,
     * the beta quantiles B(0.025; x, n − x + 1) and B(0.975; x + 1, n − x), as R's binom.test. At x = 0 or x = n the
     * closed end is 0 or 1 and the other keeps its 2.5 %.
     */
    public static Estimate clopperPearson(int events, int n, String term) {
        check(events, n);
        double low = events == 0 ? 0
                : new BetaDistribution(null, events, n - events + 1, QUANTILE_ACCURACY)
                        .inverseCumulativeProbability(0.025);
        double high = events == n ? 1
                : new BetaDistribution(null, events + 1, n - events, QUANTILE_ACCURACY)
                        .inverseCumulativeProbability(0.975);
        return interval(term, (double) events / n, low, high);
    }

    /** Wilson's score interval: the proportions the score test does not reject; R's prop.test without correction. */
    public static Estimate wilson(int events, int n, String term) {
        check(events, n);
        double[] limits = wilsonLimits(events, n);
        return interval(term, (double) events / n, limits[0], limits[1]);
    }

    /**
     * Newcombe's hybrid score interval for the difference other − reference (method 10 of Newcombe 1998, Statistics
     * in Medicine 17:873–890): each limit combines the distances from each proportion to the Wilson limit on the side
     * that moves the difference that way, d − √((p₂ − l₂)² + (u₁ − p₁)²) and d + √((u₂ − p₂)² + (p₁ − l₁)²), with p₂
     * the other group's proportion. Unlike the Wald interval it stays inside [−1, 1] and is not degenerate at 0/n.
     */
    public static Estimate newcombeDifference(int referenceEvents, int referenceN, int otherEvents, int otherN,
            String term) {
        check(referenceEvents, referenceN);
        check(otherEvents, otherN);
        double p1 = (double) referenceEvents / referenceN;
        double p2 = (double) otherEvents / otherN;
        double[] w1 = wilsonLimits(referenceEvents, referenceN);
        double[] w2 = wilsonLimits(otherEvents, otherN);
        double d = p2 - p1;
        double low = d - Math.hypot(p2 - w2[0], w1[1] - p1);
        double high = d + Math.hypot(w2[1] - p2, p1 - w1[0]);
        return interval(term, d, low, high);
    }

    private static double[] wilsonLimits(int events, int n) {
        double z = Distributions.Z95;
        double p = (double) events / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n);
        // at 0/n and n/n one limit is 0 or 1 exactly; the subtraction can miss it by an ulp
        return new double[] {events == 0 ? 0 : centre - half, events == n ? 1 : centre + half};
    }

    private static Estimate interval(String term, double estimate, double low, double high) {
        return new Estimate(term, estimate, null, low, high, null, null, null);
    }

    private static void check(int events, int n) {
        if (n <= 0 || events < 0 || events > n) {
            throw new IllegalArgumentException("events must lie between 0 and the group's size, which must be"
                    + " positive: " + events + " of " + n);
        }
    }
}
