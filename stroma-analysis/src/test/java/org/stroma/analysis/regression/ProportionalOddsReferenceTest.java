package org.stroma.analysis.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stroma.analysis.data.DataSet;
import org.stroma.analysis.result.Estimate;

/**
 * The proportional odds model against R on src/test/resources/data/ordinal/nyha.csv (NYHA class at 6 months, 120
 * subjects in three arms, baseline class as a number), which simulate.R there writes and fit.R there fits with
 * MASS::polr (R 4.2.2, MASS 7.3-58.2, optim's reltol tightened to 1e-14); fit.out there is its output. The values
 * below are R's as printed. SEs are those from numDeriv's Hessian of polr's log-likelihood (fit.R prints polr's own,
 * from optim's finite differences, beside them; the two agree to 1e-6). Tolerances: 1e-5 relative for β, ζ and the
 * log-likelihood; 1e-4 relative for SEs, 1e-4 absolute for p.
 */
class ProportionalOddsReferenceTest {
    static final List<String> NYHA = List.of("I", "II", "III", "IV");
    static final List<String> ARMS = List.of("placebo", "low", "high");

    static Offset<Double> relative(double expected, double tolerance) {
        return within(tolerance * Math.abs(expected));
    }

    static DataSet nyha() throws IOException {
        try (var in = new InputStreamReader(ProportionalOddsReferenceTest.class.getResourceAsStream(
                "/data/ordinal/nyha.csv"), StandardCharsets.UTF_8)) {
            return DataSet.readCsv(in, "nyha.csv");
        }
    }

    static double[][] baseline(DataSet d) {
        Double[] b = d.numbers("baseline");
        double[][] x = new double[b.length][1];
        for (int i = 0; i < b.length; i++) {
            x[i][0] = b[i];
        }
        return x;
    }

    /** {estimate, SE, p} per row, in the order of the list. */
    static void assertEstimates(List<Estimate> actual, String[] terms, double[][] expected) {
        assertThat(actual).extracting(Estimate::term).containsExactly(terms);
        for (int j = 0; j < terms.length; j++) {
            Estimate e = actual.get(j);
            assertThat(e.estimate()).as(terms[j]).isCloseTo(expected[j][0], relative(expected[j][0], 1e-5));
            assertThat(e.se()).as(terms[j] + " SE").isCloseTo(expected[j][1], relative(expected[j][1], 1e-4));
            assertThat(e.p()).as(terms[j] + " p").isCloseTo(expected[j][2], within(1e-4));
            double half = 1.959963984540054 * expected[j][1];
            assertThat(e.ciLow()).as(terms[j] + " CI").isCloseTo(expected[j][0] - half, within(1e-4));
            assertThat(e.ciHigh()).as(terms[j] + " CI").isCloseTo(expected[j][0] + half, within(1e-4));
        }
    }

    @Test
    void threeArmsAndBaselineAsPolr() throws IOException {
        DataSet d = nyha();
        ProportionalOdds.Fit fit = ProportionalOdds.fit(d.text("nyha"), NYHA, "arm", d.text("arm"), ARMS,
                baseline(d), List.of("baseline"));
        assertEstimates(fit.coefficients(), new String[] {"arm=low", "arm=high", "baseline"}, new double[][] {
            {-0.225684530287, 0.429682194418, 5.99419185123e-01},
            {-0.983910509033, 0.437646163114, 2.45642545142e-02},
            {0.947778982714, 0.237275522090, 6.48517851297e-05}});
        assertEstimates(fit.cutPoints(), new String[] {"I|II", "II|III", "III|IV"}, new double[][] {
            {1.522910057611, 0.675685813710, 2.42041544477e-02},
            {3.532924090096, 0.743809605693, 2.03648756038e-06},
            {4.723710214277, 0.801152115825, 3.72088729724e-09}});
        Estimate high = fit.oddsRatios().get(1);
        assertThat(high.term()).isEqualTo("odds ratio arm=high");
        assertThat(high.estimate()).isCloseTo(0.373846307316, relative(0.373846307316, 1e-5));
        assertThat(high.ciLow()).isCloseTo(0.158550642333, relative(0.158550642333, 1e-4));
        assertThat(high.ciHigh()).isCloseTo(0.881491613261, relative(0.881491613261, 1e-4));
        assertThat(fit.oddsRatios().get(2).estimate()).isCloseTo(2.579973126294, relative(2.579973126294, 1e-5));
        assertThat(fit.logLikelihood()).isCloseTo(-139.869233163, relative(139.869233163, 1e-5));
        assertThat(fit.deviance()).isCloseTo(279.738466326, relative(279.738466326, 1e-5));
        assertThat(fit.aic()).isCloseTo(291.738466326, relative(291.738466326, 1e-5));
        // drop1(fit, test = "Chisq") and anova(polr(nyha ~ baseline), fit)
        assertThat(fit.groupTest().statistic()).isCloseTo(5.8069495294645, relative(5.8069495294645, 1e-5));
        assertThat(fit.groupTest().df()).isEqualTo(2.0);
        assertThat(fit.groupTest().p()).isCloseTo(0.0548323591024, within(1e-4));
        assertThat(fit.n()).isEqualTo(120);
        assertThat(fit.levels()).containsExactlyElementsOf(NYHA);
        assertThat(fit.notes()).isEmpty();
        assertThat(fit.decrement()).isLessThan(1e-12);
    }

    @Test
    void armsAloneAgainstTheModelWithoutPredictors() throws IOException {
        DataSet d = nyha();
        ProportionalOdds.Fit fit = ProportionalOdds.fit(d.text("nyha"), NYHA, "arm", d.text("arm"), ARMS, null,
                null);
        assertEstimates(fit.coefficients(), new String[] {"arm=low", "arm=high"}, new double[][] {
            {-0.00491936853327, 0.417893880389, 9.90607669233e-01},
            {-0.53374572164374, 0.408083263698, 1.90895907101e-01}});
        assertEstimates(fit.cutPoints(), new String[] {"I|II", "II|III", "III|IV"}, new double[][] {
            {-0.89364542921334, 0.309405768921, 3.87375052245e-03},
            {0.92010556163230, 0.313912508242, 3.37775781360e-03},
            {2.03359413300878, 0.383142520433, 1.11035317741e-07}});
        assertThat(fit.logLikelihood()).isCloseTo(-148.36786794, relative(148.36786794, 1e-5));
        assertThat(fit.aic()).isCloseTo(306.73573588, relative(306.73573588, 1e-5));
        assertThat(fit.groupTest().statistic()).isCloseTo(2.258482636712, relative(2.258482636712, 1e-5));
        assertThat(fit.groupTest().p()).isCloseTo(0.323278428816, within(1e-4));
    }

    @Test
    void twoArmsWithAnIntegerCodedOutcome() throws IOException {
        DataSet d = nyha();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < d.rows(); i++) {
            if (!d.text("arm").get(i).equals("low")) {
                rows.add(i);
            }
        }
        int[] y = new int[rows.size()];
        List<String> arm = new ArrayList<>();
        double[][] x = new double[rows.size()][];
        double[][] all = baseline(d);
        for (int r = 0; r < rows.size(); r++) {
            int i = rows.get(r);
            y[r] = NYHA.indexOf(d.text("nyha").get(i)) + 1;
            arm.add(d.text("arm").get(i));
            x[r] = all[i];
        }
        ProportionalOdds.Fit fit = ProportionalOdds.fit(y, "arm", arm, List.of("placebo", "high"), x,
                List.of("baseline"));
        assertEstimates(fit.coefficients(), new String[] {"arm=high", "baseline"}, new double[][] {
            {-0.956092688660, 0.452765716483, 3.47145917460e-02},
            {0.832814181052, 0.293257619246, 4.51316008609e-03}});
        assertEstimates(fit.cutPoints(), new String[] {"1|2", "2|3", "3|4"}, new double[][] {
            {1.089663068107, 0.813124870043, 1.80215062945e-01},
            {3.405079147913, 0.900919902760, 1.57106910111e-04},
            {4.403169137948, 0.954824598904, 3.99782722991e-06}});
        assertThat(fit.logLikelihood()).isCloseTo(-89.0279870901, relative(89.0279870901, 1e-5));
        assertThat(fit.groupTest().statistic()).isCloseTo(4.594341891, relative(4.594341891, 1e-5));
        assertThat(fit.groupTest().df()).isEqualTo(1.0);
        assertThat(fit.groupTest().p()).isCloseTo(0.0320777, within(1e-4));
    }

    /** Class III recorded as II: III is listed but empty, dropped, and the fit is polr's on I, II and IV. */
    @Test
    void anEmptyCategoryBetweenObservedOnesIsDroppedWithANote() throws IOException {
        DataSet d = nyha();
        List<String> collapsed = d.text("nyha").stream().map(c -> c.equals("III") ? "II" : c).toList();
        ProportionalOdds.Fit fit = ProportionalOdds.fit(collapsed, NYHA, "arm", d.text("arm"), ARMS, baseline(d),
                List.of("baseline"));
        assertThat(fit.levels()).containsExactly("I", "II", "IV");
        assertThat(fit.notes()).singleElement().asString().contains("[III]").contains("dropped");
        assertEstimates(fit.coefficients(), new String[] {"arm=low", "arm=high", "baseline"}, new double[][] {
            {-0.601017349106, 0.464278324461, 1.95486034676e-01},
            {-1.177524858861, 0.476777371831, 1.35204379262e-02},
            {1.096114008053, 0.265224707186, 3.58409728567e-05}});
        assertEstimates(fit.cutPoints(), new String[] {"I|II", "II|IV"}, new double[][] {
            {1.707302528621, 0.734349120087, 2.00762694749e-02},
            {5.035820449315, 0.896797712607, 1.96180689432e-08}});
        assertThat(fit.logLikelihood()).isCloseTo(-99.5306944878, relative(99.5306944878, 1e-5));
    }
}
