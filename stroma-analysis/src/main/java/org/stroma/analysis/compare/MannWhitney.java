package org.stroma.analysis.compare;

import java.util.Arrays;
import org.stroma.analysis.result.Distributions;

/**
 * The Wilcoxon–Mann–Whitney rank-sum test of two groups. W is the other group's rank sum less its least possible
 * value (its count of pairs in which it is the larger, ties counting a half). The p-value is exact when both groups
 * are under 50 and nothing is tied, otherwise from the normal approximation with the tie correction and a continuity
 * correction (as R's wilcox.test). The Hodges–Lehmann estimate is the median of all differences other − reference.
 */
public final class MannWhitney {
    private static final int EXACT_BELOW = 50;

    private MannWhitney() {
    }

    public record Result(double w, double p, boolean exact, double hodgesLehmann, Double z) {
    }

    public static Result test(double[] reference, double[] other) {
        int m = other.length;
        int n = reference.length;
        double[] all = new double[m + n];
        System.arraycopy(other, 0, all, 0, m);
        System.arraycopy(reference, 0, all, m, n);
        double[] ranks = ranks(all);
        double rankSum = 0;
        for (int i = 0; i < m; i++) {
            rankSum += ranks[i];
        }
        double w = rankSum - m * (m + 1) / 2.0;
        double ties = tieTerm(all);
        double[] differences = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                differences[i * n + j] = other[i] - reference[j];
            }
        }
        double hl = Summary.of(differences.length > 1 ? differences : new double[] {differences[0],
                differences[0]}).median();
        if (m < EXACT_BELOW && n < EXACT_BELOW && ties == 0) {
            return new Result(w, exactP(w, m, n), true, hl, null);
        }
        double mean = m * n / 2.0;
        double variance = m * n / 12.0 * ((m + n + 1) - ties / ((double) (m + n) * (m + n - 1)));
        double centred = w - mean;
        double z = (centred - Math.signum(centred) * 0.5) / Math.sqrt(variance);
        return new Result(w, Distributions.zTwoSided(z), false, hl, z);
    }

    /** Mid-ranks, ties sharing the mean of the ranks they span. */
    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = mid;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** Σ (t³ − t) over groups of tied values. */
    private static double tieTerm(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }

    /**
     * The exact two-sided p: twice the smaller tail of W's distribution over all arrangements of the two groups. The
     * count of arrangements of i other and j reference values with u pairs won obeys f(i, j, u) = f(i − 1, j, u − j)
     * (the largest value is the other group's and wins all j) + f(i, j − 1, u) (it is a reference value).
     */
    private static double exactP(double w, int m, int n) {
        int max = m * n;
        double[][] layer = new double[m + 1][max + 1];
        for (int i = 0; i <= m; i++) {
            layer[i][0] = 1; // no reference values: nothing won
        }
        for (int j = 1; j <= n; j++) {
            double[][] next = new double[m + 1][max + 1];
            next[0][0] = 1;
            for (int i = 1; i <= m; i++) {
                for (int u = 0; u <= max; u++) {
                    next[i][u] = (u >= j ? next[i - 1][u - j] : 0) + layer[i][u];
                }
            }
            layer = next;
        }
        double[] counts = layer[m];
        double all = 0;
        for (double c : counts) {
            all += c;
        }
        double below = 0;
        double above = 0;
        for (int u = 0; u <= max; u++) {
            if (u <= w) {
                below += counts[u];
            }
            if (u >= w) {
                above += counts[u];
            }
        }
        return Math.min(1, 2 * Math.min(below, above) / all);
    }
}
