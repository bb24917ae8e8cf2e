package org.stroma.analysis.survival;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.stroma.analysis.data.DataException;

/**
 * Cox's proportional hazards model, fitted by Newton–Raphson on the partial likelihood (Efron's or Breslow's handling
 * of tied event times), from β = 0, halving a step that would lower the likelihood by more than the tolerance, until a
 * step changes it by less. Reports β with its standard error from the inverse information, and the likelihood ratio,
 * score and Wald tests of β = 0.
 */
public final class CoxRegression {
    private static final int MAX_ITERATIONS = 50;
    /** The fit has converged when a step changes the log likelihood by less than this share of it. */
    private static final double TOLERANCE = 1e-10;

    private CoxRegression() {
    }

    /** The fit: coefficients, their covariance, the log partial likelihoods, the tests' statistics. */
    public record Fit(List<String> terms, double[] beta, double[][] covariance, double logLikelihood,
            double nullLogLikelihood, double likelihoodRatio, double score, double wald, int iterations,
            boolean converged) {
    }

    /** {@code x[i]} are subject i's covariates, in the order of {@code terms}. */
    public static Fit fit(double[] time, boolean[] event, double[][] x, List<String> terms, Ties ties) {
        return fit(new Problem(time, event, x, terms.size(), ties), terms);
    }

    /** Newton–Raphson on any evaluation of the partial likelihood: the sums over risk sets or, in tests, a check. */
    static Fit fit(PartialLikelihood problem, List<String> terms) {
        int p = terms.size();
        double[] beta = new double[p];
        Derivatives at0 = problem.at(beta);
        double nullLogLikelihood = at0.logLikelihood;
        RealMatrix info0 = new Array2DRowRealMatrix(at0.information);
        RealVector u0 = new ArrayRealVector(at0.gradient);
        double score = u0.dotProduct(solve(info0, u0, terms));
        Derivatives current = at0;
        boolean converged = false;
        int iteration = 0;
        while (iteration < MAX_ITERATIONS && !converged) {
            iteration++;
            RealVector step = solve(new Array2DRowRealMatrix(current.information),
                    new ArrayRealVector(current.gradient), terms);
            // as in R's coxph, a change smaller than the tolerance ends the fit whatever its sign: it is rounding (the
            // likelihood is a sum of n logs), not a step too long to be halved
            double tolerance = TOLERANCE * (1 + Math.abs(current.logLikelihood));
            double[] next = new double[p];
            Derivatives tried = null;
            for (int halving = 0; halving < 30; halving++) {
                for (int j = 0; j < p; j++) {
                    next[j] = beta[j] + step.getEntry(j);
                }
                tried = problem.at(next);
                if (tried.logLikelihood >= current.logLikelihood - tolerance) {
                    break;
                }
                step = step.mapMultiply(0.5);
            }
            converged = Math.abs(tried.logLikelihood - current.logLikelihood) < tolerance;
            beta = next;
            current = tried;
        }
        RealMatrix information = new Array2DRowRealMatrix(current.information);
        double[][] covariance = inverse(information, terms).getData();
        RealVector b = new ArrayRealVector(beta);
        double wald = b.dotProduct(information.operate(b));
        return new Fit(terms, beta, covariance, current.logLikelihood, nullLogLikelihood,
                2 * (current.logLikelihood - nullLogLikelihood), score, wald, iteration, converged);
    }

    private static RealVector solve(RealMatrix a, RealVector b, List<String> terms) {
        try {
            return new LUDecomposition(a).getSolver().solve(b);
        } catch (SingularMatrixException e) {
            throw new DataException("the covariates " + terms + " cannot be separated (one is constant or a"
                    + " combination of the others)");
        }
    }

    private static RealMatrix inverse(RealMatrix a, List<String> terms) {
        try {
            return new LUDecomposition(a).getSolver().getInverse();
        } catch (SingularMatrixException e) {
            throw new DataException("the covariates " + terms + " cannot be separated (one is constant or a"
                    + " combination of the others)");
        }
    }

    /** The log partial likelihood at some β, its gradient and its information (minus the Hessian). */
    record Derivatives(double logLikelihood, double[] gradient, double[][] information) {
    }

    interface PartialLikelihood {
        Derivatives at(double[] beta);
    }

    /**
     * The partial likelihood of one data set. The subjects are sorted by time once; at each β the sums over the risk
     * set — of the relative risks (s0), of them times the covariates (s1) and times their products (s2) — grow block
     * by block from the last time back, each subject added once, so an evaluation costs O(n·p²). The covariates are
     * centred on their means, which changes nothing but the rounding (β·x̄ cancels from every ratio) and keeps the
     * relative risks and the differences s2/s0 − (s1/s0)² well scaled.
     */
    static final class Problem implements PartialLikelihood {
        private final int p;
        private final Ties ties;
        private final TimeBlocks blocks;
        /**
         * In time order, so that each evaluation reads them straight through: the k-th subject's centred covariates
         * are x[k·p] … x[k·p + p − 1], and its event is dies[k].
         */
        private final double[] x;
        private final boolean[] dies;

        Problem(double[] time, boolean[] event, double[][] x, int p, Ties ties) {
            this.p = p;
            this.ties = ties;
            this.blocks = new TimeBlocks(time);
            double[] mean = new double[p];
            for (double[] row : x) {
                for (int j = 0; j < p; j++) {
                    mean[j] += row[j] / x.length;
                }
            }
            int n = blocks.atRisk(0);
            this.x = new double[n * p];
            this.dies = new boolean[n];
            for (int k = 0; k < n; k++) {
                int i = blocks.subject(k);
                dies[k] = event[i];
                for (int j = 0; j < p; j++) {
                    this.x[k * p + j] = x[i][j] - mean[j];
                }
            }
        }

        @Override
        public Derivatives at(double[] beta) {
            double logLikelihood = 0;
            double[] gradient = new double[p];
            double[][] information = new double[p][p];
            // sums over the risk set (s0, s1, s2) and over those with the event at the block's time (d0, d1, d2)
            double s0 = 0;
            double[] s1 = new double[p];
            double[][] s2 = new double[p][p];
            double[] d1 = new double[p];
            double[][] d2 = new double[p][p];
            double[] mean = new double[p];
            for (int b = blocks.blocks() - 1; b >= 0; b--) {
                double d0 = 0;
                int d = 0;
                for (int k = blocks.start(b); k < blocks.end(b); k++) {
                    int row = k * p;
                    double eta = 0;
                    for (int j = 0; j < p; j++) {
                        eta += x[row + j] * beta[j];
                    }
                    double risk = Math.exp(eta);
                    s0 += risk;
                    accumulate(s1, s2, row, risk);
                    if (dies[k]) {
                        if (d == 0) {
                            Arrays.fill(d1, 0);
                            for (double[] sums : d2) {
                                Arrays.fill(sums, 0);
                            }
                        }
                        d0 += risk;
                        d++;
                        logLikelihood += eta;
                        accumulate(d1, d2, row, risk);
                        for (int j = 0; j < p; j++) {
                            gradient[j] += x[row + j];
                        }
                    }
                }
                // Efron: the r-th of d tied events sees the risk set less r/d of those tied; Breslow: all of it
                for (int r = 0; r < d; r++) {
                    double f = ties == Ties.EFRON ? (double) r / d : 0;
                    double den = s0 - f * d0;
                    logLikelihood -= Math.log(den);
                    for (int j = 0; j < p; j++) {
                        mean[j] = (s1[j] - f * d1[j]) / den;
                        gradient[j] -= mean[j];
                    }
                    for (int j = 0; j < p; j++) {
                        for (int k = 0; k < p; k++) {
                            information[j][k] += (s2[j][k] - f * d2[j][k]) / den - mean[j] * mean[k];
                        }
                    }
                }
            }
            return new Derivatives(logLikelihood, gradient, information);
        }

        /** Adds the subject whose covariates start at x[row], weighted by its relative risk, to the sums s1 and s2. */
        private void accumulate(double[] s1, double[][] s2, int row, double risk) {
            for (int j = 0; j < p; j++) {
                double r = risk * x[row + j];
                s1[j] += r;
                for (int k = 0; k < p; k++) {
                    s2[j][k] += r * x[row + k];
                }
            }
        }
    }
}
