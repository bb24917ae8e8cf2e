package org.stroma.analysis.compare;

import java.util.Arrays;
import org.stroma.analysis.data.DataException;

/** Size, mean, variance (n − 1), median, minimum and maximum of a sample. */
public record Summary(int n, double mean, double variance, double median, double min, double max) {

    public static Summary of(double[] values) {
        int n = values.length;
        if (n < 2) {
            throw new DataException("a group has " + n + " value" + (n == 1 ? "" : "s") + "; at least 2 are needed");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Summary(n, mean, ss / (n - 1), median, sorted[0], sorted[n - 1]);
    }

    public double sd() {
        return Math.sqrt(variance);
    }
}
