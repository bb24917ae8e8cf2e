package org.stroma.analysis.longitudinal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.result.Estimate;

/**
 * The mixed model for repeated measures (MMRM), the usual primary analysis of a continuous outcome measured at
 * several visits: fixed effects arm, visit, arm × visit and the covariates; an unstructured covariance of the
 * visits within a subject, estimated by REML; each subject contributing the visits it has (missing at random).
 * Reported as R's {@code nlme::gls} with {@code corSymm} and {@code varIdent} and {@code emmeans} report it: the
 * coefficients with model-based standard errors, the least-squares mean of each arm at each visit, and each arm
 * against the reference arm at each visit, with Satterthwaite degrees of freedom.
 *
 * <p>When the unstructured covariance cannot be estimated (too few subjects for its parameters, no convergence, a
 * singular estimate), the fit falls back to Toeplitz and then to compound symmetry, and says so in
 * {@link Fit#structureReason()}: a protocol's fallback rule, applied openly.
 */
public final class Mmrm {
    private Mmrm() {
    }

    /** One arm at one visit: its least-squares mean, or its difference from the reference arm. */
    public record ArmVisit(String arm, String visit, Estimate estimate) {
    }

    /**
     * A fitted MMRM. {@code covariance} is Σ over all planned visits in their order; {@code structureReason} says
     * why this structure was used (the one asked for, or why the ones before it could not be).
     */
    public record Fit(CovarianceStructure structure, String structureReason, List<Estimate> coefficients,
            double remlLogLikelihood, double[][] covariance, List<ArmVisit> leastSquaresMeans,
            List<ArmVisit> contrasts, int subjects, int observations, int iterations) {
    }

    /** Fits with an unstructured covariance, falling back to Toeplitz and then compound symmetry if it must. */
    public static Fit fit(LongitudinalData data) {
        return fit(data, CovarianceStructure.UNSTRUCTURED);
    }

    /** Fits with {@code first}, falling back to the simpler structures after it if it cannot be estimated. */
    public static Fit fit(LongitudinalData data, CovarianceStructure first) {
        FixedEffects design = new FixedEffects(data);
        List<RemlLikelihood.Subject> subjects = subjects(data, design);
        RealVector ols = leastSquares(data, design);
        RealMatrix rough = roughCovariance(data, ols, subjects);
        RemlLikelihood likelihood = new RemlLikelihood(subjects, data.visits().size(), ols.toArray());
        StringBuilder failures = new StringBuilder();
        for (CovarianceStructure structure : CovarianceStructure.values()) {
            if (structure.ordinal() < first.ordinal()) {
                continue;
            }
            try {
                RemlMaximiser.Optimum optimum = new RemlMaximiser(likelihood, structure).maximise(rough);
                String reason = failures.length() == 0 ? structure.label() + ", the first tried"
                        : structure.label() + ", because " + failures;
                return report(data, design, structure, reason, optimum, subjects.size(), likelihood);
            } catch (RemlMaximiser.NotEstimable e) {
                failures.append(failures.length() == 0 ? "" : "; ").append(structure.label())
                        .append(" could not be estimated: ").append(e.getMessage());
            }
        }
        throw new DataException("no covariance structure could be estimated: " + failures);
    }

    private static List<RemlLikelihood.Subject> subjects(LongitudinalData data, FixedEffects design) {
        Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (int i = 0; i < data.rows(); i++) {
            rowsOf.computeIfAbsent(data.subject().get(i), s -> new ArrayList<>()).add(i);
        }
        double[] outcome = data.outcome();
        List<RemlLikelihood.Subject> subjects = new ArrayList<>();
        for (List<Integer> rows : rowsOf.values()) {
            rows.sort(Comparator.comparingInt(i -> data.visits().indexOf(data.visit().get(i))));
            int[] visits = new int[rows.size()];
            double[][] x = new double[rows.size()][];
            double[] y = new double[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                visits[k] = data.visits().indexOf(data.visit().get(rows.get(k)));
                x[k] = design.row(rows.get(k));
                y[k] = outcome[rows.get(k)];
            }
            subjects.add(new RemlLikelihood.Subject(visits, new Array2DRowRealMatrix(x, false),
                    new ArrayRealVector(y, false)));
        }
        return subjects;
    }

    /** The ordinary least-squares coefficients; where a design whose columns cannot be separated is caught. */
    private static RealVector leastSquares(LongitudinalData data, FixedEffects design) {
        double[][] x = new double[data.rows()][];
        for (int i = 0; i < data.rows(); i++) {
            x[i] = design.row(i);
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(x, false), 1e-10);
        if (!qr.getSolver().isNonSingular()) {
            throw new DataException("the fixed effects " + design.names() + " cannot be separated (a covariate is"
                    + " constant, or a combination of the others or of arm and visit)");
        }
        return qr.getSolver().solve(new ArrayRealVector(data.outcome()));
    }

    /**
     * The covariance of the ordinary least-squares residuals, pair by pair over the subjects with both visits: only
     * a start for the REML iterations, made diagonal if it is not positive definite.
     */
    private static RealMatrix roughCovariance(LongitudinalData data, RealVector beta,
            List<RemlLikelihood.Subject> subjects) {
        int t = data.visits().size();
        double[][] sum = new double[t][t];
        int[][] count = new int[t][t];
        for (RemlLikelihood.Subject s : subjects) {
            RealVector r = s.y().subtract(s.x().operate(beta));
            for (int a = 0; a < s.visits().length; a++) {
                for (int b = 0; b < s.visits().length; b++) {
                    sum[s.visits()[a]][s.visits()[b]] += r.getEntry(a) * r.getEntry(b);
                    count[s.visits()[a]][s.visits()[b]]++;
                }
            }
        }
        RealMatrix rough = MatrixUtils.createRealMatrix(t, t);
        RealMatrix diagonal = MatrixUtils.createRealMatrix(t, t);
        double meanVariance = 0;
        for (int a = 0; a < t; a++) {
            meanVariance += sum[a][a] / count[a][a] / t;
        }
        double scale = meanVariance;
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                rough.setEntry(a, b, count[a][b] > 1 ? sum[a][b] / count[a][b] : 0);
            }
            // a visit whose residuals are all 0 still needs a variance to start from
            rough.setEntry(a, a, Math.max(rough.getEntry(a, a), 1e-3 * scale + Double.MIN_NORMAL));
            diagonal.setEntry(a, a, rough.getEntry(a, a));
        }
        double[] eigen = new EigenDecomposition(rough).getRealEigenvalues();
        boolean positive = Arrays.stream(eigen).allMatch(e -> e > 1e-6 * scale);
        return positive ? rough : diagonal;
    }

    private static Fit report(LongitudinalData data, FixedEffects design, CovarianceStructure structure,
            String reason, RemlMaximiser.Optimum optimum, int subjects, RemlLikelihood likelihood) {
        RealMatrix thetaCovariance;
        try {
            thetaCovariance = new LUDecomposition(optimum.information()).getSolver().getInverse();
        } catch (SingularMatrixException e) {
            throw new DataException("the information matrix of the " + structure.label()
                    + " covariance parameters is singular; Satterthwaite degrees of freedom cannot be computed");
        }
        RealMatrix[] dSigma = structure.derivatives(optimum.theta(), data.visits().size());
        RealMatrix[] dPhi = new RealMatrix[dSigma.length];
        for (int k = 0; k < dSigma.length; k++) {
            dPhi[k] = optimum.at().coefficientCovarianceDerivative(dSigma[k]);
        }
        Satterthwaite satterthwaite = new Satterthwaite(optimum.at().coefficientCovariance, dPhi, thetaCovariance);
        double[] beta = optimum.at().beta;
        List<Estimate> coefficients = new ArrayList<>();
        for (int j = 0; j < design.size(); j++) {
            double[] unit = new double[design.size()];
            unit[j] = 1;
            coefficients.add(satterthwaite.estimate(design.names().get(j), unit, beta));
        }
        List<ArmVisit> means = new ArrayList<>();
        List<ArmVisit> contrasts = new ArrayList<>();
        String reference = data.arms().get(0);
        for (int v = 0; v < data.visits().size(); v++) {
            String visit = data.visits().get(v);
            double[] control = design.leastSquaresMeanRow(0, v);
            for (int a = 0; a < data.arms().size(); a++) {
                String arm = data.arms().get(a);
                double[] row = design.leastSquaresMeanRow(a, v);
                means.add(new ArmVisit(arm, visit, satterthwaite.estimate(arm + " at " + visit, row, beta)));
                if (a > 0) {
                    double[] difference = new double[row.length];
                    for (int j = 0; j < row.length; j++) {
                        difference[j] = row[j] - control[j];
                    }
                    contrasts.add(new ArmVisit(arm, visit, satterthwaite.estimate(arm + " − " + reference + " at "
                            + visit, difference, beta)));
                }
            }
        }
        return new Fit(structure, reason, coefficients, optimum.at().logLikelihood, optimum.sigma().getData(),
                means, contrasts, subjects, likelihood.observations(), optimum.iterations());
    }
}
