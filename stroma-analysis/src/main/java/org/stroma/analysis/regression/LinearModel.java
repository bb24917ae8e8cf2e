package org.stroma.analysis.regression;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.result.Distributions;
import org.stroma.analysis.result.Estimate;

/**
 * Ordinary least squares with an intercept: each coefficient with its standard error, t on the residual degrees of
 * freedom and 95 % interval; the residual standard deviation and R². ANCOVA is this model with the group and the
 * baseline among its terms.
 */
public final class LinearModel {
    private LinearModel() {
    }

    public record Fit(List<Estimate> coefficients, double residualSd, double rSquared, int df) {
    }

    public static Fit fit(double[] y, double[][] x, List<String> terms) {
        int n = y.length;
        int p = terms.size() + 1;
        if (n <= p) {
            throw new DataException(n + " complete rows cannot estimate " + p + " coefficients");
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] beta;
        double[] se;
        try {
            beta = ols.estimateRegressionParameters();
            se = ols.estimateRegressionParametersStandardErrors();
        } catch (SingularMatrixException e) {
            throw new DataException("the terms " + terms + " cannot be separated (one is constant or a combination of"
                    + " the others)");
        }
        int df = n - p;
        double t95 = Distributions.t95(df);
        List<Estimate> coefficients = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            String term = j == 0 ? "(intercept)" : terms.get(j - 1);
            double t = beta[j] / se[j];
            coefficients.add(new Estimate(term, beta[j], se[j], beta[j] - t95 * se[j], beta[j] + t95 * se[j], t,
                    (double) df, Distributions.tTwoSided(t, df)));
        }
        return new Fit(coefficients, Math.sqrt(ols.estimateErrorVariance()), ols.calculateRSquared(), df);
    }
}
