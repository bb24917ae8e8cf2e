package org.stroma.analysis.regression;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.special.Gamma;
import org.stroma.analysis.data.DataException;

/**
 * Negative binomial regression of counts with a log link and an offset (the log of each subject's exposure, such as
 * the number of scans): var(y) = μ + μ²/θ. Fitted as R's MASS::glm.nb does: from a Poisson fit, alternate iteratively
 * reweighted least squares for β at the current θ with Newton's method for θ's maximum likelihood at the current μ,
 * until both settle. Standard errors of β come from the weighted information at the end, θ's from its own.
 */
public final class NegativeBinomialRegression {
    private static final int MAX_ROUNDS = 100;

    private NegativeBinomialRegression() {
    }

    public record Fit(List<String> terms, double[] beta, double[] se, double theta, double thetaSe,
            double logLikelihood, int rounds, boolean converged) {
    }

    /** {@code x[i]} are the covariates without the intercept (added here); {@code offset} may be null. */
    public static Fit fit(double[] y, double[][] x, double[] offset, List<String> terms) {
        int n = y.length;
        int p = terms.size() + 1;
        for (int i = 0; i < n; i++) {
            if (y[i] < 0 || y[i] != Math.rint(y[i])) {
                throw new DataException("observation " + (i + 1) + ": " + y[i] + " is not a count");
            }
        }
        double[][] design = new double[n][p];
        for (int i = 0; i < n; i++) {
            design[i][0] = 1;
            System.arraycopy(x[i], 0, design[i], 1, p - 1);
        }
        double[] off = offset == null ? new double[n] : offset;
        double theta = Double.POSITIVE_INFINITY; // Poisson first
        double[] beta = irls(y, design, off, theta, null);
        double[] mu = mu(design, beta, off);
        theta = thetaMl(y, mu, momentTheta(y, mu, p));
        double logLik = logLikelihood(y, mu, theta);
        boolean converged = false;
        int round = 0;
        while (round < MAX_ROUNDS && !converged) {
            round++;
            beta = irls(y, design, off, theta, beta);
            mu = mu(design, beta, off);
            double previousTheta = theta;
            theta = thetaMl(y, mu, theta);
            double next = logLikelihood(y, mu, theta);
            converged = Math.abs(next - logLik) < 1e-10 * (1 + Math.abs(logLik))
                    && Math.abs(theta - previousTheta) < 1e-8 * theta;
            logLik = next;
        }
        RealMatrix information = weightedCrossProduct(design, mu, theta);
        double[] se = new double[p];
        RealMatrix covariance = invert(information, terms);
        for (int j = 0; j < p; j++) {
            se[j] = Math.sqrt(covariance.getEntry(j, j));
        }
        double thetaSe = 1 / Math.sqrt(thetaInformation(y, mu, theta));
        return new Fit(terms, beta, se, theta, thetaSe, logLik, round, converged);
    }

    private static double[] mu(double[][] design, double[] beta, double[] offset) {
        double[] mu = new double[design.length];
        for (int i = 0; i < design.length; i++) {
            double eta = offset[i];
            for (int j = 0; j < beta.length; j++) {
                eta += design[i][j] * beta[j];
            }
            mu[i] = Math.exp(eta);
        }
        return mu;
    }

    /** β by iteratively reweighted least squares at a fixed θ (infinite θ: Poisson), from {@code start} or from y. */
    private static double[] irls(double[] y, double[][] design, double[] offset, double theta, double[] start) {
        int n = y.length;
        int p = design[0].length;
        double[] mu = new double[n];
        if (start == null) {
            for (int i = 0; i < n; i++) {
                mu[i] = y[i] + 0.1;
            }
        } else {
            mu = mu(design, start, offset);
        }
        double[] beta = start == null ? new double[p] : start.clone();
        double deviance = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < 100; iteration++) {
            RealMatrix xtwx = new Array2DRowRealMatrix(p, p);
            double[] xtwz = new double[p];
            for (int i = 0; i < n; i++) {
                double w = weight(mu[i], theta);
                double z = Math.log(mu[i]) - offset[i] + (y[i] - mu[i]) / mu[i];
                for (int j = 0; j < p; j++) {
                    xtwz[j] += design[i][j] * w * z;
                    for (int k = 0; k < p; k++) {
                        xtwx.addToEntry(j, k, design[i][j] * w * design[i][k]);
                    }
                }
            }
            beta = invert(xtwx, null).operate(xtwz);
            mu = mu(design, beta, offset);
            double next = deviance(y, mu, theta);
            if (Math.abs(next - deviance) < 1e-12 * (Math.abs(next) + 0.1)) {
                break;
            }
            deviance = next;
        }
        return beta;
    }

    private static double weight(double mu, double theta) {
        return Double.isInfinite(theta) ? mu : mu / (1 + mu / theta);
    }

    private static double deviance(double[] y, double[] mu, double theta) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            double term = y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0;
            d += Double.isInfinite(theta) ? 2 * (term - (y[i] - mu[i]))
                    : 2 * (term - (y[i] + theta) * Math.log((y[i] + theta) / (mu[i] + theta)));
        }
        return d;
    }

    private static RealMatrix weightedCrossProduct(double[][] design, double[] mu, double theta) {
        int p = design[0].length;
        RealMatrix m = new Array2DRowRealMatrix(p, p);
        for (int i = 0; i < design.length; i++) {
            double w = weight(mu[i], theta);
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    m.addToEntry(j, k, design[i][j] * w * design[i][k]);
                }
            }
        }
        return m;
    }

    private static RealMatrix invert(RealMatrix m, List<String> terms) {
        try {
            return new LUDecomposition(m).getSolver().getInverse();
        } catch (SingularMatrixException e) {
            throw new DataException("the terms " + (terms == null ? "" : terms + " ") + "cannot be separated (one is"
                    + " constant or a combination of the others)");
        }
    }

    /** The method-of-moments θ, a starting point for its maximum likelihood. */
    private static double momentTheta(double[] y, double[] mu, int p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] / mu[i] - 1) * (y[i] / mu[i] - 1);
        }
        double theta = y.length / s;
        return Double.isFinite(theta) && theta > 0 ? theta : 1;
    }

    /** θ's maximum likelihood at fixed μ, by Newton's method on log θ's scale (which keeps θ positive). */
    private static double thetaMl(double[] y, double[] mu, double start) {
        double theta = Double.isFinite(start) && start > 0 ? start : 1;
        for (int iteration = 0; iteration < 100; iteration++) {
            double score = thetaScore(y, mu, theta);
            double info = thetaInformation(y, mu, theta);
            // on log θ: d/dlogθ = θ·score; information transforms with θ²
            double step = theta * score / (theta * theta * info - theta * score);
            if (!Double.isFinite(step)) {
                break;
            }
            step = Math.max(-5, Math.min(5, step));
            double next = theta * Math.exp(step);
            if (Math.abs(next - theta) < 1e-12 * theta) {
                theta = next;
                break;
            }
            theta = next;
        }
        if (theta > 1e8) {
            throw new DataException("the counts show no overdispersion (θ grows without bound); a Poisson model fits"
                    + " them");
        }
        return theta;
    }

    private static double thetaScore(double[] y, double[] mu, double theta) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += Gamma.digamma(y[i] + theta) - Gamma.digamma(theta) + Math.log(theta) + 1
                    - Math.log(theta + mu[i]) - (y[i] + theta) / (theta + mu[i]);
        }
        return s;
    }

    /** Minus the second derivative of the log-likelihood in θ. */
    private static double thetaInformation(double[] y, double[] mu, double theta) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += -Gamma.trigamma(y[i] + theta) + Gamma.trigamma(theta) - 1 / theta + 2 / (theta + mu[i])
                    - (y[i] + theta) / ((theta + mu[i]) * (theta + mu[i]));
        }
        return s;
    }

    private static double logLikelihood(double[] y, double[] mu, double theta) {
        double l = 0;
        for (int i = 0; i < y.length; i++) {
            l += Gamma.logGamma(theta + y[i]) - Gamma.logGamma(theta) - Gamma.logGamma(y[i] + 1)
                    + theta * Math.log(theta) + y[i] * Math.log(mu[i]) - (theta + y[i]) * Math.log(theta + mu[i]);
        }
        return l;
    }
}
