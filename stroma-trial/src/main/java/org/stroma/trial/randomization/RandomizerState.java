package org.stroma.trial.randomization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a {@link Randomizer} stands, as plain values a store can keep: each stratum's count of patients, its block
 * number and the rest of its block under way, minimization's counts of each group at each factor level, and the
 * subjects allocated. A randomizer restored from it carries on as if it had never stopped (with a secure source; a
 * seeded source starts its draws again).
 */
public record RandomizerState(Map<String, Integer> numbers, Map<String, Integer> blockNumbers,
        Map<String, List<String>> pendingBlocks, Map<String, Map<String, Integer>> levelCounts, Set<String> allocated) {

    public RandomizerState {
        numbers = Map.copyOf(numbers);
        blockNumbers = Map.copyOf(blockNumbers);
        pendingBlocks = copyOfLists(pendingBlocks);
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        levelCounts.forEach((k, v) -> counts.put(k, Map.copyOf(v)));
        levelCounts = Map.copyOf(counts);
        allocated = Set.copyOf(allocated);
    }

    private static Map<String, List<String>> copyOfLists(Map<String, List<String>> lists) {
        Map<String, List<String>> copy = new HashMap<>();
        lists.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Map.copyOf(copy);
    }
}
