package org.stroma.analysis.regression;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.special.Beta;
import org.stroma.analysis.data.DataException;

/**
 * The omnibus F test that a group factor (three or more arms) has no effect in an ANCOVA, by comparing residual sums
 * of squares of nested least-squares fits, both over the full model's residual mean square (R's {@code anova} on
 * {@code lm}). Two orders, because R's sequential table gives either depending on where the group is written:
 * {@link #adjusted} (group after the covariates, {@code anova(lm(y ~ baseline + group))}, the ANCOVA question) and
 * {@link #beforeCovariates} ({@code anova(lm(y ~ group + baseline))}, the group unadjusted).
 */
public final class GroupFTest {
    private GroupFTest() {
    }

    public record Result(double f, int numeratorDf, int denominatorDf, double p) {
    }

    /** The group's F after the covariates: does the group explain what the covariates leave over? */
    public static Result adjusted(double[] y, List<String> group, double[][] covariates) {
        return test(y, group, covariates, true);
    }

    /** The group's F before the covariates (covariates only in the residual mean square). */
    public static Result beforeCovariates(double[] y, List<String> group, double[][] covariates) {
        return test(y, group, covariates, false);
    }

    private static Result test(double[] y, List<String> group, double[][] covariates, boolean adjusted) {
        List<String> levels = group.stream().distinct().sorted().toList();
        if (levels.size() < 2) {
            throw new DataException("the group has " + levels.size() + " level; an F test needs two or more");
        }
        int n = y.length;
        int k = covariates.length == 0 ? 0 : covariates[0].length;
        double full = residualSumOfSquares(y, group, levels, covariates, true, true);
        int denominatorDf = n - 1 - (levels.size() - 1) - k;
        if (denominatorDf < 1) {
            throw new DataException(n + " rows leave no residual degrees of freedom for " + levels.size()
                    + " groups and " + k + " covariates");
        }
        double reduced = adjusted ? residualSumOfSquares(y, group, levels, covariates, false, true)
                : residualSumOfSquares(y, group, levels, covariates, false, false);
        double withGroup = adjusted ? full : residualSumOfSquares(y, group, levels, covariates, true, false);
        int numeratorDf = levels.size() - 1;
        double f = (reduced - withGroup) / numeratorDf / (full / denominatorDf);
        // upper tail of F(d1, d2) as a regularised incomplete beta, which keeps small p's digits
        double p = Beta.regularizedBeta(denominatorDf / (denominatorDf + numeratorDf * f), denominatorDf / 2.0,
                numeratorDf / 2.0);
        return new Result(f, numeratorDf, denominatorDf, p);
    }

    private static double residualSumOfSquares(double[] y, List<String> group, List<String> levels,
            double[][] covariates, boolean withGroup, boolean withCovariates) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            List<Double> row = new ArrayList<>();
            row.add(1.0);
            if (withGroup) {
                for (String level : levels.subList(1, levels.size())) {
                    row.add(level.equals(group.get(i)) ? 1.0 : 0.0);
                }
            }
            if (withCovariates) {
                for (double c : covariates[i]) {
                    row.add(c);
                }
            }
            rows.add(row.stream().mapToDouble(Double::doubleValue).toArray());
        }
        RealMatrix x = new Array2DRowRealMatrix(rows.toArray(new double[0][]), false);
        QRDecomposition qr = new QRDecomposition(x, 1e-10);
        if (!qr.getSolver().isNonSingular()) {
            throw new DataException("the group and covariates cannot be separated (one is constant or a combination"
                    + " of the others)");
        }
        RealVector response = new ArrayRealVector(y);
        RealVector residual = response.subtract(x.operate(qr.getSolver().solve(response)));
        return residual.dotProduct(residual);
    }
}
