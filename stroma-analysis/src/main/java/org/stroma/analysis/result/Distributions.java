package org.stroma.analysis.result;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;

/** Tail probabilities and quantiles, computed on the tail itself so that small p-values keep their digits. */
public final class Distributions {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** The 97.5th centile of the normal distribution: the half-width of a 95 % interval in standard errors. */
    public static final double Z95 = NORMAL.inverseCumulativeProbability(0.975);

    private Distributions() {
    }

    /** Two-sided p of a t statistic. */
    public static double tTwoSided(double t, double df) {
        return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    }

    /** The 97.5th centile of Student's t with these degrees of freedom. */
    public static double t95(double df) {
        return new TDistribution(null, df).inverseCumulativeProbability(0.975);
    }

    /** Two-sided p of a z statistic. */
    public static double zTwoSided(double z) {
        return 2 * NORMAL.cumulativeProbability(-Math.abs(z));
    }

    /** Upper tail of the chi-square distribution. */
    public static double chiSquareUpper(double x, double df) {
        return x <= 0 ? 1 : Gamma.regularizedGammaQ(df / 2, x / 2);
    }
}
