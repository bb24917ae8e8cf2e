package org.stroma.trial.randomization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PermutedBlocksProperties {

    @Provide
    Arbitrary<AllocationRatio> ratios() {
        return Arbitraries.of(
                AllocationRatio.equal(List.of("A", "B")),
                new AllocationRatio(List.of("MSC", "placebo"), List.of(2, 1)),
                AllocationRatio.equal(List.of("A", "B", "C")),
                new AllocationRatio(List.of("AB", "BA"), List.of(1, 1)),
                new AllocationRatio(List.of("low", "high", "control"), List.of(1, 1, 2)));
    }

    private static List<Allocation> run(AllocationRatio ratio, List<Integer> multiples, long seed, List<Integer> sites) {
        Randomizer r = new Randomizer(ratio, new AllocationMethod.PermutedBlocks(multiples, List.of("site")),
                RandomSource.seeded(seed));
        List<Allocation> all = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            all.add(r.allocate("S" + i, Map.of("site", "site" + sites.get(i))));
        }
        return all;
    }

    /** Every completed block holds each group exactly its weight times the block's multiple. */
    @Property(tries = 300)
    void everyCompletedBlockIsBalancedExactly(@ForAll("ratios") AllocationRatio ratio, @ForAll long seed,
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 3) Integer> multiples,
            @ForAll @Size(min = 1, max = 120) List<@IntRange(min = 0, max = 3) Integer> sites) {
        List<Allocation> all = run(ratio, multiples, seed, sites);
        Map<String, Map<Integer, List<String>>> blocks = new LinkedHashMap<>();
        for (Allocation a : all) {
            blocks.computeIfAbsent(a.stratum(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(a.block(), k -> new ArrayList<>()).add(a.group());
        }
        for (Map<Integer, List<String>> stratum : blocks.values()) {
            List<List<String>> inOrder = new ArrayList<>(stratum.values());
            for (int b = 0; b < inOrder.size(); b++) {
                List<String> block = inOrder.get(b);
                boolean complete = b < inOrder.size() - 1;
                Map<String, Integer> counts = new HashMap<>();
                block.forEach(g -> counts.merge(g, 1, Integer::sum));
                if (complete) {
                    assertThat(block.size() % ratio.total()).isZero();
                    int multiple = block.size() / ratio.total();
                    assertThat(multiples).contains(multiple);
                    for (String g : ratio.groups()) {
                        assertThat(counts.getOrDefault(g, 0)).isEqualTo(ratio.weight(g) * multiple);
                    }
                } else {
                    // the block under way never holds more of a group than a block of the largest size would
                    int largest = multiples.stream().mapToInt(Integer::intValue).max().orElseThrow();
                    counts.forEach((g, n) -> assertThat(n).isLessThanOrEqualTo(ratio.weight(g) * largest));
                }
            }
        }
    }

    /** A stratum's list is the same whatever the other strata do, and the same seed gives the same lists. */
    @Property(tries = 200)
    void strataAreIndependentAndASeedReproducesTheirLists(@ForAll("ratios") AllocationRatio ratio, @ForAll long seed,
            @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 2) Integer> sites) {
        List<Allocation> mixed = run(ratio, List.of(1, 2), seed, sites);
        List<Integer> onlySiteZero = sites.stream().filter(s -> s == 0).toList();
        List<Allocation> alone = run(ratio, List.of(1, 2), seed, onlySiteZero);
        assertThat(mixed.stream().filter(a -> a.stratum().equals("site=site0")).map(Allocation::group).toList())
                .isEqualTo(alone.stream().map(Allocation::group).toList());
        assertThat(run(ratio, List.of(1, 2), seed, sites)).isEqualTo(mixed);
    }

    @Property(tries = 100)
    void placesInAStratumCountFromOneWithoutGaps(@ForAll long seed,
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 4) Integer> sites) {
        List<Allocation> all = run(AllocationRatio.equal(List.of("A", "B")), List.of(1, 2, 3), seed, sites);
        Map<String, Integer> last = new HashMap<>();
        for (Allocation a : all) {
            int expected = last.getOrDefault(a.stratum(), 0) + 1;
            assertThat(a.number()).isEqualTo(expected);
            last.put(a.stratum(), expected);
        }
    }
}
