package org.stroma.analysis.compare;

import org.stroma.analysis.result.Distributions;
import org.stroma.analysis.result.Estimate;

/**
 * Two groups' means compared: the difference (other − reference) with Welch's t, which does not assume equal
 * variances, and Student's pooled t, which does.
 */
public final class TTest {
    private TTest() {
    }

    public static Estimate welch(double[] reference, double[] other, String term) {
        Summary a = Summary.of(reference);
        Summary b = Summary.of(other);
        double va = a.variance() / a.n();
        double vb = b.variance() / b.n();
        double se = Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        return estimate(term, b.mean() - a.mean(), se, df);
    }

    public static Estimate pooled(double[] reference, double[] other, String term) {
        Summary a = Summary.of(reference);
        Summary b = Summary.of(other);
        double df = a.n() + b.n() - 2;
        double pooled = ((a.n() - 1) * a.variance() + (b.n() - 1) * b.variance()) / df;
        double se = Math.sqrt(pooled * (1.0 / a.n() + 1.0 / b.n()));
        return estimate(term, b.mean() - a.mean(), se, df);
    }

    /** A one-sample t on values (a paired difference, say): their mean against zero. */
    public static Estimate oneSample(double[] values, String term) {
        Summary s = Summary.of(values);
        return estimate(term, s.mean(), Math.sqrt(s.variance() / s.n()), s.n() - 1);
    }

    static Estimate estimate(String term, double difference, double se, double df) {
        double t = difference / se;
        double half = Distributions.t95(df) * se;
        return new Estimate(term, difference, se, difference - half, difference + half, t, df,
                Distributions.tTwoSided(t, df));
    }
}
