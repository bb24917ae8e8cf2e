package org.stroma.analysis.survival;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.stroma.analysis.result.Distributions;

/**
 * The log-rank test of equal survival in k groups: at each event time, each group's expected events are its share of
 * those at risk times the events; the statistic is (O − E)' V⁻¹ (O − E) over k − 1 groups, with V the hypergeometric
 * covariance, on k − 1 degrees of freedom (R's survdiff with rho = 0).
 */
public final class LogRank {
    private LogRank() {
    }

    /** Observed and expected events per group, and the test. */
    public record Result(List<String> groups, double[] observed, double[] expected, double chiSquare, int df,
            double p) {
    }

    public static Result test(SurvivalData data, List<String> groups) {
        int k = groups.size();
        double[] observed = new double[k];
        double[] expected = new double[k];
        double[][] v = new double[k][k];
        int[] groupOf = new int[data.n()];
        for (int i = 0; i < data.n(); i++) {
            groupOf[i] = groups.indexOf(data.group()[i]);
        }
        // from the first time on, those at risk are everyone less those whose time has passed
        TimeBlocks blocks = new TimeBlocks(data.time());
        double[] atRisk = new double[k];
        for (int j = 0; j < blocks.atRisk(0); j++) {
            atRisk[groupOf[blocks.subject(j)]]++;
        }
        double[] events = new double[k];
        for (int b = 0; b < blocks.blocks(); b++) {
            Arrays.fill(events, 0);
            for (int j = blocks.start(b); j < blocks.end(b); j++) {
                int i = blocks.subject(j);
                if (data.event()[i]) {
                    events[groupOf[i]]++;
                }
            }
            double n = sum(atRisk);
            double d = sum(events);
            if (d > 0) {
                for (int g = 0; g < k; g++) {
                    observed[g] += events[g];
                    expected[g] += d * atRisk[g] / n;
                    if (n > 1) {
                        double factor = d * (n - d) / (n - 1);
                        for (int h = 0; h < k; h++) {
                            v[g][h] += factor * atRisk[g] / n * ((g == h ? 1 : 0) - atRisk[h] / n);
                        }
                    }
                }
            }
            for (int j = blocks.start(b); j < blocks.end(b); j++) {
                atRisk[groupOf[blocks.subject(j)]]--;
            }
        }
        // drop the last group: the k differences sum to zero
        RealVector diff = new ArrayRealVector(k - 1);
        RealMatrix cov = new Array2DRowRealMatrix(k - 1, k - 1);
        for (int g = 0; g < k - 1; g++) {
            diff.setEntry(g, observed[g] - expected[g]);
            for (int h = 0; h < k - 1; h++) {
                cov.setEntry(g, h, v[g][h]);
            }
        }
        double chi = diff.dotProduct(new LUDecomposition(cov).getSolver().solve(diff));
        return new Result(groups, observed, expected, chi, k - 1, Distributions.chiSquareUpper(chi, k - 1));
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double x : values) {
            s += x;
        }
        return s;
    }
}
