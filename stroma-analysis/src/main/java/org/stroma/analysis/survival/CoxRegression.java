package org.stroma.analysis.survival;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.stroma.analysis.data.DataException;

/**
 * Cox's proportional hazards model, fitted by Newton–Raphson on the partial likelihood (Efron's or Breslow's handling
 * of tied event times), from β = 0, halving a step that would lower the likelihood. Reports β with its standard error
 * from the inverse information, and the likelihood ratio, score and Wald tests of β = 0.
 */
public final class CoxRegression {
    private static final int MAX_ITERATIONS = 50;

    private CoxRegression() {
    }

    /** The fit: coefficients, their covariance, the log partial likelihoods, the tests' statistics. */
    public record Fit(List<String> terms, double[] beta, double[][] covariance, double logLikelihood,
            double nullLogLikelihood, double likelihoodRatio, double score, double wald, int iterations,
            boolean converged) {
    }

    /** {@code x[i]} are subject i's covariates, in the order of {@code terms}. */
    public static Fit fit(double[] time, boolean[] event, double[][] x, List<String> terms, Ties ties) {
        int p = terms.size();
        Problem problem = new Problem(time, event, x, ties);
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
            double[] next = new double[p];
            Derivatives tried = null;
            for (int halving = 0; halving < 30; halving++) {
                for (int j = 0; j < p; j++) {
                    next[j] = beta[j] + step.getEntry(j);
                }
                tried = problem.at(next);
                if (tried.logLikelihood >= current.logLikelihood - 1e-12) {
                    break;
                }
                step = step.mapMultiply(0.5);
            }
            converged = Math.abs(tried.logLikelihood - current.logLikelihood) < 1e-10 * (1 + Math.abs(
                    current.logLikelihood));
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

    private record Derivatives(double logLikelihood, double[] gradient, double[][] information) {
    }

    /** The partial likelihood of one data set, evaluated at any β. */
    private record Problem(double[] time, boolean[] event, double[][] x, Ties ties) {

        Derivatives at(double[] beta) {
            int n = time.length;
            int p = beta.length;
            double[] risk = new double[n];
            for (int i = 0; i < n; i++) {
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    eta += x[i][j] * beta[j];
                }
                risk[i] = Math.exp(eta);
            }
            double logLikelihood = 0;
            double[] gradient = new double[p];
            double[][] information = new double[p][p];
            double[] times = IntStream.range(0, n).filter(i -> event[i]).mapToDouble(i -> time[i])
                    .distinct().sorted().toArray();
            for (double t : times) {
                // sums over the risk set (s0, s1, s2) and over those with the event at t (d0, d1, d2)
                double s0 = 0;
                double d0 = 0;
                double[] s1 = new double[p];
                double[] d1 = new double[p];
                double[][] s2 = new double[p][p];
                double[][] d2 = new double[p][p];
                int d = 0;
                for (int i = 0; i < n; i++) {
                    if (time[i] < t) {
                        continue;
                    }
                    boolean dies = time[i] == t && event[i];
                    s0 += risk[i];
                    if (dies) {
                        d0 += risk[i];
                        d++;
                        logLikelihood += Math.log(risk[i]);
                    }
                    for (int j = 0; j < p; j++) {
                        double r = risk[i] * x[i][j];
                        s1[j] += r;
                        if (dies) {
                            d1[j] += r;
                            gradient[j] += x[i][j];
                        }
                        for (int k = 0; k < p; k++) {
                            s2[j][k] += r * x[i][k];
                            if (dies) {
                                d2[j][k] += r * x[i][k];
                            }
                        }
                    }
                }
                for (int r = 0; r < d; r++) {
                    double f = ties == Ties.EFRON ? (double) r / d : 0;
                    double den = s0 - f * d0;
                    logLikelihood -= Math.log(den);
                    for (int j = 0; j < p; j++) {
                        double mj = (s1[j] - f * d1[j]) / den;
                        gradient[j] -= mj;
                        for (int k = 0; k < p; k++) {
                            double mk = (s1[k] - f * d1[k]) / den;
                            information[j][k] += (s2[j][k] - f * d2[j][k]) / den - mj * mk;
                        }
                    }
                }
            }
            return new Derivatives(logLikelihood, gradient, information);
        }
    }
}
