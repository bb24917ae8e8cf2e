package org.stroma.analysis.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stroma.analysis.result.Distributions;

/**
 * Kaplan–Meier, log-rank and Cox sum over risk sets accumulated once, from sorted times; here they are checked against
 * the same sums recomputed over every subject at every event time, on random data with many ties (times in whole
 * days, censored times among the event times), well beyond the published examples.
 */
class RiskSetSumsTest {
    private static final double RELATIVE = 1e-9;

    /** n subjects, times 1–40 days, three groups, about one in three censored. */
    private static SurvivalData random(long seed, int n) {
        Random random = new Random(seed);
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        String[] group = new String[n];
        for (int i = 0; i < n; i++) {
            group[i] = "abc".substring(i % 3, i % 3 + 1);
            time[i] = Math.ceil(-Math.log(random.nextDouble()) * (10 + 5 * (i % 3)));
            event[i] = random.nextDouble() < 0.65;
        }
        return new SurvivalData(time, event, group);
    }

    /** An indicator of group b, a normal covariate and an age-like one far from zero. */
    private static double[][] covariates(SurvivalData data, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[data.n()][3];
        for (int i = 0; i < data.n(); i++) {
            x[i][0] = data.group()[i].equals("b") ? 1 : 0;
            x[i][1] = random.nextGaussian() - 0.02 * data.time()[i];
            x[i][2] = 40 + random.nextInt(40);
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(Ties.class)
    void coxDerivativesAndFitAgreeWithPerEventSums(Ties ties) {
        for (long seed = 1; seed <= 5; seed++) {
            SurvivalData data = random(seed, 600);
            double[][] x = covariates(data, seed);
            List<String> terms = List.of("b", "z", "age");
            PerEvent slow = new PerEvent(data.time(), data.event(), x, ties);
            CoxRegression.Problem fast = new CoxRegression.Problem(data.time(), data.event(), x, 3, ties);
            Random random = new Random(seed);
            for (double[] beta : List.of(new double[3], new double[] {-0.8, 0.4, 0.03},
                    new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian() / 20})) {
                CoxRegression.Derivatives a = fast.at(beta);
                CoxRegression.Derivatives b = slow.at(beta);
                assertThat(a.logLikelihood()).isCloseTo(b.logLikelihood(), relative(b.logLikelihood()));
                assertClose(a.gradient(), b.gradient());
                for (int j = 0; j < 3; j++) {
                    assertClose(a.information()[j], b.information()[j], b.information()[j][j]);
                }
            }
            CoxRegression.Fit fit = CoxRegression.fit(data.time(), data.event(), x, terms, ties);
            CoxRegression.Fit check = CoxRegression.fit(slow, terms);
            assertThat(fit.converged()).isTrue();
            assertClose(fit.beta(), check.beta());
            for (int j = 0; j < terms.size(); j++) {
                assertClose(fit.covariance()[j], check.covariance()[j], check.covariance()[j][j]);
            }
            assertThat(fit.logLikelihood()).isCloseTo(check.logLikelihood(), relative(check.logLikelihood()));
            assertThat(fit.nullLogLikelihood()).isCloseTo(check.nullLogLikelihood(),
                    relative(check.nullLogLikelihood()));
            assertThat(fit.likelihoodRatio()).isCloseTo(check.likelihoodRatio(), relative(check.likelihoodRatio()));
            assertThat(fit.score()).isCloseTo(check.score(), relative(check.score()));
            assertThat(fit.wald()).isCloseTo(check.wald(), relative(check.wald()));
            assertThat(fit.iterations()).isEqualTo(check.iterations());
            CoxRegression.Derivatives atFit = fast.at(fit.beta());
            for (int j = 0; j < 3; j++) {
                assertThat(atFit.gradient()[j]).as("score at the estimate").isCloseTo(0,
                        within(1e-6 * Math.sqrt(atFit.information()[j][j])));
            }
        }
    }

    private static void assertClose(double[] actual, double[] expected) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertClose(actual, expected, scale);
    }

    private static void assertClose(double[] actual, double[] expected, double scale) {
        for (int j = 0; j < expected.length; j++) {
            assertThat(actual[j]).as("entry %d", j).isCloseTo(expected[j], within(RELATIVE * Math.abs(scale)));
        }
    }

    private static Offset<Double> relative(double expected) {
        return within(RELATIVE * Math.abs(expected));
    }

    @Test
    void kaplanMeierAgreesWithPerTimeCounts() {
        for (long seed = 1; seed <= 5; seed++) {
            SurvivalData data = random(seed, 500);
            for (String level : List.of("a", "b", "c")) {
                SurvivalData one = data.of(level);
                assertThat(KaplanMeier.estimate(level, one).steps()).isEqualTo(perTimeKaplanMeier(one));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void logRankAgreesWithPerTimeCounts(int k) {
        List<String> groups = List.of("a", "b", "c").subList(0, k);
        for (long seed = 1; seed <= 5; seed++) {
            SurvivalData all = random(seed, 500);
            int[] keep = IntStream.range(0, all.n()).filter(i -> groups.contains(all.group()[i])).toArray();
            SurvivalData data = new SurvivalData(IntStream.of(keep).mapToDouble(i -> all.time()[i]).toArray(),
                    events(all, keep), IntStream.of(keep).mapToObj(i -> all.group()[i]).toArray(String[]::new));
            LogRank.Result fast = LogRank.test(data, groups);
            double[] slow = perTimeLogRank(data, groups);
            assertThat(fast.chiSquare()).isCloseTo(slow[0], relative(slow[0]));
            for (int g = 0; g < k; g++) {
                assertThat(fast.observed()[g]).isEqualTo(slow[1 + g]);
                assertThat(fast.expected()[g]).isCloseTo(slow[1 + k + g], relative(slow[1 + k + g]));
            }
        }
    }

    private static boolean[] events(SurvivalData data, int[] keep) {
        boolean[] e = new boolean[keep.length];
        for (int j = 0; j < keep.length; j++) {
            e[j] = data.event()[keep[j]];
        }
        return e;
    }

    private static double[] eventTimes(SurvivalData data) {
        return IntStream.range(0, data.n()).filter(i -> data.event()[i]).mapToDouble(i -> data.time()[i]).distinct()
                .sorted().toArray();
    }

    /** The curve with those at risk and the events counted afresh at each event time. */
    private static List<KaplanMeier.Step> perTimeKaplanMeier(SurvivalData data) {
        List<KaplanMeier.Step> steps = new ArrayList<>();
        double s = 1;
        double greenwood = 0;
        for (double t : eventTimes(data)) {
            int atRisk = 0;
            int events = 0;
            for (int i = 0; i < data.n(); i++) {
                atRisk += data.time()[i] >= t ? 1 : 0;
                events += data.time()[i] == t && data.event()[i] ? 1 : 0;
            }
            s *= 1 - (double) events / atRisk;
            greenwood += atRisk > events ? (double) events / ((double) atRisk * (atRisk - events))
                    : Double.POSITIVE_INFINITY;
            double se = s * Math.sqrt(greenwood);
            Double low = null;
            Double high = null;
            if (s > 0 && Double.isFinite(greenwood)) {
                double half = Distributions.Z95 * Math.sqrt(greenwood);
                low = s * Math.exp(-half);
                high = Math.min(1, s * Math.exp(half));
            }
            steps.add(new KaplanMeier.Step(t, atRisk, events, s, Double.isFinite(se) ? se : 0, low, high));
        }
        return steps;
    }

    /** χ², then observed and expected events per group, counted afresh at each event time. */
    private static double[] perTimeLogRank(SurvivalData data, List<String> groups) {
        int k = groups.size();
        double[] observed = new double[k];
        double[] expected = new double[k];
        double[][] v = new double[k][k];
        for (double t : eventTimes(data)) {
            double[] atRisk = new double[k];
            double[] events = new double[k];
            for (int i = 0; i < data.n(); i++) {
                int g = groups.indexOf(data.group()[i]);
                atRisk[g] += data.time()[i] >= t ? 1 : 0;
                events[g] += data.time()[i] == t && data.event()[i] ? 1 : 0;
            }
            double n = 0;
            double d = 0;
            for (int g = 0; g < k; g++) {
                n += atRisk[g];
                d += events[g];
            }
            for (int g = 0; g < k; g++) {
                observed[g] += events[g];
                expected[g] += d * atRisk[g] / n;
                for (int h = 0; h < k && n > 1; h++) {
                    v[g][h] += d * (n - d) / (n - 1) * atRisk[g] / n * ((g == h ? 1 : 0) - atRisk[h] / n);
                }
            }
        }
        double[][] cov = new double[k - 1][k - 1];
        double[] diff = new double[k - 1];
        for (int g = 0; g < k - 1; g++) {
            diff[g] = observed[g] - expected[g];
            System.arraycopy(v[g], 0, cov[g], 0, k - 1);
        }
        RealVector o = new ArrayRealVector(diff);
        double chi = o.dotProduct(new LUDecomposition(new Array2DRowRealMatrix(cov)).getSolver().solve(o));
        double[] result = new double[1 + 2 * k];
        result[0] = chi;
        System.arraycopy(observed, 0, result, 1, k);
        System.arraycopy(expected, 0, result, 1 + k, k);
        return result;
    }

    /** Cox's partial likelihood with the risk set's sums recomputed over every subject at every event time. */
    private record PerEvent(double[] time, boolean[] event, double[][] x, Ties ties)
            implements CoxRegression.PartialLikelihood {

        @Override
        public CoxRegression.Derivatives at(double[] beta) {
            int n = time.length;
            int p = beta.length;
            double logLikelihood = 0;
            double[] gradient = new double[p];
            double[][] information = new double[p][p];
            for (double t : IntStream.range(0, n).filter(i -> event[i]).mapToDouble(i -> time[i]).distinct()
                    .toArray()) {
                double s0 = 0;
                double d0 = 0;
                double[] s1 = new double[p];
                double[] d1 = new double[p];
                double[][] s2 = new double[p][p];
                double[][] d2 = new double[p][p];
                int d = 0;
                for (int i = 0; i < n; i++) {
                    if (time[i] < t) {
                        continue;
                    }
                    boolean dies = time[i] == t && event[i];
                    double eta = 0;
                    for (int j = 0; j < p; j++) {
                        eta += x[i][j] * beta[j];
                    }
                    double risk = Math.exp(eta);
                    s0 += risk;
                    if (dies) {
                        d0 += risk;
                        d++;
                        logLikelihood += eta;
                    }
                    for (int j = 0; j < p; j++) {
                        double r = risk * x[i][j];
                        s1[j] += r;
                        d1[j] += dies ? r : 0;
                        gradient[j] += dies ? x[i][j] : 0;
                        for (int k = 0; k < p; k++) {
                            s2[j][k] += r * x[i][k];
                            d2[j][k] += dies ? r * x[i][k] : 0;
                        }
                    }
                }
                for (int r = 0; r < d; r++) {
                    double f = ties == Ties.EFRON ? (double) r / d : 0;
                    double den = s0 - f * d0;
                    logLikelihood -= Math.log(den);
                    for (int j = 0; j < p; j++) {
                        double mj = (s1[j] - f * d1[j]) / den;
                        gradient[j] -= mj;
                        for (int k = 0; k < p; k++) {
                            information[j][k] += (s2[j][k] - f * d2[j][k]) / den - mj * (s1[k] - f * d1[k]) / den;
                        }
                    }
                }
            }
            return new CoxRegression.Derivatives(logLikelihood, gradient, information);
        }
    }
}
