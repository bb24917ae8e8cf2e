package org.stroma.analysis.longitudinal;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The shape of the within-subject covariance over the visits, each written as a map from unconstrained parameters θ
 * to a covariance matrix that is positive definite for every θ, so that the REML maximisation needs no constraints.
 * In the order an analysis falls back through them: each has fewer parameters than the one before.
 */
public enum CovarianceStructure {
    /**
     * One variance per visit and one correlation per pair: Σ = LLᵀ with L lower triangular, its diagonal stored as
     * logarithms (log-Cholesky), its other entries as they are. T(T+1)/2 parameters.
     */
    UNSTRUCTURED("unstructured") {
        @Override
        int parameterCount(int visits) {
            return visits * (visits + 1) / 2;
        }

        @Override
        RealMatrix covariance(double[] theta, int visits) {
            RealMatrix l = cholesky(theta, visits);
            return l.multiply(l.transpose());
        }

        @Override
        RealMatrix[] derivatives(double[] theta, int visits) {
            // dΣ = dL·Lᵀ + L·dLᵀ, where dL has the one entry the parameter sits in
            RealMatrix l = cholesky(theta, visits);
            RealMatrix[] d = new RealMatrix[theta.length];
            int k = 0;
            for (int i = 0; i < visits; i++) {
                for (int j = 0; j <= i; j++) {
                    RealMatrix dl = MatrixUtils.createRealMatrix(visits, visits);
                    dl.setEntry(i, j, i == j ? Math.exp(theta[k]) : 1);
                    RealMatrix half = dl.multiply(l.transpose());
                    d[k++] = half.add(half.transpose());
                }
            }
            return d;
        }

        @Override
        double[] start(RealMatrix sigma) {
            double[] theta = new double[parameterCount(sigma.getRowDimension())];
            RealMatrix l = new CholeskyDecomposition(sigma, 1e-9, 0).getL();
            int k = 0;
            for (int i = 0; i < sigma.getRowDimension(); i++) {
                for (int j = 0; j <= i; j++) {
                    theta[k++] = i == j ? Math.log(l.getEntry(i, i)) : l.getEntry(i, j);
                }
            }
            return theta;
        }

        private RealMatrix cholesky(double[] theta, int visits) {
            RealMatrix l = MatrixUtils.createRealMatrix(visits, visits);
            int k = 0;
            for (int i = 0; i < visits; i++) {
                for (int j = 0; j <= i; j++) {
                    l.setEntry(i, j, i == j ? Math.exp(theta[k]) : theta[k]);
                    k++;
                }
            }
            return l;
        }
    },

    /**
     * One variance, and a correlation that depends only on the distance between visits (lag), any positive-definite
     * pattern of them: the lags' partial autocorrelations, each tanh of a parameter, turned into correlations by the
     * Durbin–Levinson recursion (nlme's corARMA with p = T − 1 spans the same matrices). T parameters.
     */
    TOEPLITZ("Toeplitz") {
        @Override
        int parameterCount(int visits) {
            return visits;
        }

        @Override
        RealMatrix covariance(double[] theta, int visits) {
            double[] rho = autocorrelations(theta, visits);
            double variance = Math.exp(theta[0]);
            RealMatrix s = MatrixUtils.createRealMatrix(visits, visits);
            for (int i = 0; i < visits; i++) {
                for (int j = 0; j < visits; j++) {
                    s.setEntry(i, j, variance * rho[Math.abs(i - j)]);
                }
            }
            return s;
        }

        private double[] autocorrelations(double[] theta, int visits) {
            double[] rho = new double[visits];
            rho[0] = 1;
            double[] a = new double[visits]; // a[j]: the lag-j coefficient of the order-(k−1) autoregression
            for (int k = 1; k < visits; k++) {
                double phi = Math.tanh(theta[k]);
                double explained = 0;
                double predicted = 0;
                for (int j = 1; j < k; j++) {
                    explained += a[j] * rho[j];
                    predicted += a[j] * rho[k - j];
                }
                rho[k] = phi * (1 - explained) + predicted;
                double[] next = a.clone();
                for (int j = 1; j < k; j++) {
                    next[j] = a[j] - phi * a[k - j];
                }
                next[k] = phi;
                a = next;
            }
            return rho;
        }

        @Override
        double[] start(RealMatrix sigma) {
            double[] theta = new double[sigma.getRowDimension()];
            theta[0] = Math.log(meanVariance(sigma));
            return theta; // no correlation: the first Newton steps find it
        }
    },

    /**
     * One variance and one correlation ρ for every pair of visits, ρ = (e^θ − 1)/(e^θ + T − 1), which covers
     * (−1/(T − 1), 1), the correlations that keep the matrix positive definite. Two parameters.
     */
    COMPOUND_SYMMETRY("compound symmetry") {
        @Override
        int parameterCount(int visits) {
            return 2;
        }

        @Override
        RealMatrix covariance(double[] theta, int visits) {
            double variance = Math.exp(theta[0]);
            double rho = (Math.exp(theta[1]) - 1) / (Math.exp(theta[1]) + visits - 1);
            RealMatrix s = MatrixUtils.createRealMatrix(visits, visits);
            for (int i = 0; i < visits; i++) {
                for (int j = 0; j < visits; j++) {
                    s.setEntry(i, j, i == j ? variance : variance * rho);
                }
            }
            return s;
        }

        @Override
        double[] start(RealMatrix sigma) {
            return new double[] {Math.log(meanVariance(sigma)), 0};
        }
    };

    private final String label;

    CovarianceStructure(String label) {
        this.label = label;
    }

    /** How a report names it. */
    public String label() {
        return label;
    }

    abstract int parameterCount(int visits);

    abstract RealMatrix covariance(double[] theta, int visits);

    /** The starting parameters, from a rough covariance (of the least-squares residuals), positive definite. */
    abstract double[] start(RealMatrix sigma);

    /**
     * dΣ/dθₖ for each parameter. Central differences, step 1e-5 (error of order 1e-10 for these smooth maps);
     * structures with a simple closed form override it.
     */
    RealMatrix[] derivatives(double[] theta, int visits) {
        RealMatrix[] d = new RealMatrix[theta.length];
        double h = 1e-5;
        for (int k = 0; k < theta.length; k++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += h;
            down[k] -= h;
            d[k] = covariance(up, visits).subtract(covariance(down, visits)).scalarMultiply(1 / (2 * h));
        }
        return d;
    }

    private static double meanVariance(RealMatrix sigma) {
        return sigma.getTrace() / sigma.getRowDimension();
    }
}
