package org.stroma.analysis.longitudinal;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.stroma.analysis.result.Distributions;
import org.stroma.analysis.result.Estimate;

/**
 * Satterthwaite's degrees of freedom for a linear combination cᵀβ of the coefficients: its variance v = cᵀΦc is an
 * estimate, itself uncertain through the covariance parameters θ, and v's distribution is matched to a scaled
 * χ²: df = 2v² / Var(v), Var(v) ≈ gᵀ A g with gₖ = cᵀ(∂Φ/∂θₖ)c and A the inverse of the observed REML information
 * of θ. This is what emmeans computes for gls (mode "satterthwaite") and what SAS's DDFM=SATTERTHWAITE computes;
 * the value does not depend on how θ is parametrised, so nlme's parameters and these give the same df.
 */
final class Satterthwaite {
    private final RealMatrix phi;
    private final RealMatrix[] phiDerivatives;
    private final RealMatrix thetaCovariance;

    Satterthwaite(RealMatrix phi, RealMatrix[] phiDerivatives, RealMatrix thetaCovariance) {
        this.phi = phi;
        this.phiDerivatives = phiDerivatives;
        this.thetaCovariance = thetaCovariance;
    }

    double degreesOfFreedom(double[] c) {
        RealVector contrast = MatrixUtils.createRealVector(c);
        double variance = contrast.dotProduct(phi.operate(contrast));
        double[] g = new double[phiDerivatives.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = contrast.dotProduct(phiDerivatives[k].operate(contrast));
        }
        RealVector gradient = MatrixUtils.createRealVector(g);
        return 2 * variance * variance / gradient.dotProduct(thetaCovariance.operate(gradient));
    }

    /** cᵀβ with its standard error, Satterthwaite df, t against zero, two-sided p and 95 % interval. */
    Estimate estimate(String term, double[] c, double[] beta) {
        RealVector contrast = MatrixUtils.createRealVector(c);
        double value = contrast.dotProduct(MatrixUtils.createRealVector(beta));
        double se = Math.sqrt(contrast.dotProduct(phi.operate(contrast)));
        double df = degreesOfFreedom(c);
        double t95 = Distributions.t95(df);
        double t = value / se;
        return new Estimate(term, value, se, value - t95 * se, value + t95 * se, t, df, Distributions.tTwoSided(t, df));
    }
}
