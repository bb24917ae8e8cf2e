package org.stroma.analysis.longitudinal;

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
 * The MMRM against R on the data sets in src/test/resources/data/mmrm, which simulate.R there writes and fit.R there
 * fits (R 4.2.2, nlme 3.1-162 gls with corSymm + varIdent by REML, emmeans 1.8.4-1 mode "satterthwaite"); the
 * values below are R's, as fit.R prints them. The degrees of freedom are emmeans's Satterthwaite formula with nlme's
 * apVar (a coarse finite-difference Hessian, 0.4 % off in df here) replaced by numDeriv's Hessian of the same REML
 * likelihood; fit.R explains and prints both. Tolerance 1e-4, relative to the value where it is larger than 1 (the
 * log-likelihood, the covariance, the degrees of freedom), absolute below; p-values to 1e-4 absolute.
 */
class MmrmReferenceTest {
    static final double TOLERANCE = 1e-4;

    static Offset<Double> close(double expected) {
        return within(TOLERANCE * Math.max(1, Math.abs(expected)));
    }

    static LongitudinalData load(String name, List<String> arms, List<String> visits, List<String> categorical)
            throws IOException {
        DataSet d;
        try (var in = new InputStreamReader(MmrmReferenceTest.class.getResourceAsStream("/data/mmrm/" + name),
                StandardCharsets.UTF_8)) {
            d = DataSet.readCsv(in, name);
        }
        List<Covariate> covariates = new ArrayList<>();
        covariates.add(Covariate.continuous("baseline", unbox(d.numbers("baseline"))));
        categorical.forEach(c -> covariates.add(Covariate.categorical(c, d.text(c))));
        return new LongitudinalData(d.text("id"), d.text("arm"), d.text("visit"), unbox(d.numbers("y")), covariates,
                arms, visits);
    }

    static double[] unbox(Double[] values) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i];
        }
        return v;
    }

    static void assertEstimate(Estimate e, double estimate, double se, double df) {
        assertThat(e.estimate()).as(e.term()).isCloseTo(estimate, close(estimate));
        assertThat(e.se()).as(e.term() + " SE").isCloseTo(se, close(se));
        assertThat(e.df()).as(e.term() + " df").isCloseTo(df, close(df));
    }

    static void assertCoefficients(Mmrm.Fit fit, String[] names, double[][] valueAndSe) {
        assertThat(fit.coefficients()).extracting(Estimate::term).containsExactly(names);
        for (int j = 0; j < names.length; j++) {
            Estimate c = fit.coefficients().get(j);
            assertThat(c.estimate()).as(names[j]).isCloseTo(valueAndSe[j][0], close(valueAndSe[j][0]));
            assertThat(c.se()).as(names[j] + " SE").isCloseTo(valueAndSe[j][1], close(valueAndSe[j][1]));
        }
    }

    static void assertCovariance(Mmrm.Fit fit, double[][] expected) {
        for (int a = 0; a < expected.length; a++) {
            for (int b = 0; b < expected.length; b++) {
                assertThat(fit.covariance()[a][b]).as("Σ[%d][%d]", a, b).isCloseTo(expected[a][b],
                        close(expected[a][b]));
            }
        }
    }

    static final List<String> TWO_ARMS = List.of("placebo", "cells");
    static final List<String> FOUR_VISITS = List.of("V1", "V2", "V3", "V4");

    @Test
    void twoArmsUnstructured() throws IOException {
        Mmrm.Fit fit = Mmrm.fit(load("two_arms.csv", TWO_ARMS, FOUR_VISITS, List.of()));
        assertThat(fit.structure()).isEqualTo(CovarianceStructure.UNSTRUCTURED);
        assertThat(fit.structureReason()).isEqualTo("unstructured, as asked");
        assertThat(fit.subjects()).isEqualTo(80);
        assertThat(fit.observations()).isEqualTo(291);
        assertCoefficients(fit, new String[] {"(Intercept)", "armcells", "visitV2", "visitV3", "visitV4", "baseline",
            "armcells:visitV2", "armcells:visitV3", "armcells:visitV4"}, new double[][] {
                {-14.1833482876529, 4.3233516138543}, {-0.0886961960919, 1.3826262901927},
                {1.4463776726236, 0.9918804459807}, {2.3051251728433, 1.1043457414606},
                {4.2478399211303, 1.5105975997956}, {0.3462655151413, 0.0812851548401},
                {0.4711982528177, 1.3862441323383}, {0.6866461182126, 1.5552061642595},
                {0.2388682094456, 2.1041592466067}});
        assertThat(fit.remlLogLikelihood()).isCloseTo(-914.438856053, close(-914.438856053));
        assertCovariance(fit, new double[][] {
            {36.9917043444, 24.2333684269, 27.3158277978, 23.7970683139},
            {24.2333684269, 47.3327522900, 38.8943488042, 39.6169071469},
            {27.3158277978, 38.8943488042, 61.0309331591, 52.4296506595},
            {23.7970683139, 39.6169071469, 52.4296506595, 87.7345140042}});
        // emmean, SE, df (placebo then cells at each visit)
        double[][] means = {
            {3.20286931161, 0.970905697472, 77.5362343701}, {3.11417311551, 0.968569964121, 77.4544937095},
            {4.64924698423, 1.134978644513, 76.9881379209}, {5.03174904096, 1.113224265068, 75.5341567454},
            {5.50799448445, 1.295403776252, 76.3326344010}, {6.10594440657, 1.286202965717, 76.8384950353},
            {7.45070923274, 1.601394954291, 72.6749772686}, {7.60088124609, 1.557294820141, 70.6792760230}};
        for (int i = 0; i < means.length; i++) {
            assertEstimate(fit.leastSquaresMeans().get(i).estimate(), means[i][0], means[i][1], means[i][2]);
        }
        assertThat(fit.leastSquaresMeans().get(7).estimate().ciLow()).isCloseTo(4.49547937160, close(4.5));
        assertThat(fit.leastSquaresMeans().get(7).estimate().ciHigh()).isCloseTo(10.70628312058, close(10.7));
        // cells − placebo: estimate, SE, df, t, p, lower, upper
        double[][] contrasts = {
            {-0.0886961960919, 1.38262629019, 77.7661054186, -0.0641505204414, 0.949014989673, -2.84142410042,
                2.66403170824},
            {0.3825020567258, 1.59979554599, 77.0304536238, 0.2390943378264, 0.811667426840, -2.80307775752,
                3.56808187097},
            {0.5979499221207, 1.83410810285, 77.3348431948, 0.3260167277982, 0.745292258400, -3.05397355950,
                4.24987340374},
            {0.1501720133538, 2.24087808939, 72.3880968929, 0.0670148073047, 0.946754667020, -4.31652767634,
                4.61687170305}};
        assertContrasts(fit.contrasts(), contrasts);
        assertThat(fit.contrasts()).extracting(Mmrm.ArmVisit::visit).containsExactlyElementsOf(FOUR_VISITS);
        assertThat(fit.contrasts().get(3).estimate().term()).isEqualTo("cells − placebo at V4");
    }

    static void assertContrasts(List<Mmrm.ArmVisit> actual, double[][] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            Estimate e = actual.get(i).estimate();
            double[] r = expected[i];
            assertEstimate(e, r[0], r[1], r[2]);
            assertThat(e.statistic()).as(e.term() + " t").isCloseTo(r[3], close(r[3]));
            assertThat(e.p()).as(e.term() + " p").isCloseTo(r[4], within(TOLERANCE));
            assertThat(e.ciLow()).as(e.term() + " lower").isCloseTo(r[5], close(r[5]));
            assertThat(e.ciHigh()).as(e.term() + " upper").isCloseTo(r[6], close(r[6]));
        }
    }
}
