package org.stroma.analysis.compare;

import org.stroma.analysis.result.Estimate;

/**
 * The two-period, two-sequence crossover (AB/BA) analysed as Jones and Kenward do, all three effects reported side by
 * side and none replacing another. With d = period 1 − period 2 for each subject: the treatment effect (sequence 1's
 * first treatment − the other) is half the difference of the sequences' mean d; the period effect (period 1 − period 2)
 * is half their sum; both are pooled two-sample t-tests. The carryover (sequence 1 − sequence 2) compares the subjects'
 * totals, period 1 + period 2, by a pooled t. A significant carryover is reported as such, never silently answered by
 * an analysis of period 1 alone.
 */
public final class Crossover {
    private Crossover() {
    }

    public record Result(Estimate treatment, Estimate period, Estimate carryover, Estimate naivePaired) {
    }

    /** Each subject's two period values, by sequence. */
    public static Result analyse(double[] seq1Period1, double[] seq1Period2, double[] seq2Period1,
            double[] seq2Period2, String treatmentTerm) {
        double[] d1 = difference(seq1Period1, seq1Period2);
        double[] d2 = difference(seq2Period1, seq2Period2);
        Estimate diff = TTest.pooled(d2, d1, "d");
        Estimate treatment = halve(diff, treatmentTerm);
        double[] minusD2 = d2.clone();
        for (int i = 0; i < minusD2.length; i++) {
            minusD2[i] = -minusD2[i];
        }
        Estimate period = halve(TTest.pooled(minusD2, d1, "d"), "period 1 − period 2");
        Estimate carryover = TTest.pooled(sum(seq2Period1, seq2Period2), sum(seq1Period1, seq1Period2),
                "carryover (sequence 1 − sequence 2, subject totals)");
        // the paired t that ignores the period, for comparison only: the treatment's values minus the other's
        double[] paired = new double[d1.length + d2.length];
        System.arraycopy(d1, 0, paired, 0, d1.length);
        for (int i = 0; i < d2.length; i++) {
            paired[d1.length + i] = -d2[i];
        }
        Estimate naive = TTest.oneSample(paired, treatmentTerm + ", paired t ignoring the period");
        return new Result(treatment, period, carryover, naive);
    }

    /** An estimate and its interval halved; t, df and p do not change. */
    private static Estimate halve(Estimate e, String term) {
        return new Estimate(term, e.estimate() / 2, e.se() / 2, e.ciLow() / 2, e.ciHigh() / 2, e.statistic(),
                e.df(), e.p());
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static double[] sum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }
}
