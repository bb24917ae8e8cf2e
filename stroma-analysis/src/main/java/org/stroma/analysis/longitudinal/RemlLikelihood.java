package org.stroma.analysis.longitudinal;

import java.util.List;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The restricted (REML) log-likelihood of a linear model whose subjects are independent, each with the covariance
 * Σ restricted to the visits it has, and what follows from it at one Σ: the generalised least-squares coefficients,
 * their covariance Φ = (XᵀV⁻¹X)⁻¹, the gradient with respect to Σ and the derivative of Φ along a change of Σ.
 * Written per subject, so that no N × N matrix is ever formed.
 */
final class RemlLikelihood {
    /** One subject's rows: the visits it has (indices into the planned visits), design rows and outcomes. */
    record Subject(int[] visits, RealMatrix x, RealVector y) {
    }

    private final List<Subject> subjects;
    private final int visits;
    private final int observations;
    private final int coefficients;

    RemlLikelihood(List<Subject> subjects, int visits) {
        this.subjects = List.copyOf(subjects);
        this.visits = visits;
        this.observations = subjects.stream().mapToInt(s -> s.visits().length).sum();
        this.coefficients = subjects.get(0).x().getColumnDimension();
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

    /** The likelihood and its by-products at Σ, or null if Σ (or XᵀV⁻¹X) is not numerically positive definite. */
    At at(RealMatrix sigma) {
        int p = coefficients;
        RealMatrix[] weights = new RealMatrix[subjects.size()];
        RealMatrix[] weightedX = new RealMatrix[subjects.size()];
        RealMatrix information = MatrixUtils.createRealMatrix(p, p);
        RealVector xWy = MatrixUtils.createRealVector(new double[p]);
        double logDetV = 0;
        try {
            for (int s = 0; s < subjects.size(); s++) {
                Subject subject = subjects.get(s);
                CholeskyDecomposition v = new CholeskyDecomposition(restrict(sigma, subject.visits()), 1e-8, 0);
                logDetV += logDeterminant(v);
                weights[s] = v.getSolver().getInverse();
                weightedX[s] = weights[s].multiply(subject.x());
                information = information.add(subject.x().transpose().multiply(weightedX[s]));
                xWy = xWy.add(weightedX[s].transpose().operate(subject.y()));
            }
            // symmetric up to rounding, which Cholesky's relative test rejects where an entry is near 0
            information = information.add(information.transpose()).scalarMultiply(0.5);
            CholeskyDecomposition m = new CholeskyDecomposition(information, 1e-8, 0);
            RealMatrix phi = m.getSolver().getInverse();
            RealVector beta = phi.operate(xWy);
            double quadratic = 0;
            RealMatrix gradient = MatrixUtils.createRealMatrix(visits, visits);
            for (int s = 0; s < subjects.size(); s++) {
                Subject subject = subjects.get(s);
                RealVector wr = weights[s].operate(subject.y().subtract(subject.x().operate(beta)));
                quadratic += subject.y().subtract(subject.x().operate(beta)).dotProduct(wr);
                // ∂l/∂V_i = ½(W r rᵀ W − P_ii), P_ii = W − W X Φ Xᵀ W the subject's block of the REML projection
                RealMatrix p_ii = weights[s].subtract(weightedX[s].multiply(phi).multiply(weightedX[s].transpose()));
                RealMatrix block = wr.outerProduct(wr).subtract(p_ii).scalarMultiply(0.5);
                int[] idx = subject.visits();
                for (int a = 0; a < idx.length; a++) {
                    for (int b = 0; b < idx.length; b++) {
                        gradient.addToEntry(idx[a], idx[b], block.getEntry(a, b));
                    }
                }
            }
            double logLikelihood = -0.5 * ((observations - p) * Math.log(2 * Math.PI) + logDetV + logDeterminant(m)
                    + quadratic);
            return new At(logLikelihood, beta.toArray(), phi, gradient, weightedX);
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
        private final RealMatrix[] weightedX;

        At(double logLikelihood, double[] beta, RealMatrix coefficientCovariance, RealMatrix gradient,
                RealMatrix[] weightedX) {
            this.logLikelihood = logLikelihood;
            this.beta = beta;
            this.coefficientCovariance = coefficientCovariance;
            this.gradient = gradient;
            this.weightedX = weightedX;
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

        /** dΦ along dΣ: Φ (Σᵢ XᵢᵀWᵢ dVᵢ WᵢXᵢ) Φ, since Φ is the inverse of Σᵢ XᵢᵀWᵢXᵢ and dW = −W dV W. */
        RealMatrix coefficientCovarianceDerivative(RealMatrix dSigma) {
            RealMatrix middle = MatrixUtils.createRealMatrix(coefficients, coefficients);
            for (int s = 0; s < subjects.size(); s++) {
                RealMatrix dv = restrict(dSigma, subjects.get(s).visits());
                middle = middle.add(weightedX[s].transpose().multiply(dv).multiply(weightedX[s]));
            }
            return coefficientCovariance.multiply(middle).multiply(coefficientCovariance);
        }
    }
}
