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
        // in doubles: m·(m + 1) and m·n overflow an int from about 46 000 subjects a group
        double w = rankSum - (double) m * (m + 1) / 2.0;
        double ties = tieTerm(all);
        double hl = medianOfDifferences(reference, other);
        if (m < EXACT_BELOW && n < EXACT_BELOW && ties == 0) {
            return new Result(w, exactP(w, m, n), true, hl, null);
        }
        double mean = (double) m * n / 2.0;
        double variance = (double) m * n / 12.0 * ((m + n + 1) - ties / ((double) (m + n) * (m + n - 1)));
        double centred = w - mean;
        double z = (centred - Math.signum(centred) * 0.5) / Math.sqrt(variance);
        return new Result(w, Distributions.zTwoSided(z), false, hl, z);
    }

    /**
     * The Hodges–Lehmann shift: the median of the m·n differences other − reference, found without forming them (at
     * 10⁵ subjects there would be 2.5·10⁹). With both samples sorted, other[i] − reference[j] (as rounded) rises with
     * i and falls with j, so the differences at most v are counted in one merge-like pass; the k-th smallest
     * difference is the least double v whose count reaches k, found by bisecting the doubles' ordered bit patterns
     * (at most 64 passes). It is the same double as sorting all the differences would give.
     */
    static double medianOfDifferences(double[] reference, double[] other) {
        double[] x = other.clone();
        double[] r = reference.clone();
        Arrays.sort(x);
        Arrays.sort(r);
        long count = (long) x.length * r.length;
        if (count == 1) {
            return x[0] - r[0];
        }
        double lowerMiddle = smallestDifference(x, r, (count + 1) / 2);
        if (count % 2 == 1) {
            return lowerMiddle;
        }
        return (lowerMiddle + smallestDifference(x, r, count / 2 + 1)) / 2;
    }

    /** The k-th smallest (from 1) of the differences x[i] − r[j] of two sorted samples. */
    private static double smallestDifference(double[] x, double[] r, long k) {
        long low = orderedBits(x[0] - r[r.length - 1]);
        long high = orderedBits(x[x.length - 1] - r[0]);
        while (low < high) {
            long middle = (low & high) + ((low ^ high) >> 1); // the floor of the mean, without overflow
            if (differencesAtMost(x, r, fromOrderedBits(middle)) >= k) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return fromOrderedBits(low) + 0.0; // + 0.0: a zero difference as 0, not −0
    }

    /** How many x[i] − r[j] are at most v: for each i a tail of r, which starts no earlier as i rises. */
    private static long differencesAtMost(double[] x, double[] r, double v) {
        long count = 0;
        int j = 0;
        for (double xi : x) {
            while (j < r.length && xi - r[j] > v) {
                j++;
            }
            count += r.length - j;
        }
        return count;
    }

    /** A double's bits as a long that orders as the doubles do (negative ones flipped below the positive). */
    private static long orderedBits(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double fromOrderedBits(long ordered) {
        return Double.longBitsToDouble(ordered >= 0 ? ordered : ordered ^ Long.MAX_VALUE);
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
