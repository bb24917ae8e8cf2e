package org.stroma.analysis.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Kaplan–Meier, log-rank and Cox against the published analyses of Gehan's 6-MP data (domain reference 5a): the
 * survival estimates to the four decimals published, the log-rank χ² to its published digits, Cox to 1e-4 relative
 * (an iterative fit) or the digits given.
 */
class SurvivalReferenceTest {
    private static final SurvivalData GEHAN = Gehan.data();

    private static Offset<Double> relative(double expected, double tolerance) {
        return within(Math.abs(expected) * tolerance);
    }

    @Test
    void kaplanMeierOfEachArm() {
        KaplanMeier.Curve sixMp = KaplanMeier.estimate("6-MP", GEHAN.of("6-MP"));
        assertThat(sixMp.steps()).extracting(KaplanMeier.Step::time)
                .containsExactly(6.0, 7.0, 10.0, 13.0, 16.0, 22.0, 23.0);
        assertThat(sixMp.steps()).extracting(KaplanMeier.Step::atRisk).containsExactly(21, 17, 15, 12, 11, 7, 6);
        double[] published = {.8571, .8067, .7529, .6902, .6275, .5378, .4482};
        for (int i = 0; i < published.length; i++) {
            assertThat(sixMp.steps().get(i).survival()).isCloseTo(published[i], within(5e-5));
        }
        // Greenwood at t = 6: S = 18/21, var = S²·3/(21·18)
        double s = 18.0 / 21;
        assertThat(sixMp.steps().get(0).se()).isCloseTo(s * Math.sqrt(3.0 / (21 * 18)), within(1e-12));
        assertThat(sixMp.median()).isEqualTo(23.0);

        KaplanMeier.Curve placebo = KaplanMeier.estimate("placebo", GEHAN.of("placebo"));
        double[] placeboPublished = {.9048, .8095, .7619, .6667, .5714, .3810, .2857, .1905, .1429, .0952, .0476, 0};
        assertThat(placebo.steps()).hasSize(placeboPublished.length);
        for (int i = 0; i < placeboPublished.length; i++) {
            assertThat(placebo.steps().get(i).survival()).isCloseTo(placeboPublished[i], within(5e-5));
        }
        assertThat(placebo.median()).isEqualTo(8.0);
        assertThat(placebo.steps().get(11).ciLow()).as("no interval at S = 0").isNull();
    }

    @Test
    void logRankTest() {
        LogRank.Result r = LogRank.test(GEHAN, List.of("6-MP", "placebo"));
        assertThat(r.observed()).containsExactly(9, 21);
        assertThat(r.expected()[0]).isCloseTo(19.3, within(0.05));
        assertThat(r.expected()[1]).isCloseTo(10.7, within(0.05));
        assertThat(r.chiSquare()).isCloseTo(16.7929, within(5e-5));
        assertThat(r.df()).isEqualTo(1);
        assertThat(r.p()).isCloseTo(4.17e-5, within(5e-8));
    }

    @Test
    void coxWithBreslowTies() {
        CoxRegression.Fit fit = CoxRegression.fit(GEHAN.time(), GEHAN.event(), sixMpIndicator(), List.of("6-MP"),
                Ties.BRESLOW);
        assertThat(fit.converged()).isTrue();
        double hr = Math.exp(fit.beta()[0]);
        double se = Math.sqrt(fit.covariance()[0][0]);
        assertThat(hr).isCloseTo(.2210887, relative(.2210887, 1e-6));
        assertThat(hr * se).as("SE of the hazard ratio (delta method)").isCloseTo(.0905501, relative(.0905501, 1e-5));
        assertThat(Math.exp(fit.beta()[0] - 1.959964 * se)).isCloseTo(.0990706, relative(.0990706, 1e-5));
        assertThat(Math.exp(fit.beta()[0] + 1.959964 * se)).isCloseTo(.4933877, relative(.4933877, 1e-5));
        assertThat(fit.logLikelihood()).isCloseTo(-86.379622, relative(86.379622, 1e-7));
        assertThat(fit.nullLogLikelihood()).isCloseTo(-93.98505, relative(93.98505, 1e-7));
        assertThat(fit.likelihoodRatio()).isCloseTo(15.21, within(0.005));
    }

    @Test
    void coxWithEfronTies() {
        CoxRegression.Fit fit = CoxRegression.fit(GEHAN.time(), GEHAN.event(), sixMpIndicator(), List.of("6-MP"),
                Ties.EFRON);
        assertThat(fit.beta()[0]).isCloseTo(-1.5721, within(5e-5));
        assertThat(Math.exp(fit.beta()[0])).isCloseTo(.2076, within(5e-5));
        assertThat(Math.sqrt(fit.covariance()[0][0])).isCloseTo(.4124, within(5e-5));
        assertThat(fit.likelihoodRatio()).isCloseTo(16.35, within(0.005));
        assertThat(fit.score()).isCloseTo(17.25, within(0.005));
    }

    private static double[][] sixMpIndicator() {
        double[][] x = new double[GEHAN.n()][1];
        for (int i = 0; i < GEHAN.n(); i++) {
            x[i][0] = GEHAN.group()[i].equals("6-MP") ? 1 : 0;
        }
        return x;
    }
}
