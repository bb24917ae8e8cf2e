package org.stroma.analysis.compare;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.stroma.analysis.result.Distributions;
import org.stroma.analysis.result.Estimate;

/**
 * Two groups' proportions with an outcome (responders, subjects with a serious event): the difference (other −
 * reference) with its Wald interval, Pearson's χ² without continuity correction, and Fisher's exact test, whose
 * two-sided p sums the tables no more likely than the one observed (as R's fisher.test).
 */
public final class Proportions {
    private Proportions() {
    }

    public record Result(Estimate difference, double chiSquare, double chiSquareP, double fisherP) {
    }

    public static Result compare(int referenceEvents, int referenceN, int otherEvents, int otherN, String term) {
        if (referenceEvents < 0 || otherEvents < 0 || referenceEvents > referenceN || otherEvents > otherN
                || referenceN == 0 || otherN == 0) {
            throw new IllegalArgumentException("events must lie between 0 and the group's size");
        }
        double p1 = (double) referenceEvents / referenceN;
        double p2 = (double) otherEvents / otherN;
        double se = Math.sqrt(p1 * (1 - p1) / referenceN + p2 * (1 - p2) / otherN);
        double d = p2 - p1;
        Estimate difference = new Estimate(term, d, se, d - Distributions.Z95 * se, d + Distributions.Z95 * se,
                se > 0 ? d / se : null, null, null);
        int n = referenceN + otherN;
        int events = referenceEvents + otherEvents;
        double chi = 0;
        int[][] observed = {{otherEvents, otherN - otherEvents}, {referenceEvents, referenceN - referenceEvents}};
        int[] rows = {otherN, referenceN};
        int[] cols = {events, n - events};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double expected = (double) rows[i] * cols[j] / n;
                if (expected > 0) {
                    chi += Math.pow(observed[i][j] - expected, 2) / expected;
                }
            }
        }
        return new Result(difference, chi, Distributions.chiSquareUpper(chi, 1), fisher(otherEvents, otherN, events,
                n));
    }

    /** Two-sided Fisher p: the tables with the margins fixed that are no more likely than the observed one. */
    private static double fisher(int a, int rowTotal, int colTotal, int n) {
        HypergeometricDistribution h = new HypergeometricDistribution(null, n, colTotal, rowTotal);
        double observed = h.probability(a);
        double p = 0;
        for (int x = Math.max(0, rowTotal + colTotal - n); x <= Math.min(rowTotal, colTotal); x++) {
            double px = h.probability(x);
            if (px <= observed * (1 + 1e-7)) {
                p += px;
            }
        }
        return Math.min(1, p);
    }
}
