package org.stroma.analysis.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.result.Distributions;
import org.stroma.analysis.result.Estimate;
import org.stroma.analysis.result.HypothesisTest;

/**
 * The proportional odds (cumulative logit) model of an ordinal outcome such as NYHA class, CCS class, modified Rankin
 * score or Kellgren–Lawrence grade, parametrised as R's MASS::polr: logit P(Y ≤ k) = ζₖ − η with η = Xβ and no
 * intercept in X, so a positive β shifts subjects towards the higher categories and exp(β) is the common odds ratio of
 * being in a higher rather than a lower category.
 *
 * <p>Fitted by Newton's method on β and ζ together with the analytic gradient and Hessian. The log-likelihood is
 * concave in (β, ζ), so Newton steps are halved only to keep the cut-points in order (and, as a guard, the likelihood
 * from falling). Standard errors come from the observed information at the maximum (polr's differ from these only by
 * its finite-difference Hessian).
 *
 * <p>A category listed in the levels but observed in nobody is dropped, and a note says so: with an empty category
 * the likelihood has no maximum (two cut-points meet, or one goes to infinity), while its supremum is the fit on the
 * observed categories, with the same β. polr 7.3-58 does not drop it and returns cut-points that merely stopped where
 * its optimiser did.
 */
public final class ProportionalOdds {
    private static final int MAX_ITERATIONS = 100;
    /** Newton decrement gᵀ(−H)⁻¹g below which the maximum is reached: about 1e-18 of the log-likelihood's units. */
    private static final double CONVERGED = 1e-18;
    /**
     * Unless that is below what the arithmetic can show: the gradient is a sum over the subjects, and its rounding
     * keeps the decrement from about 1e-16 to 1e-14 at 10⁶ subjects (a log-likelihood near −1.2·10⁶, whose own
     * rounding unit is 2.3·10⁻¹⁰), where Newton's steps stop shrinking and wander. A thousandth of the
     * log-likelihood's rounding unit sits above that floor and far below any change in the estimates; at
     * a hundred subjects (a log-likelihood near −120) it is 1.4e-17: a decrement that small moves the estimates by
     * about its square root over the information, some 1e-9 of their size.
     */
    private static final double OF_THE_ROUNDING_UNIT = 1e-3;
    /**
     * A coefficient whose effect across the observed range of its column exceeds this on the log-odds scale (an odds
     * ratio above e²⁰ ≈ 5·10⁸) is not an estimate but a sign of separation: the likelihood keeps rising as it grows.
     */
    private static final double SEPARATED_LOG_ODDS = 20;

    private ProportionalOdds() {
    }

    /**
     * @param levels         the outcome's categories actually modelled, in order (empty listed ones dropped)
     * @param coefficients   β for each term: estimate, SE, 95 % Wald interval, z, two-sided p
     * @param oddsRatios     exp(β) with its interval (SE by the delta method)
     * @param cutPoints      ζ named "lower|upper" as polr names them
     * @param groupTest      likelihood ratio test of the group's terms (the model against the one without
     *                       them); null when the design has no group
     * @param iterations     Newton iterations to the maximum
     * @param decrement      the Newton decrement gᵀ(−H)⁻¹g at the end, a measure of distance to the maximum
     */
    public record Fit(List<String> levels, List<Estimate> coefficients, List<Estimate> oddsRatios,
            List<Estimate> cutPoints, double logLikelihood, double deviance, double aic, HypothesisTest groupTest,
            int n, int iterations, double decrement, List<String> notes) {
    }

    /**
     * A group factor (its reference level first in {@code groupLevels}) and optional numeric covariates, given row by
     * row in {@code covariates} (null for none); the group's terms are named {@code group=level} as in an analysis's
     * design.
     */
    public static Fit fit(List<String> outcome, List<String> levels, String groupName, List<String> group,
            List<String> groupLevels, double[][] covariates, List<String> covariateNames) {
        int n = outcome.size();
        if (group.size() != n || (covariates != null && covariates.length != n)) {
            throw new IllegalArgumentException("the outcome, group and covariates must have one value per subject");
        }
        if (groupLevels.size() < 2) {
            throw new DataException("column '" + groupName + "': a comparison needs at least two groups, not "
                    + groupLevels);
        }
        int groupColumns = groupLevels.size() - 1;
        List<String> covariateTerms = covariateNames == null ? List.of() : covariateNames;
        List<String> terms = new ArrayList<>();
        for (String level : groupLevels.subList(1, groupLevels.size())) {
            terms.add(groupName + "=" + level);
        }
        terms.addAll(covariateTerms);
        int[] count = new int[groupLevels.size()];
        double[][] x = new double[n][terms.size()];
        for (int i = 0; i < n; i++) {
            int g = groupLevels.indexOf(group.get(i));
            if (g < 0) {
                throw new DataException("column '" + groupName + "', row " + (i + 1) + ": '" + group.get(i)
                        + "' is none of the groups " + groupLevels);
            }
            count[g]++;
            if (g > 0) {
                x[i][g - 1] = 1;
            }
            for (int j = 0; j < covariateTerms.size(); j++) {
                double v = covariates[i][j];
                if (!Double.isFinite(v)) {
                    throw new DataException("column '" + covariateTerms.get(j) + "', row " + (i + 1) + ": " + v
                            + " is not a finite number");
                }
                x[i][groupColumns + j] = v;
            }
        }
        for (int g = 0; g < count.length; g++) {
            if (count[g] == 0) {
                throw new DataException("column '" + groupName + "': the group '" + groupLevels.get(g)
                        + "' has no subjects");
            }
        }
        return fit(outcome, levels, x, terms, groupColumns);
    }

    /**
     * An integer-coded outcome (mRS 0–6, a grade): its categories are the integers from the smallest observed to the
     * largest, so that an integer between them observed in nobody is reported as dropped.
     */
    public static Fit fit(int[] outcome, String groupName, List<String> group, List<String> groupLevels,
            double[][] covariates, List<String> covariateNames) {
        if (outcome.length == 0) {
            throw new DataException("there are no outcomes to model");
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        List<String> values = new ArrayList<>();
        for (int y : outcome) {
            min = Math.min(min, y);
            max = Math.max(max, y);
            values.add(Integer.toString(y));
        }
        List<String> levels = new ArrayList<>();
        for (int k = min; k <= max; k++) {
            levels.add(Integer.toString(k));
        }
        return fit(values, levels, groupName, group, groupLevels, covariates, covariateNames);
    }

    /**
     * The model on a design already built: {@code x[i]} holds subject i's terms without an intercept, the group's
     * {@code groupColumns} terms first (those the likelihood ratio test removes).
     */
    public static Fit fit(List<String> outcome, List<String> levels, double[][] x, List<String> terms,
            int groupColumns) {
        int n = outcome.size();
        int p = terms.size();
        List<String> notes = new ArrayList<>();
        int[] observed = new int[levels.size()];
        int[] category = new int[n];
        for (int i = 0; i < n; i++) {
            category[i] = levels.indexOf(outcome.get(i));
            if (category[i] < 0) {
                throw new DataException("outcome, row " + (i + 1) + ": '" + outcome.get(i) + "' is none of the"
                        + " categories " + levels);
            }
            observed[category[i]]++;
        }
        List<String> kept = new ArrayList<>();
        int[] renumbered = new int[levels.size()];
        for (int k = 0; k < levels.size(); k++) {
            renumbered[k] = kept.size();
            if (observed[k] > 0) {
                kept.add(levels.get(k));
            }
        }
        if (kept.size() < 2) {
            throw new DataException("the outcome has " + (kept.isEmpty() ? "no observed category" : "every subject"
                    + " in the one category '" + kept.get(0) + "'") + "; an ordinal model needs at least two");
        }
        if (kept.size() < levels.size()) {
            List<String> dropped = new ArrayList<>(levels);
            dropped.removeAll(kept);
            notes.add("categor" + (dropped.size() == 1 ? "y " : "ies ") + dropped + " observed in no subject, dropped:"
                    + " the model has the cut-points of the categories " + kept);
        }
        for (int i = 0; i < n; i++) {
            category[i] = renumbered[category[i]];
        }
        int q = kept.size() - 1;
        Maximum full = maximise(category, x, p, q, terms);
        double logLik = full.logLikelihood;
        RealMatrix covariance = full.covariance;
        List<Estimate> coefficients = new ArrayList<>();
        List<Estimate> oddsRatios = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            Estimate b = wald(terms.get(j), full.theta[j], Math.sqrt(covariance.getEntry(j, j)));
            coefficients.add(b);
            oddsRatios.add(new Estimate("odds ratio " + terms.get(j), Math.exp(b.estimate()),
                    Math.exp(b.estimate()) * b.se(), Math.exp(b.ciLow()), Math.exp(b.ciHigh()), b.statistic(), null,
                    b.p()));
        }
        List<Estimate> cutPoints = new ArrayList<>();
        for (int k = 0; k < q; k++) {
            cutPoints.add(wald(kept.get(k) + "|" + kept.get(k + 1), full.theta[p + k],
                    Math.sqrt(covariance.getEntry(p + k, p + k))));
        }
        HypothesisTest groupTest = null;
        if (groupColumns > 0) {
            Maximum reduced = maximise(category, dropColumns(x, groupColumns), p - groupColumns, q,
                    terms.subList(groupColumns, p));
            double chi = Math.max(0, 2 * (logLik - reduced.logLikelihood));
            groupTest = new HypothesisTest("likelihood ratio (" + String.join(", ", terms.subList(0, groupColumns))
                    + ")", chi, (double) groupColumns, Distributions.chiSquareUpper(chi, groupColumns));
        }
        return new Fit(List.copyOf(kept), coefficients, oddsRatios, cutPoints, logLik, -2 * logLik,
                -2 * logLik + 2 * (p + q), groupTest, n, full.iterations, full.decrement, notes);
    }

    private static Estimate wald(String term, double estimate, double se) {
        double z = estimate / se;
        double half = Distributions.Z95 * se;
        return new Estimate(term, estimate, se, estimate - half, estimate + half, z, null, Distributions.zTwoSided(z));
    }

    private static double[][] dropColumns(double[][] x, int leading) {
        double[][] rest = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rest[i] = Arrays.copyOfRange(x[i], leading, x[i].length);
        }
        return rest;
    }

    /** θ = (β, ζ) at the maximum, with the inverse of the observed information there. */
    private record Maximum(double[] theta, double logLikelihood, RealMatrix covariance, int iterations,
            double decrement) {
    }

    /**
     * Newton's method from β = 0 and the cut-points of the model without covariates (the logits of the cumulative
     * proportions, that model's exact maximum).
     */
    private static Maximum maximise(int[] category, double[][] x, int p, int q, List<String> terms) {
        int n = category.length;
        double[] theta = new double[p + q];
        int[] atOrBelow = new int[q + 1];
        for (int c : category) {
            atOrBelow[c]++;
        }
        int cumulative = 0;
        for (int k = 0; k < q; k++) {
            cumulative += atOrBelow[k];
            theta[p + k] = Math.log((double) cumulative / (n - cumulative));
        }
        Likelihood current = new Likelihood(category, x, p, q, theta);
        for (int iteration = 0; iteration <= MAX_ITERATIONS; iteration++) {
            RealMatrix information = new Array2DRowRealMatrix(current.hessian).scalarMultiply(-1);
            RealMatrix inverse;
            try {
                inverse = new LUDecomposition(information, 1e-14).getSolver().getInverse();
            } catch (SingularMatrixException e) {
                throw iteration == 0
                        ? new DataException("the terms " + terms + " cannot be separated (one is constant or a"
                                + " combination of the others)")
                        : separation(theta, x, p, terms, "the information matrix became singular");
            }
            double[] step = inverse.operate(current.gradient);
            double decrement = 0;
            for (int j = 0; j < step.length; j++) {
                decrement += current.gradient[j] * step[j];
            }
            if (decrement < Math.max(CONVERGED, OF_THE_ROUNDING_UNIT * Math.ulp(current.logLikelihood))) {
                checkSeparation(theta, x, p, terms, inverse);
                return new Maximum(theta, current.logLikelihood, inverse, iteration, decrement);
            }
            if (iteration == MAX_ITERATIONS) {
                break;
            }
            Likelihood next = null;
            for (double t = 1; t > 1e-12; t /= 2) {
                double[] candidate = theta.clone();
                for (int j = 0; j < step.length; j++) {
                    candidate[j] += t * step[j];
                }
                if (ordered(candidate, p)) {
                    Likelihood trial = new Likelihood(category, x, p, q, candidate);
                    if (trial.logLikelihood >= current.logLikelihood - 1e-12 * Math.abs(current.logLikelihood)) {
                        next = trial;
                        theta = candidate;
                        break;
                    }
                }
            }
            if (next == null) {
                throw separation(theta, x, p, terms, "no step along Newton's direction raises the likelihood");
            }
            current = next;
        }
        throw separation(theta, x, p, terms, "the fit did not converge in " + MAX_ITERATIONS + " iterations");
    }

    private static boolean ordered(double[] theta, int p) {
        for (int k = p + 1; k < theta.length; k++) {
            if (!(theta[k] > theta[k - 1])) {
                return false;
            }
        }
        return true;
    }

    private static void checkSeparation(double[] theta, double[][] x, int p, List<String> terms,
            RealMatrix covariance) {
        boolean finiteVariances = true;
        for (int j = 0; j < theta.length; j++) {
            double v = covariance.getEntry(j, j);
            finiteVariances &= v > 0 && Double.isFinite(v);
        }
        if (!finiteVariances || !diverging(theta, x, p, terms).isEmpty()) {
            throw separation(theta, x, p, terms, "the Newton steps vanished only as estimates ran off");
        }
    }

    /** The terms whose effect across their column's observed range exceeds {@link #SEPARATED_LOG_ODDS}. */
    private static List<String> diverging(double[] theta, double[][] x, int p, List<String> terms) {
        List<String> diverging = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : x) {
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            if (Math.abs(theta[j]) * (max - min) > SEPARATED_LOG_ODDS) {
                diverging.add(terms.get(j));
            }
        }
        return diverging;
    }

    private static DataException separation(double[] theta, double[][] x, int p, List<String> terms, String why) {
        List<String> diverging = diverging(theta, x, p, terms);
        return new DataException("the proportional odds model has no finite maximum (" + why + "): "
                + (diverging.isEmpty() ? "the outcome may be separated by a combination of the terms " + terms
                        : "the outcome is separated by " + diverging + ", whose odds ratio grows without bound")
                + "; a group or covariate value predicts the category perfectly");
    }

    /**
     * The log-likelihood Σ log[F(ζ_y − η) − F(ζ_{y−1} − η)] (F logistic, ζ₀ = −∞, ζ_K = +∞) with its gradient and
     * Hessian in θ = (β, ζ). Each subject's term depends on θ through a = ζ_y − η and b = ζ_{y−1} − η only, so the
     * derivatives are those in a and b chained through ∂a/∂θ = (−x, e_y), ∂b/∂θ = (−x, e_{y−1}).
     */
    private static final class Likelihood {
        final double logLikelihood;
        final double[] gradient;
        final double[][] hessian;

        Likelihood(int[] category, double[][] x, int p, int q, double[] theta) {
            int m = p + q;
            double l = 0;
            double[] g = new double[m];
            double[][] h = new double[m][m];
            double[] da = new double[m];
            double[] db = new double[m];
            for (int i = 0; i < category.length; i++) {
                int y = category[i];
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    eta += x[i][j] * theta[j];
                }
                boolean hasUpper = y < q;
                boolean hasLower = y > 0;
                double a = hasUpper ? theta[p + y] - eta : Double.POSITIVE_INFINITY;
                double b = hasLower ? theta[p + y - 1] - eta : Double.NEGATIVE_INFINITY;
                double prob = probabilityBetween(b, a);
                l += Math.log(prob);
                double fa = hasUpper ? density(a) : 0;
                double fb = hasLower ? density(b) : 0;
                double dfa = hasUpper ? fa * (1 - 2 * logistic(a)) : 0;
                double dfb = hasLower ? fb * (1 - 2 * logistic(b)) : 0;
                // derivatives of log P in a and b
                double la = fa / prob;
                double lb = -fb / prob;
                double laa = dfa / prob - la * la;
                double lbb = -dfb / prob - lb * lb;
                double lab = -la * lb;
                Arrays.fill(da, 0);
                Arrays.fill(db, 0);
                for (int j = 0; j < p; j++) {
                    da[j] = -x[i][j];
                    db[j] = -x[i][j];
                }
                if (hasUpper) {
                    da[p + y] = 1;
                }
                if (hasLower) {
                    db[p + y - 1] = 1;
                }
                for (int j = 0; j < m; j++) {
                    g[j] += la * da[j] + lb * db[j];
                    for (int k = 0; k <= j; k++) {
                        h[j][k] += laa * da[j] * da[k] + lbb * db[j] * db[k] + lab * (da[j] * db[k] + db[j] * da[k]);
                    }
                }
            }
            for (int j = 0; j < m; j++) {
                for (int k = j + 1; k < m; k++) {
                    h[j][k] = h[k][j];
                }
            }
            logLikelihood = l;
            gradient = g;
            hessian = h;
        }
    }

    /**
     * F(a) − F(b) for b < a, taken on whichever tail keeps its digits: F(−b) − F(−a) when both lie above zero, where
     * F(a) and F(b) would both round towards 1.
     */
    private static double probabilityBetween(double b, double a) {
        return b > 0 ? logistic(-b) - logistic(-a) : logistic(a) - logistic(b);
    }

    private static double logistic(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /** The logistic density F(t)(1 − F(t)). */
    private static double density(double t) {
        double e = Math.exp(-Math.abs(t));
        return e / ((1 + e) * (1 + e));
    }
}
