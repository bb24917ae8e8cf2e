package org.stroma.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Hodges–Lehmann shift found by counting (no m·n array) against the median of all the differences sorted, on
 * random samples with many ties, odd and even counts, single values and negative and zero differences: the same
 * double every time.
 */
class MannWhitneyDifferencesTest {

    private static double sortedMedian(double[] reference, double[] other) {
        double[] differences = new double[reference.length * other.length];
        int k = 0;
        for (double o : other) {
            for (double r : reference) {
                differences[k++] = o - r;
            }
        }
        Arrays.sort(differences);
        int n = differences.length;
        return n % 2 == 1 ? differences[n / 2] : (differences[n / 2 - 1] + differences[n / 2]) / 2;
    }

    @Test
    void sameAsSortingEveryDifference() {
        Random random = new Random(15);
        for (int trial = 0; trial < 2000; trial++) {
            int m = 1 + random.nextInt(trial % 3 == 0 ? 3 : 60);
            int n = 1 + random.nextInt(trial % 5 == 0 ? 3 : 60);
            // coarse values for ties, fine ones for rounding in the differences, a shift so signs vary
            double scale = trial % 2 == 0 ? 1 : 1e-3 * Math.PI;
            double[] reference = new double[n];
            double[] other = new double[m];
            for (int i = 0; i < n; i++) {
                reference[i] = Math.round(random.nextGaussian() * 4) * scale;
            }
            for (int i = 0; i < m; i++) {
                other[i] = (Math.round(random.nextGaussian() * 4) + random.nextInt(3) - 1) * scale
                        + (trial % 7 == 0 ? random.nextDouble() : 0);
            }
            assertThat(MannWhitney.medianOfDifferences(reference, other)).as("trial %d", trial)
                    .isEqualTo(sortedMedian(reference, other) + 0.0);
        }
    }

    @Test
    void largeGroupsKeepTheStatisticAndItsNormalApproximation() {
        // 60 000 a group: m·(m + 1) and m·n overflow an int; W and z must not
        Random random = new Random(6);
        double[] reference = new double[60_000];
        double[] other = new double[60_000];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = random.nextInt(1000);
            other[i] = random.nextInt(1000) + 10;
        }
        MannWhitney.Result r = MannWhitney.test(reference, other);
        assertThat(r.w()).isBetween(0.0, 60_000.0 * 60_000.0);
        assertThat(r.z()).isPositive();
        assertThat(r.hodgesLehmann()).isEqualTo(10.0);
    }
}
