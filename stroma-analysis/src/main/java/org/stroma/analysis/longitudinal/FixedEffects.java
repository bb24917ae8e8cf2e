package org.stroma.analysis.longitudinal;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed-effects design of an MMRM: intercept, arm, visit, the covariates, then arm × visit, each factor as
 * indicators of its levels after the first, and the columns in R's order for {@code y ~ arm * visit + covariates}, so
 * that the coefficients read like R's ({@code armcells}, {@code visitV2}, {@code baseline},
 * {@code armcells:visitV2}).
 */
final class FixedEffects {
    private final List<String> names = new ArrayList<>();
    private final double[][] rows;
    private final double[] covariateMeans;
    private final int covariateStart;
    private final LongitudinalData data;

    FixedEffects(LongitudinalData data) {
        this.data = data;
        names.add("(Intercept)");
        data.arms().stream().skip(1).forEach(a -> names.add("arm" + a));
        data.visits().stream().skip(1).forEach(v -> names.add("visit" + v));
        covariateStart = names.size();
        for (Covariate c : data.covariates()) {
            if (c.isCategorical()) {
                c.levels().stream().skip(1).forEach(l -> names.add(c.name() + l));
            } else {
                names.add(c.name());
            }
        }
        int covariateEnd = names.size();
        for (String v : data.visits().subList(1, data.visits().size())) {
            for (String a : data.arms().subList(1, data.arms().size())) {
                names.add("arm" + a + ":visit" + v);
            }
        }
        List<double[]> values = data.covariates().stream().map(Covariate::values).toList();
        rows = new double[data.rows()][];
        covariateMeans = new double[covariateEnd - covariateStart];
        for (int i = 0; i < data.rows(); i++) {
            rows[i] = row(data.arms().indexOf(data.arm().get(i)), data.visits().indexOf(data.visit().get(i)),
                    covariateValues(i, values));
            for (int k = 0; k < covariateMeans.length; k++) {
                covariateMeans[k] += rows[i][covariateStart + k] / data.rows();
            }
        }
        // Categorical covariates at equal weights over their levels (emmeans' default), not at their frequencies
        int k = 0;
        for (Covariate c : data.covariates()) {
            int levels = c.isCategorical() ? c.levels().size() : 0;
            for (int l = 1; l < levels; l++) {
                covariateMeans[k++] = 1.0 / levels;
            }
            k += c.isCategorical() ? 0 : 1;
        }
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    double[] row(int observation) {
        return rows[observation];
    }

    /**
     * The row that gives the least-squares mean of an arm at a visit: continuous covariates at their mean over the
     * analysed rows and each categorical covariate's levels weighted equally — emmeans' reference grid.
     */
    double[] leastSquaresMeanRow(int arm, int visit) {
        return row(arm, visit, covariateMeans);
    }

    private double[] covariateValues(int observation, List<double[]> continuous) {
        double[] values = new double[covariateMeans.length];
        int k = 0;
        for (int j = 0; j < data.covariates().size(); j++) {
            Covariate c = data.covariates().get(j);
            if (c.isCategorical()) {
                List<String> levels = c.levels();
                for (int l = 1; l < levels.size(); l++) {
                    values[k++] = levels.get(l).equals(c.categories().get(observation)) ? 1 : 0;
                }
            } else {
                values[k++] = continuous.get(j)[observation];
            }
        }
        return values;
    }

    private double[] row(int arm, int visit, double[] covariates) {
        int arms = data.arms().size();
        double[] x = new double[names.size()];
        x[0] = 1;
        if (arm > 0) {
            x[arm] = 1;
        }
        if (visit > 0) {
            x[arms - 1 + visit] = 1;
        }
        System.arraycopy(covariates, 0, x, covariateStart, covariates.length);
        if (arm > 0 && visit > 0) {
            x[covariateStart + covariates.length + (visit - 1) * (arms - 1) + arm - 1] = 1;
        }
        return x;
    }
}
