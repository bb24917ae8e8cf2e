package org.stroma.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.stroma.analysis.result.Estimate;

/**
 * Intervals for proportions against R 4.2.2 (src/test/resources/data/binomial/intervals.R, output intervals.out
 * there): binom.test's Clopper–Pearson and prop.test's Wilson (correct = FALSE) intervals, and Newcombe's method 10,
 * whose published examples (Newcombe 1998, Table II, to 4 decimals) the script's own computation of the formula
 * reproduces; the values below are the script's, to 1e-4 absolute (the published ones are checked to their 4
 * decimals).
 */
class BinomialIntervalsTest {
    static final double TOLERANCE = 1e-4;

    // x, n, Clopper-Pearson low, high, Wilson low, high
    static final double[][] ONE_PROPORTION = {
        {0, 10, 0, 0.308497107819, 0, 0.277532799863},
        {10, 10, 0.691502892181, 1, 0.722467200137, 1},
        {1, 10, 0.002528578544, 0.445016117028, 0.017876213095, 0.404150026795},
        {9, 20, 0.230577896776, 0.684721866959, 0.258197858256, 0.657914657550},
        {3, 20, 0.032070937185, 0.378926826545, 0.052368745896, 0.360418864741},
        {56, 70, 0.687264346104, 0.886119637968, 0.691833555037, 0.876952607516},
        {48, 80, 0.484376940495, 0.707990643745, 0.490454650052, 0.700381724041},
        {0, 1, 0, 0.975, 0, 0.793450685623},
        {1, 1, 0.025, 1, 0.206549314377, 1},
        {29, 120, 0.168208560198, 0.328292320873, 0.173858412175, 0.325501490474},
        {120, 120, 0.969727027423, 1, 0.968980833581, 1}};

    @Test
    void clopperPearsonAndWilsonAsBinomTestAndPropTest() {
        for (double[] c : ONE_PROPORTION) {
            int x = (int) c[0];
            int n = (int) c[1];
            Estimate exact = BinomialIntervals.clopperPearson(x, n, "response");
            assertThat(exact.estimate()).isEqualTo((double) x / n);
            assertThat(exact.ciLow()).as("Clopper-Pearson low %d/%d", x, n).isCloseTo(c[2], within(TOLERANCE));
            assertThat(exact.ciHigh()).as("Clopper-Pearson high %d/%d", x, n).isCloseTo(c[3], within(TOLERANCE));
            Estimate score = BinomialIntervals.wilson(x, n, "response");
            assertThat(score.ciLow()).as("Wilson low %d/%d", x, n).isCloseTo(c[4], within(TOLERANCE));
            assertThat(score.ciHigh()).as("Wilson high %d/%d", x, n).isCloseTo(c[5], within(TOLERANCE));
            assertThat(score.se()).isNull();
        }
        assertThat(BinomialIntervals.clopperPearson(0, 10, "r").ciLow()).isZero();
        assertThat(BinomialIntervals.wilson(10, 10, "r").ciHigh()).isEqualTo(1.0);
    }

    // Newcombe's first x/n, second x/n (the difference is first − second), difference, low, high
    static final double[][] NEWCOMBE = {
        {56, 70, 48, 80, 0.2, 0.052431472402, 0.333872654037},
        {9, 10, 3, 10, 0.6, 0.170522723935, 0.809017973535},
        {6, 7, 2, 7, 0.571428571429, 0.058227927482, 0.806249637524},
        {5, 56, 0, 29, 0.089285714286, -0.038137147904, 0.192560013855},
        {0, 10, 0, 20, 0, -0.161125158053, 0.277532799863},
        {0, 10, 0, 10, 0, -0.277532799863, 0.277532799863},
        {10, 10, 0, 20, 1, 0.679086037142, 1},
        {10, 10, 0, 10, 1, 0.607509350431, 1},
        {9, 20, 3, 20, 0.3, 0.015282314886, 0.529696248559},
        {40, 40, 0, 40, 1, 0.876084343230, 1}};

    @Test
    void newcombeHybridScoreAgainstTheFormulaInR() {
        for (double[] c : NEWCOMBE) {
            // Stroma's difference is other − reference: Newcombe's second group is the reference
            Estimate d = BinomialIntervals.newcombeDifference((int) c[2], (int) c[3], (int) c[0], (int) c[1], "d");
            String example = (int) c[0] + "/" + (int) c[1] + " vs " + (int) c[2] + "/" + (int) c[3];
            assertThat(d.estimate()).as(example).isCloseTo(c[4], within(1e-12));
            assertThat(d.ciLow()).as(example + " low").isCloseTo(c[5], within(TOLERANCE));
            assertThat(d.ciHigh()).as(example + " high").isCloseTo(c[6], within(TOLERANCE));
        }
    }

    /** Newcombe (1998), Table II, method 10, as published (4 decimals). */
    @Test
    void newcombePublishedExamples() {
        assertPublished(BinomialIntervals.newcombeDifference(48, 80, 56, 70, "d"), 0.2000, 0.0524, 0.3339);
        assertPublished(BinomialIntervals.newcombeDifference(3, 10, 9, 10, "d"), 0.6000, 0.1705, 0.8090);
        assertPublished(BinomialIntervals.newcombeDifference(2, 7, 6, 7, "d"), 0.5714, 0.0582, 0.8062);
        assertPublished(BinomialIntervals.newcombeDifference(0, 29, 5, 56, "d"), 0.0893, -0.0381, 0.1926);
        assertPublished(BinomialIntervals.newcombeDifference(0, 20, 0, 10, "d"), 0, -0.1611, 0.2775);
        assertPublished(BinomialIntervals.newcombeDifference(0, 10, 0, 10, "d"), 0, -0.2775, 0.2775);
        assertPublished(BinomialIntervals.newcombeDifference(0, 20, 10, 10, "d"), 1, 0.6791, 1);
        assertPublished(BinomialIntervals.newcombeDifference(0, 10, 10, 10, "d"), 1, 0.6075, 1);
    }

    static void assertPublished(Estimate d, double estimate, double low, double high) {
        assertThat(d.estimate()).isCloseTo(estimate, within(5e-5));
        assertThat(d.ciLow()).isCloseTo(low, within(5e-5));
        assertThat(d.ciHigh()).isCloseTo(high, within(5e-5));
    }

    @Test
    void countsOutsideTheGroupAreRefused() {
        assertThatThrownBy(() -> BinomialIntervals.wilson(11, 10, "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BinomialIntervals.clopperPearson(0, 0, "r"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BinomialIntervals.newcombeDifference(1, 5, -1, 5, "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
