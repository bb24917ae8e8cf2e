package org.stroma.analysis.longitudinal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The restricted (REML) log-likelihood of a linear model whose subjects are independent, each with the covariance
 * Σ restricted to the visits it has, and what follows from it at one Σ: the generalised least-squares coefficients,
 * their covariance Φ = (XᵀV⁻¹X)⁻¹, the gradient with respect to Σ and the derivative of Φ along a change of Σ.
 *
 * <p>No N × N matrix is formed, and no pass over the subjects is made at each Σ: subjects with the same visits (the
 * same pattern of missed visits) share the weight W = Σ⁻¹ of those visits, so every sum over subjects the
 * likelihood needs is a sum over the pattern's visit pairs (a, b) of W_ab times a sum over its subjects that does
 * not depend on Σ — Σᵢ x_ia x_ibᵀ, Σᵢ x_ia e_ib, Σᵢ e_ia e_ib — gathered once. The residuals e are taken from the
 * ordinary least-squares coefficients β₀ rather than the raw outcomes, so that the residual sums of squares at β
 * (e − Xδ with δ = β − β₀) are formed from numbers of the residuals' size, without the cancellation the outcomes'
 * size would bring. Each Σ then costs a Cholesky factor per pattern and sums of p × p matrices, whatever the
 * number of subjects.
 */
final class RemlLikelihood {
    /** One subject's rows: the visits it has (indices into the planned visits), design rows and outcomes. */
    record Subject(int[] visits, RealMatrix x, RealVector y) {
    }

    /** The subjects with one set of visits, and their sums over the visit pairs (a, b) of that set. */
    private static final class Pattern {
        final int[] visits;
        int subjects;
        /** Σᵢ x_ia x_ibᵀ, [a][b] a p × p matrix. */
        final double[][][][] xx;
        /** Σᵢ x_ia e_ib, [a][b] a p-vector. */
        final double[][][] xe;
        /** Σᵢ e_ia e_ib. */
        final double[][] ee;

        Pattern(int[] visits, int p) {
            this.visits = visits;
            int k = visits.length;
            xx = new double[k][k][p][p];
            xe = new double[k][k][p];
            ee = new double[k][k];
        }

        void add(Subject s, double[] olsBeta) {
            int k = visits.length;
            int p = olsBeta.length;
            double[][] x = new double[k][];
            double[] e = new double[k];
            for (int a = 0; a < k; a++) {
                x[a] = s.x().getRow(a);
                e[a] = s.y().getEntry(a);
                for (int j = 0; j < p; j++) {
                    e[a] -= x[a][j] * olsBeta[j];
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    ee[a][b] += e[a] * e[b];
                    for (int j = 0; j < p; j++) {
                        xe[a][b][j] += x[a][j] * e[b];
                        for (int l = 0; l < p; l++) {
                            xx[a][b][j][l] += x[a][j] * x[b][l];
                        }
                    }
                }
            }
            subjects++;
        }
    }

    private final List<Pattern> patterns;
    private final double[] olsBeta;
    private final int visits;
    private final int observations;
    private final int coefficients;

    /** {@code olsBeta}: the ordinary least-squares coefficients, the point the residual sums are taken about. */
    RemlLikelihood(List<Subject> subjects, int visits, double[] olsBeta) {
        this.visits = visits;
        this.olsBeta = olsBeta.clone();
        this.observations = subjects.stream().mapToInt(s -> s.visits().length).sum();
        this.coefficients = subjects.get(0).x().getColumnDimension();
        Map<List<Integer>, Pattern> byVisits = new LinkedHashMap<>();
        for (Subject s : subjects) {
            List<Integer> key = Arrays.stream(s.visits()).boxed().toList();
            byVisits.computeIfAbsent(key, k -> new Pattern(s.visits().clone(), coefficients)).add(s, this.olsBeta);
        }
        this.patterns = new ArrayList<>(byVisits.values());
    }

    int observations() {
        return observations;
    }

    int coefficients() {
        return coefficients;
    }

    int visits() {
        return visits;
    }

    /** Σ's submatrix over a subject's visits. */
    static RealMatrix restrict(RealMatrix sigma, int[] visits) {
        return sigma.getSubMatrix(visits, visits);
    }

    /** Σ_ab w_ab m[a][b] over a pattern's visit pairs: p × p matrices weighted by a k × k one. */
    private static double[][] weightedSum(RealMatrix w, double[][][][] m, int p) {
        double[][] sum = new double[p][p];
        int k = w.getRowDimension();
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double wab = w.getEntry(a, b);
                for (int j = 0; j < p; j++) {
                    for (int l = 0; l < p; l++) {
                        sum[j][l] += wab * m[a][b][j][l];
                    }
                }
            }
        }
        return sum;
    }

    /** The likelihood and its by-products at Σ, or null if Σ (or XᵀV⁻¹X) is not numerically positive definite. */
    At at(RealMatrix sigma) {
        int p = coefficients;
        RealMatrix[] weights = new RealMatrix[patterns.size()];
        double[][] information = new double[p][p];
        double[] xWe = new double[p];
        double logDetV = 0;
        try {
            for (int g = 0; g < patterns.size(); g++) {
                Pattern pattern = patterns.get(g);
                CholeskyDecomposition v = new CholeskyDecomposition(restrict(sigma, pattern.visits), 1e-8, 0);
                logDetV += pattern.subjects * logDeterminant(v);
                weights[g] = v.getSolver().getInverse();
                double[][] part = weightedSum(weights[g], pattern.xx, p);
                int k = pattern.visits.length;
                for (int j = 0; j < p; j++) {
                    for (int l = 0; l < p; l++) {
                        information[j][l] += part[j][l];
                    }
                    for (int a = 0; a < k; a++) {
                        for (int b = 0; b < k; b++) {
                            xWe[j] += weights[g].getEntry(a, b) * pattern.xe[a][b][j];
                        }
                    }
                }
            }
            RealMatrix m0 = MatrixUtils.createRealMatrix(information);
            // symmetric up to rounding, which Cholesky's relative test rejects where an entry is near 0
            RealMatrix symmetric = m0.add(m0.transpose()).scalarMultiply(0.5);
            CholeskyDecomposition m = new CholeskyDecomposition(symmetric, 1e-8, 0);
            RealMatrix phi = m.getSolver().getInverse();
            // β = Φ XᵀW y = β₀ + Φ XᵀW e, since XᵀW y = XᵀW e + (XᵀWX) β₀
            double[] delta = phi.operate(xWe);
            double[] beta = new double[p];
            for (int j = 0; j < p; j++) {
                beta[j] = olsBeta[j] + delta[j];
            }
            double quadratic = 0;
            RealMatrix gradient = MatrixUtils.createRealMatrix(visits, visits);
            for (int g = 0; g < patterns.size(); g++) {
                Pattern pattern = patterns.get(g);
                int k = pattern.visits.length;
                // Σᵢ rᵢrᵢᵀ with r = e − Xδ, and Σᵢ XᵢΦXᵢᵀ: [a][b] = ⟨Φ, Σᵢ x_ia x_ibᵀ⟩
                RealMatrix residuals = MatrixUtils.createRealMatrix(k, k);
                RealMatrix leverage = MatrixUtils.createRealMatrix(k, k);
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        double r = pattern.ee[a][b];
                        double c = 0;
                        for (int j = 0; j < p; j++) {
                            r -= delta[j] * (pattern.xe[a][b][j] + pattern.xe[b][a][j]);
                            for (int l = 0; l < p; l++) {
                                r += delta[j] * pattern.xx[a][b][j][l] * delta[l];
                                c += phi.getEntry(j, l) * pattern.xx[a][b][j][l];
                            }
                        }
                        residuals.setEntry(a, b, r);
                        leverage.setEntry(a, b, c);
                    }
                }
                RealMatrix w = weights[g];
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        quadratic += w.getEntry(a, b) * residuals.getEntry(b, a);
                    }
                }
                // ∂l/∂V summed over the pattern's subjects: ½ Σᵢ (W rᵢrᵢᵀ W − Pᵢᵢ), Pᵢᵢ = W − W XᵢΦXᵢᵀ W the
                // subject's block of the REML projection
                RealMatrix block = w.multiply(residuals.add(leverage)).multiply(w)
                        .subtract(w.scalarMultiply(pattern.subjects)).scalarMultiply(0.5);
                int[] idx = pattern.visits;
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        gradient.addToEntry(idx[a], idx[b], block.getEntry(a, b));
                    }
                }
            }
            double logLikelihood = -0.5 * ((observations - p) * Math.log(2 * Math.PI) + logDetV + logDeterminant(m)
                    + quadratic);
            return new At(logLikelihood, beta, phi, gradient, weights);
        } catch (MathIllegalArgumentException e) {
            return null; // not positive definite (or not a number): outside where the likelihood is defined
        }
    }

    private static double logDeterminant(CholeskyDecomposition c) {
        double sum = 0;
        RealMatrix l = c.getL();
        for (int i = 0; i < l.getRowDimension(); i++) {
            sum += 2 * Math.log(l.getEntry(i, i));
        }
        return sum;
    }

    /** The likelihood at one Σ and what it gives. */
    final class At {
        final double logLikelihood;
        final double[] beta;
        final RealMatrix coefficientCovariance;
        /** ∂l/∂Σ: the change of the log-likelihood along dΣ is the sum of this times dΣ, entry by entry. */
        final RealMatrix gradient;
        /** W of each pattern's visits. */
        private final RealMatrix[] weights;

        At(double logLikelihood, double[] beta, RealMatrix coefficientCovariance, RealMatrix gradient,
                RealMatrix[] weights) {
            this.logLikelihood = logLikelihood;
            this.beta = beta;
            this.coefficientCovariance = coefficientCovariance;
            this.gradient = gradient;
            this.weights = weights;
        }

        /** The derivative of the log-likelihood along dΣ. */
        double derivative(RealMatrix dSigma) {
            double sum = 0;
            for (int a = 0; a < visits; a++) {
                for (int b = 0; b < visits; b++) {
                    sum += gradient.getEntry(a, b) * dSigma.getEntry(a, b);
                }
            }
            return sum;
        }

        /**
         * dΦ along dΣ: Φ (Σᵢ XᵢᵀWᵢ dVᵢ WᵢXᵢ) Φ, since Φ is the inverse of Σᵢ XᵢᵀWᵢXᵢ and dW = −W dV W; the middle
         * sum is, pattern by pattern, Σ_ab (W dV W)_ab Σᵢ x_ia x_ibᵀ.
         */
        RealMatrix coefficientCovarianceDerivative(RealMatrix dSigma) {
            double[][] middle = new double[coefficients][coefficients];
            for (int g = 0; g < patterns.size(); g++) {
                Pattern pattern = patterns.get(g);
                RealMatrix w = weights[g];
                RealMatrix wdvw = w.multiply(restrict(dSigma, pattern.visits)).multiply(w);
                double[][] part = weightedSum(wdvw, pattern.xx, coefficients);
                for (int j = 0; j < coefficients; j++) {
                    for (int l = 0; l < coefficients; l++) {
                        middle[j][l] += part[j][l];
                    }
                }
            }
            RealMatrix m = MatrixUtils.createRealMatrix(middle);
            return coefficientCovariance.multiply(m).multiply(coefficientCovariance);
        }
    }
}
