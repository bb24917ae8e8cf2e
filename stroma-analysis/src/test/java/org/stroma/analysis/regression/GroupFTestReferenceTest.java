package org.stroma.analysis.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.analysis.data.DataSet;

/**
 * The omnibus F for three arms at the last visit of src/test/resources/data/mmrm/three_arms.csv against R's
 * {@code anova(lm(...))}, printed by fit.R there (R 4.2.2): F to 1e-6 relative (a closed form), p to 1e-4 relative.
 */
class GroupFTestReferenceTest {
    @Test
    void threeArmsAdjustedForBaselineAndSiteAndUnadjusted() throws IOException {
        DataSet d;
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/data/mmrm/three_arms.csv"),
                StandardCharsets.UTF_8)) {
            d = DataSet.readCsv(in, "three_arms.csv");
        }
        Double[] outcomes = d.numbers("y");
        Double[] baselines = d.numbers("baseline");
        List<Double> y = new ArrayList<>();
        List<String> arm = new ArrayList<>();
        List<double[]> baselineAndSite = new ArrayList<>();
        List<double[]> baselineOnly = new ArrayList<>();
        for (int i = 0; i < d.rows(); i++) {
            if (d.text("visit").get(i).equals("V3")) {
                y.add(outcomes[i]);
                arm.add(d.text("arm").get(i));
                String site = d.text("site").get(i);
                baselineAndSite.add(new double[] {baselines[i], site.equals("S2") ? 1 : 0, site.equals("S3") ? 1 : 0});
                baselineOnly.add(new double[] {baselines[i]});
            }
        }
        double[] outcome = y.stream().mapToDouble(Double::doubleValue).toArray();

        // anova(lm(y ~ baseline + site + arm)): arm  2 df  F 8.35080473458  p 5.36807863728e-04; residual 74 df
        GroupFTest.Result adjusted = GroupFTest.adjusted(outcome, arm, baselineAndSite.toArray(new double[0][]));
        assertThat(adjusted.f()).isCloseTo(8.35080473458, within(8.35 * 1e-6));
        assertThat(adjusted.numeratorDf()).isEqualTo(2);
        assertThat(adjusted.denominatorDf()).isEqualTo(74);
        assertThat(adjusted.p()).isCloseTo(5.36807863728e-04, within(5.37e-4 * 1e-4));

        // anova(lm(y ~ arm + baseline)): arm  2 df  F 9.06985105216  p 2.93460300827e-04; residual 76 df
        GroupFTest.Result first = GroupFTest.beforeCovariates(outcome, arm, baselineOnly.toArray(new double[0][]));
        assertThat(first.f()).isCloseTo(9.06985105216, within(9.07 * 1e-6));
        assertThat(first.denominatorDf()).isEqualTo(76);
        assertThat(first.p()).isCloseTo(2.93460300827e-04, within(2.93e-4 * 1e-4));
    }
}
