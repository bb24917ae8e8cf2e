package org.stroma.analysis.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.analysis.data.DataException;

/** Data the proportional odds model cannot fit are refused with what is wrong, never answered with numbers. */
class ProportionalOddsInputTest {
    static final List<String> NYHA = List.of("I", "II", "III", "IV");
    static final List<String> ARMS = List.of("placebo", "cells");

    /** 10 subjects per arm; placebo spread over I–IV, cells given as its categories. */
    static ProportionalOdds.Fit fit(List<String> cells, double[][] covariates) {
        List<String> y = new ArrayList<>(List.of("I", "II", "II", "III", "III", "III", "IV", "II", "I", "IV"));
        y.addAll(cells);
        List<String> arm = new ArrayList<>();
        for (int i = 0; i < y.size(); i++) {
            arm.add(i < 10 ? "placebo" : "cells");
        }
        return ProportionalOdds.fit(y, NYHA, "arm", arm, ARMS, covariates,
                covariates == null ? null : List.of("baseline"));
    }

    static double[][] column(double... values) {
        double[][] x = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            x[i][0] = values[i];
        }
        return x;
    }

    @Test
    void anOrdinaryDataSetFits() {
        ProportionalOdds.Fit fit = fit(List.of("I", "I", "II", "I", "III", "II", "I", "II", "IV", "I"), null);
        assertThat(fit.coefficients().get(0).estimate()).isNegative();
        assertThat(fit.cutPoints()).hasSize(3);
    }

    @Test
    void aGroupWhollyInTheLowestCategoryIsSeparation() {
        assertThatThrownBy(() -> fit(List.of("I", "I", "I", "I", "I", "I", "I", "I", "I", "I"), null))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("no finite maximum")
                .hasMessageContaining("separated by [arm=cells]");
    }

    @Test
    void aCovariateThatOrdersTheCategoriesPerfectlyIsSeparation() {
        List<String> y = List.of("I", "I", "II", "II", "III", "III", "IV", "IV", "I", "II", "III", "IV");
        List<String> arm = List.of("placebo", "cells", "placebo", "cells", "placebo", "cells", "placebo", "cells",
                "cells", "placebo", "cells", "placebo");
        double[][] baseline = column(1, 1.2, 2, 2.1, 3, 3.3, 4, 4.2, 1.1, 2.2, 3.1, 4.1);
        assertThatThrownBy(() -> ProportionalOdds.fit(y, NYHA, "arm", arm, ARMS, baseline, List.of("baseline")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("separated by [baseline]");
    }

    @Test
    void oneObservedCategoryIsRefused() {
        List<String> y = List.of("II", "II", "II", "II");
        assertThatThrownBy(() -> ProportionalOdds.fit(y, NYHA, "arm", List.of("placebo", "cells", "placebo",
                "cells"), ARMS, null, null))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("every subject in the one category 'II'");
    }

    @Test
    void emptyCategoriesAtTheEndsAreDroppedWithANote() {
        List<String> y = List.of("II", "III", "II", "III", "III", "II");
        ProportionalOdds.Fit fit = ProportionalOdds.fit(y, NYHA, "arm", List.of("placebo", "placebo", "placebo",
                "cells", "cells", "cells"), ARMS, null, null);
        assertThat(fit.levels()).containsExactly("II", "III");
        assertThat(fit.cutPoints()).singleElement().extracting(e -> e.term()).isEqualTo("II|III");
        assertThat(fit.notes()).singleElement().asString().contains("[I, IV]");
    }

    @Test
    void anIntegerScaleWithAGapSaysWhichScoreIsDropped() {
        int[] mrs = {0, 1, 1, 3, 4, 0, 1, 3, 3, 4};
        List<String> arm = List.of("placebo", "placebo", "placebo", "placebo", "placebo", "cells", "cells", "cells",
                "cells", "cells");
        ProportionalOdds.Fit fit = ProportionalOdds.fit(mrs, "arm", arm, ARMS, null, null);
        assertThat(fit.levels()).containsExactly("0", "1", "3", "4");
        assertThat(fit.notes()).singleElement().asString().contains("category [2]");
    }

    @Test
    void aNonFiniteCovariateIsRefusedWithItsRow() {
        double[] baseline = new double[20];
        java.util.Arrays.fill(baseline, 2);
        baseline[12] = Double.NaN;
        assertThatThrownBy(() -> fit(List.of("I", "I", "II", "I", "III", "II", "I", "II", "IV", "I"),
                column(baseline)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("column 'baseline', row 13: NaN is not a finite number");
    }

    @Test
    void aConstantCovariateCannotBeSeparatedFromTheCutPoints() {
        double[] baseline = new double[20];
        java.util.Arrays.fill(baseline, 2);
        assertThatThrownBy(() -> fit(List.of("I", "I", "II", "I", "III", "II", "I", "II", "IV", "I"),
                column(baseline)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("cannot be separated");
    }

    @Test
    void anUnlistedCategoryOrGroupIsRefused() {
        assertThatThrownBy(() -> fit(List.of("I", "I", "II", "I", "V", "II", "I", "II", "IV", "I"), null))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("row 15: 'V' is none of the categories");
        assertThatThrownBy(() -> ProportionalOdds.fit(List.of("I", "II"), NYHA, "arm", List.of("placebo",
                "placebo"), ARMS, null, null))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("the group 'cells' has no subjects");
    }
}
