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
        assertThat(fit.structureReason()).isEqualTo("unstructured, the first tried");
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

    @Test
    void twoArmsCompoundSymmetry() throws IOException {
        Mmrm.Fit fit = Mmrm.fit(load("two_arms.csv", TWO_ARMS, FOUR_VISITS, List.of()),
                CovarianceStructure.COMPOUND_SYMMETRY);
        assertThat(fit.structureReason()).isEqualTo("compound symmetry, the first tried");
        assertThat(fit.remlLogLikelihood()).isCloseTo(-933.01970763, close(-933.01970763));
        assertThat(fit.covariance()[0][0]).isCloseTo(56.6606304639, close(56.66));
        assertThat(fit.covariance()[3][1]).isCloseTo(33.1488341787, close(33.15));
        assertThat(fit.coefficients().get(5).estimate()).isCloseTo(0.3605749665857, close(0.36));
        assertThat(fit.coefficients().get(5).se()).isCloseTo(0.0904717497111, close(0.09));
        assertEstimate(fit.leastSquaresMeans().get(6).estimate(), 7.39910213886, 1.28342772004, 171.088994912);
        assertContrasts(fit.contrasts(), new double[][] {
            {-0.0448377274147, 1.70585009496, 144.249398739, -0.0262846820756, 0.979066600397, -3.41652909403,
                3.32685363921},
            {0.4537004560799, 1.75078954091, 152.991048702, 0.2591404880363, 0.795875198331, -3.00514401775,
                3.91254492991},
            {0.7221427756074, 1.77805494959, 159.265148027, 0.4061419900294, 0.685183446510, -2.78946418465,
                4.23374973587},
            {0.2680870959460, 1.80085950990, 164.782687693, 0.1488661911006, 0.881841245961, -3.28764673608,
                3.82382092798}});
    }

    /** Against nlme's corARMA(p = 3): one variance and a correlation for each lag. */
    @Test
    void twoArmsToeplitz() throws IOException {
        Mmrm.Fit fit = Mmrm.fit(load("two_arms.csv", TWO_ARMS, FOUR_VISITS, List.of()), CovarianceStructure.TOEPLITZ);
        assertThat(fit.structure()).as(fit.structureReason()).isEqualTo(CovarianceStructure.TOEPLITZ);
        assertThat(fit.remlLogLikelihood()).isCloseTo(-924.190698723, close(-924.190698723));
        assertCovariance(fit, new double[][] {
            {57.5779481158, 39.1262509507, 32.6395332949, 23.4654045139},
            {39.1262509507, 57.5779481158, 39.1262509507, 32.6395332949},
            {32.6395332949, 39.1262509507, 57.5779481158, 39.1262509507},
            {23.4654045139, 32.6395332949, 39.1262509507, 57.5779481158}});
        assertThat(fit.coefficients().get(0).estimate()).isCloseTo(-15.61413132764496, close(-15.61));
        assertThat(fit.coefficients().get(0).se()).isCloseTo(4.8708248482703, close(4.87));
        assertContrasts(fit.contrasts(), new double[][] {
            {-0.00412672318519, 1.71952177806, 139.681685623, -0.00239992493136, 0.998088562894, -3.40378119033,
                3.39552774396},
            {0.45898333386163, 1.75664121243, 147.796515932, 0.26128462125013, 0.794236769659, -3.01239427479,
                3.93036094251},
            {0.75426328087425, 1.79126008956, 152.946805657, 0.42107971101970, 0.674288000183, -2.78454261487,
                4.29306917661},
            {0.36178274639910, 1.83168587179, 155.833264549, 0.19751353218975, 0.843683090636, -3.25635373591,
                3.97991922871}});
    }

    /** Three arms, a categorical covariate (site, averaged over its levels) and intermittent missed visits. */
    @Test
    void threeArmsWithSiteAndIntermittentMissingVisits() throws IOException {
        Mmrm.Fit fit = Mmrm.fit(load("three_arms.csv", List.of("placebo", "low", "high"), List.of("V1", "V2", "V3"),
                List.of("site")));
        assertThat(fit.structure()).isEqualTo(CovarianceStructure.UNSTRUCTURED);
        assertCoefficients(fit, new String[] {"(Intercept)", "armlow", "armhigh", "visitV2", "visitV3", "baseline",
            "siteS2", "siteS3", "armlow:visitV2", "armhigh:visitV2", "armlow:visitV3", "armhigh:visitV3"},
            new double[][] {
                {-5.493584209817, 1.6178746195264}, {0.975827408048, 0.8202289024109},
                {2.140861809689, 0.8151297427075}, {1.058584241029, 0.5459876126446},
                {1.777345068182, 0.8286016290486}, {0.461387606630, 0.0740270615022},
                {2.023560938764, 0.7057690479810}, {-0.297045511201, 0.6924904891289},
                {0.816522087122, 0.7918692364443}, {0.486529549332, 0.7975683456929},
                {0.663055626227, 1.1477207900463}, {1.965035828829, 1.1579869946183}});
        assertThat(fit.remlLogLikelihood()).isCloseTo(-611.417982497, close(-611.417982497));
        assertCovariance(fit, new double[][] {
            {9.20833264406, 6.74978557166, 2.38620402586},
            {6.74978557166, 12.61297493643, 4.99232095345},
            {2.38620402586, 4.99232095345, 13.28023864354}});
        double[][] means = {
            {4.19735165614, 0.572934839008, 80.1560533759}, {5.17317906419, 0.585605363552, 81.3688894464},
            {6.33821346583, 0.579900550446, 80.8404567985}, {5.25593589717, 0.648825015749, 77.1932211489},
            {7.04828539234, 0.692096139925, 85.2469665380}, {7.88332725619, 0.682928860219, 86.1985182748},
            {5.97469672433, 0.720738171469, 79.7079592449}, {7.61357975860, 0.703146842432, 82.1436510267},
            {10.08059436284, 0.702238243263, 79.7230290135}};
        for (int i = 0; i < means.length; i++) {
            assertEstimate(fit.leastSquaresMeans().get(i).estimate(), means[i][0], means[i][1], means[i][2]);
        }
        assertThat(fit.contrasts()).extracting(Mmrm.ArmVisit::arm).containsExactly("low", "high", "low", "high",
                "low", "high");
        assertContrasts(fit.contrasts(), new double[][] {
            {0.975827408048, 0.820228902411, 80.9169289780, 1.18970132018, 0.237642931005636, -0.6561962201309,
                2.60785103623},
            {2.140861809689, 0.815129742708, 80.4875813874, 2.62640619956, 0.010327067297395, 0.5188527680157,
                3.76287085136},
            {1.792349495170, 0.949652552142, 81.6517798215, 1.88737395706, 0.062663184873117, -0.0969325806208,
                3.68163157096},
            {2.627391359021, 0.941992393620, 81.9115260602, 2.78918532338, 0.006569399478289, 0.7534381054678,
                4.50134461257},
            {1.638883034275, 1.009683504726, 81.7493810530, 1.62316510729, 0.108404336684546, -0.3697912946954,
                3.64755736324},
            {4.105897638518, 1.004738705193, 79.3114294203, 4.08653276449, 0.000104075309191, 2.1061373663987,
                6.10565791064}});
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
