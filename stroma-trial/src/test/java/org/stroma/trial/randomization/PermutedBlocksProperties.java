package org.stroma.trial.randomization;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PermutedBlocksProperties {
    /** Fixed, so that every run checks the same trials; a failing one is shrunk towards fewer subjects. */
    private static final long SEED = 0xB10C5EEDL;

    private static final Gen<AllocationRatio> RATIOS = Generate.pick(List.of(
            AllocationRatio.equal(List.of("A", "B")),
            new AllocationRatio(List.of("MSC", "placebo"), List.of(2, 1)),
            AllocationRatio.equal(List.of("A", "B", "C")),
            new AllocationRatio(List.of("AB", "BA"), List.of(1, 1)),
            new AllocationRatio(List.of("low", "high", "control"), List.of(1, 1, 2))));

    /** The site of each subject in order of arrival, between site0 and site{@code lastSite}. */
    private static Gen<List<Integer>> sites(int atMost, int lastSite) {
        return lists().of(integers().between(0, lastSite)).ofSizeBetween(1, atMost);
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
    @Test
    void everyCompletedBlockIsBalancedExactly() {
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(RATIOS, longs().all(), lists().of(integers().between(1, 3)).ofSizeBetween(1, 3), sites(120, 3))
                .checkAssert(PermutedBlocksProperties::completedBlocksAreBalanced);
    }

    private static void completedBlocksAreBalanced(AllocationRatio ratio, long seed, List<Integer> multiples,
            List<Integer> sites) {
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
    @Test
    void strataAreIndependentAndASeedReproducesTheirLists() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(RATIOS, longs().all(), sites(80, 2))
                .checkAssert((ratio, seed, sites) -> {
                    List<Allocation> mixed = run(ratio, List.of(1, 2), seed, sites);
                    List<Integer> onlySiteZero = sites.stream().filter(s -> s == 0).toList();
                    List<Allocation> alone = run(ratio, List.of(1, 2), seed, onlySiteZero);
                    assertThat(mixed.stream().filter(a -> a.stratum().equals("site=site0")).map(Allocation::group)
                            .toList()).isEqualTo(alone.stream().map(Allocation::group).toList());
                    assertThat(run(ratio, List.of(1, 2), seed, sites)).isEqualTo(mixed);
                });
    }

    @Test
    void placesInAStratumCountFromOneWithoutGaps() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(longs().all(), sites(60, 4)).checkAssert((seed, sites) -> {
            List<Allocation> all = run(AllocationRatio.equal(List.of("A", "B")), List.of(1, 2, 3), seed, sites);
            Map<String, Integer> last = new HashMap<>();
            for (Allocation a : all) {
                int expected = last.getOrDefault(a.stratum(), 0) + 1;
                assertThat(a.number()).isEqualTo(expected);
                last.put(a.stratum(), expected);
            }
        });
    }
}
