package org.stroma.trial.randomization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WilliamsDesignTest {

    @Test
    void matchesThePublishedDesigns() {
        // crossdes::williams(3) and the first row of williams(10)
        assertThat(WilliamsDesign.sequences(3)).containsExactly(List.of(1, 2, 3), List.of(2, 3, 1), List.of(3, 1, 2),
                List.of(3, 2, 1), List.of(1, 3, 2), List.of(2, 1, 3));
        assertThat(WilliamsDesign.sequences(10).get(0)).containsExactly(1, 2, 10, 3, 9, 4, 8, 5, 7, 6);
        assertThat(WilliamsDesign.lettered(2)).containsExactly("AB", "BA");
    }

    /** Each treatment once in each period per square, and each ordered pair of treatments adjacent equally often. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10})
    void balancesPeriodsAndFirstOrderCarryover(int t) {
        List<List<Integer>> design = WilliamsDesign.sequences(t);
        int squares = t % 2 == 0 ? 1 : 2;
        assertThat(design).hasSize(t * squares);
        for (int period = 0; period < t; period++) {
            Map<Integer, Integer> inPeriod = new HashMap<>();
            for (List<Integer> row : design) {
                inPeriod.merge(row.get(period), 1, Integer::sum);
            }
            assertThat(inPeriod.values()).containsOnly(squares);
        }
        Map<List<Integer>, Integer> pairs = new HashMap<>();
        for (List<Integer> row : design) {
            assertThat(new HashSet<>(row)).hasSize(t);
            for (int i = 0; i + 1 < t; i++) {
                pairs.merge(List.of(row.get(i), row.get(i + 1)), 1, Integer::sum);
            }
        }
        assertThat(pairs).hasSize(t * (t - 1));
        Set<Integer> counts = new HashSet<>(pairs.values());
        assertThat(counts).hasSize(1);
    }
}
