package org.stroma.analysis.longitudinal;

import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Maximises the REML log-likelihood over a covariance structure's parameters θ by Newton's method: the gradient in
 * closed form (through dΣ/dθ), the Hessian as central differences of that gradient, steps halved until the
 * likelihood rises, and a multiple of the identity added while the Hessian is not negative definite (far from the
 * optimum). Newton rather than a derivative-free optimiser because the answer must agree with R to 1e-4 and the
 * Hessian is needed anyway: its inverse is the covariance of θ that the Satterthwaite degrees of freedom use.
 */
final class RemlMaximiser {
    static final int MAX_ITERATIONS = 200;
    /** Step of the differences of the gradient: error of order h² ≈ 1e-8 relative, rounding ≈ 1e-12 / h. */
    private static final double HESSIAN_STEP = 1e-4;
    /** Newton decrement gᵀ(−H)⁻¹g below which θ is at the maximum to double precision in l. */
    private static final double DECREMENT = 1e-14;
    /** The smallest eigenvalue of Σ, relative to the largest, that is not taken as singular. */
    private static final double SINGULAR = 1e-8;

    /** A maximum: θ, the likelihood there, and the observed information −∂²l/∂θ² (positive definite). */
    record Optimum(double[] theta, RealMatrix sigma, RemlLikelihood.At at, RealMatrix information, int iterations) {
    }

    /** Thrown when a structure cannot be estimated on these data; the message says why, for the fit's report. */
    static final class NotEstimable extends Exception {
        private static final long serialVersionUID = 1L;

        NotEstimable(String reason) {
            super(reason);
        }
    }

    private final RemlLikelihood likelihood;
    private final CovarianceStructure structure;
    private final int visits;

    RemlMaximiser(RemlLikelihood likelihood, CovarianceStructure structure) {
        this.likelihood = likelihood;
        this.structure = structure;
        this.visits = likelihood.visits();
    }

    Optimum maximise(RealMatrix roughSigma) throws NotEstimable {
        int parameters = structure.parameterCount(visits);
        int residualDf = likelihood.observations() - likelihood.coefficients();
        if (parameters >= residualDf) {
            throw new NotEstimable(parameters + " covariance parameters but only " + residualDf
                    + " residual degrees of freedom (" + likelihood.observations() + " observations, "
                    + likelihood.coefficients() + " fixed effects)");
        }
        double[] theta = structure.start(roughSigma);
        RemlLikelihood.At at = likelihood.at(structure.covariance(theta, visits));
        if (at == null) {
            throw new NotEstimable("the starting covariance is not positive definite");
        }
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[] gradient = gradient(theta, at);
            RealMatrix information = hessian(theta).scalarMultiply(-1);
            RealVector g = MatrixUtils.createRealVector(gradient);
            RealVector step = null;
            boolean undamped = false;
            for (double damping = 0; step == null; damping = Math.max(1e-6, 10 * damping)) {
                try {
                    RealMatrix damped = information.add(MatrixUtils.createRealIdentityMatrix(parameters)
                            .scalarMultiply(damping * Math.max(1, maxDiagonal(information))));
                    step = new CholeskyDecomposition(damped, 1e-8, 0).getSolver().solve(g);
                    undamped = damping == 0;
                    if (undamped && g.dotProduct(step) < DECREMENT) {
                        return checked(theta, at, information, iteration);
                    }
                } catch (MathIllegalArgumentException e) {
                    if (damping > 1e12) {
                        throw new NotEstimable("the REML surface has no usable curvature (Newton step failed)");
                    }
                }
            }
            // far from the maximum a Newton step can leap to where Σ is nearly singular: at most 1 per parameter
            double t = Math.min(1, 1 / step.getLInfNorm());
            RemlLikelihood.At next = null;
            double[] candidate = null;
            for (int halving = 0; halving < 60; halving++, t /= 2) {
                candidate = theta.clone();
                for (int k = 0; k < parameters; k++) {
                    candidate[k] += t * step.getEntry(k);
                }
                next = likelihood.at(structure.covariance(candidate, visits));
                if (next != null && next.logLikelihood >= at.logLikelihood - 1e-11 * Math.abs(at.logLikelihood)) {
                    break;
                }
                next = null;
            }
            if (next == null) {
                throw new NotEstimable("the REML likelihood stopped rising before a maximum (iteration " + iteration
                        + ")");
            }
            // at the maximum to the precision of the arithmetic, if short of the decrement asked for
            boolean stalled = undamped && g.dotProduct(step) < 1e-9
                    && next.logLikelihood - at.logLikelihood < 1e-13 * Math.abs(at.logLikelihood);
            theta = candidate;
            at = next;
            if (stalled) {
                return checked(theta, at, hessian(theta).scalarMultiply(-1), iteration);
            }
        }
        throw new NotEstimable("REML did not converge in " + MAX_ITERATIONS + " Newton iterations (the likelihood"
                + " keeps rising towards a singular covariance)");
    }

    private Optimum checked(double[] theta, RemlLikelihood.At at, RealMatrix information, int iterations)
            throws NotEstimable {
        RealMatrix sigma = structure.covariance(theta, visits);
        double[] eigen = new EigenDecomposition(sigma).getRealEigenvalues();
        double min = Arrays.stream(eigen).min().orElseThrow();
        double max = Arrays.stream(eigen).max().orElseThrow();
        if (min <= SINGULAR * max) {
            throw new NotEstimable("the estimated covariance is singular (smallest eigenvalue " + min
                    + ", largest " + max + ")");
        }
        return new Optimum(theta, sigma, at, information, iterations);
    }

    private double[] gradient(double[] theta, RemlLikelihood.At at) {
        RealMatrix[] d = structure.derivatives(theta, visits);
        double[] g = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            g[k] = at.derivative(d[k]);
        }
        return g;
    }

    /** ∂²l/∂θ², symmetrised; throws if the likelihood is undefined a step away (Σ at the edge of definiteness). */
    RealMatrix hessian(double[] theta) throws NotEstimable {
        int q = theta.length;
        RealMatrix h = MatrixUtils.createRealMatrix(q, q);
        for (int k = 0; k < q; k++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += HESSIAN_STEP;
            down[k] -= HESSIAN_STEP;
            RemlLikelihood.At atUp = likelihood.at(structure.covariance(up, visits));
            RemlLikelihood.At atDown = likelihood.at(structure.covariance(down, visits));
            if (atUp == null || atDown == null) {
                throw new NotEstimable("the covariance is at the edge of positive definiteness");
            }
            double[] gUp = gradient(up, atUp);
            double[] gDown = gradient(down, atDown);
            for (int j = 0; j < q; j++) {
                h.setEntry(j, k, (gUp[j] - gDown[j]) / (2 * HESSIAN_STEP));
            }
        }
        return h.add(h.transpose()).scalarMultiply(0.5);
    }

    private static double maxDiagonal(RealMatrix m) {
        double max = 0;
        for (int i = 0; i < m.getRowDimension(); i++) {
            max = Math.max(max, Math.abs(m.getEntry(i, i)));
        }
        return max;
    }
}
