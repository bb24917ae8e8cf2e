package org.stroma.analysis.longitudinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stroma.analysis.data.DataException;

/** The fallback from unstructured to simpler covariances, said in the result, and the errors for unusable data. */
class MmrmFallbackAndInputTest {
    static final List<String> ARMS = List.of("placebo", "cells");

    /** Subjects × visits complete rows, the first {@code inPlacebo} subjects on placebo; outcomes from a seed. */
    static LongitudinalData data(int subjects, int inPlacebo, List<String> visits) {
        Random random = new Random(42);
        List<String> id = new ArrayList<>();
        List<String> arm = new ArrayList<>();
        List<String> visit = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int s = 0; s < subjects; s++) {
            double level = random.nextGaussian() * 3;
            for (int v = 0; v < visits.size(); v++) {
                id.add("S" + s);
                arm.add(s < inPlacebo ? "placebo" : "cells");
                visit.add(visits.get(v));
                y.add(10 + level + v + random.nextGaussian());
            }
        }
        return new LongitudinalData(id, arm, visit, y.stream().mapToDouble(Double::doubleValue).toArray(), List.of(),
                ARMS, visits);
    }

    @Test
    void tooFewSubjectsForUnstructuredFallsBackToToeplitzAndSaysWhy() {
        // 5 subjects × 6 visits: 21 unstructured parameters, 30 − 12 = 18 residual degrees of freedom
        Mmrm.Fit fit = Mmrm.fit(data(5, 2, List.of("1", "2", "3", "4", "5", "6")));
        assertThat(fit.structure()).isEqualTo(CovarianceStructure.TOEPLITZ);
        assertThat(fit.structureReason()).isEqualTo("Toeplitz, because unstructured could not be estimated: 21"
                + " covariance parameters but only 18 residual degrees of freedom (30 observations, 12 fixed effects)");
        assertThat(fit.contrasts()).hasSize(6);
        assertThat(fit.contrasts().get(0).estimate().df()).isPositive();
    }

    @Test
    void enoughSubjectsKeepUnstructured() {
        Mmrm.Fit fit = Mmrm.fit(data(30, 15, List.of("1", "2", "3")));
        assertThat(fit.structure()).isEqualTo(CovarianceStructure.UNSTRUCTURED);
        assertThat(fit.structureReason()).isEqualTo("unstructured, the first tried");
    }

    @Test
    void anArmWithOneSubjectIsRefused() {
        assertThatThrownBy(() -> data(6, 1, List.of("1", "2"))).isInstanceOf(DataException.class)
                .hasMessage("arm 'placebo' has 1 subject with data; a comparison of arms needs at least 2 in each");
    }

    @Test
    void aVisitWithNoDataIsRefused() {
        LongitudinalData complete = data(6, 3, List.of("1", "2"));
        assertThatThrownBy(() -> new LongitudinalData(complete.subject(), complete.arm(), complete.visit(),
                complete.outcome(), List.of(), ARMS, List.of("1", "2", "3"))).isInstanceOf(DataException.class)
                .hasMessage("visit '3' has no observed outcome in any arm");
    }

    @Test
    void nonFiniteValuesAreRefusedWithTheirRow() {
        LongitudinalData complete = data(6, 3, List.of("1", "2"));
        double[] y = complete.outcome();
        y[4] = Double.NaN;
        assertThatThrownBy(() -> new LongitudinalData(complete.subject(), complete.arm(), complete.visit(), y,
                List.of(), ARMS, complete.visits())).isInstanceOf(DataException.class)
                .hasMessage("row 5 (subject 'S2'): the outcome NaN is not a finite number");
        double[] baseline = new double[y.length];
        baseline[7] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> new LongitudinalData(complete.subject(), complete.arm(), complete.visit(),
                complete.outcome(), List.of(Covariate.continuous("baseline", baseline)), ARMS, complete.visits()))
                .isInstanceOf(DataException.class)
                .hasMessage("row 8 (subject 'S3'): covariate 'baseline' is missing or not finite");
    }

    @Test
    void aConstantCovariateIsRefused() {
        LongitudinalData complete = data(6, 3, List.of("1", "2"));
        LongitudinalData constant = new LongitudinalData(complete.subject(), complete.arm(), complete.visit(),
                complete.outcome(), List.of(Covariate.continuous("baseline", new double[complete.rows()])), ARMS,
                complete.visits());
        assertThatThrownBy(() -> Mmrm.fit(constant)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("the fixed effects [(Intercept), armcells, visit2, baseline, armcells:visit2]"
                        + " cannot be separated");
    }
}
