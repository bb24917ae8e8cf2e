package org.stroma.trial.randomization;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.refusal.ConflictException;

/**
 * Allocates patients one by one by a trial's method and ratio. It keeps each stratum's place in its list (the block
 * under way, the patients so far) and, for minimization, the groups' counts at every factor level. Each call is one
 * allocation; calls are serialised, so that two patients never take the same place.
 */
public final class Randomizer {
    private final AllocationRatio ratio;
    private final AllocationMethod method;
    private final RandomSource random;
    private final Map<String, RandomSource> strataSources = new HashMap<>();
    private final Map<String, Deque<String>> blocks = new HashMap<>();
    private final Map<String, Integer> blockNumbers = new HashMap<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    /** Minimization: the count of each group at each factor level, keyed "factor=level". */
    private final Map<String, Map<String, Integer>> levelCounts = new HashMap<>();
    private final Set<String> allocated = new HashSet<>();

    public Randomizer(AllocationRatio ratio, AllocationMethod method, RandomSource random) {
        this.ratio = ratio;
        this.method = method;
        this.random = random;
        if (method instanceof AllocationMethod.SingleGroup && ratio.groups().size() != 1) {
            throw new InvalidInputException("a single-group study has one group, not " + ratio.groups());
        }
        if (method instanceof AllocationMethod.Pregenerated p) {
            List<String> problems = p.list().verify(ratio);
            if (!problems.isEmpty()) {
                throw new InvalidInputException("the randomization list cannot be used: " + String.join("; ",
                        problems));
            }
        }
    }

    /** Where this randomizer stands, to be kept with the allocation it just made. */
    public synchronized RandomizerState state() {
        Map<String, List<String>> pending = new HashMap<>();
        blocks.forEach((k, v) -> pending.put(k, new ArrayList<>(v)));
        return new RandomizerState(numbers, blockNumbers, pending, levelCounts, allocated);
    }

    /** Takes up a kept state: the strata's places, blocks under way, level counts and allocated subjects. */
    public synchronized void restore(RandomizerState state) {
        numbers.clear();
        numbers.putAll(state.numbers());
        blockNumbers.clear();
        blockNumbers.putAll(state.blockNumbers());
        blocks.clear();
        state.pendingBlocks().forEach((k, v) -> blocks.put(k, new ArrayDeque<>(v)));
        levelCounts.clear();
        state.levelCounts().forEach((k, v) -> levelCounts.put(k, new HashMap<>(v)));
        allocated.clear();
        allocated.addAll(state.allocated());
    }

    /**
     * Allocates a patient, given their level of each factor the method uses ({"site": "Toulouse"}). A patient is
     * allocated once; a factor the method needs and the patient lacks is refused.
     */
    public synchronized Allocation allocate(String subject, Map<String, String> levels) {
        if (!allocated.add(subject)) {
            throw new ConflictException("subject " + subject + " is already allocated");
        }
        try {
            return allocateNew(subject, levels);
        } catch (RuntimeException e) {
            allocated.remove(subject);
            throw e;
        }
    }

    private Allocation allocateNew(String subject, Map<String, String> levels) {
        List<String> needed = new ArrayList<>(method.strata());
        if (method instanceof AllocationMethod.Minimization m) {
            needed.addAll(m.factors());
        }
        for (String factor : needed) {
            if (levels.get(factor) == null) {
                throw new InvalidInputException("subject " + subject + " has no level for factor '" + factor + "'");
            }
        }
        String stratum = stratum(levels);
        int number = numbers.merge(stratum, 1, Integer::sum);
        String group;
        int block = 0;
        if (method instanceof AllocationMethod.SingleGroup) {
            group = ratio.groups().get(0);
        } else if (method instanceof AllocationMethod.Assigned) {
            group = levels.get("arm");
            if (group == null || !ratio.groups().contains(group)) {
                numbers.merge(stratum, -1, Integer::sum);
                throw new InvalidInputException("subject " + subject + " must be assigned one of the arms "
                        + ratio.groups() + ", not " + group);
            }
        } else if (method instanceof AllocationMethod.Simple) {
            group = weightedDraw(source(stratum));
        } else if (method instanceof AllocationMethod.PermutedBlocks p) {
            Deque<String> pending = blocks.computeIfAbsent(stratum, k -> new ArrayDeque<>());
            if (pending.isEmpty()) {
                pending.addAll(block(p, source(stratum)));
                blockNumbers.merge(stratum, 1, Integer::sum);
            }
            group = pending.poll();
            block = blockNumbers.get(stratum);
        } else if (method instanceof AllocationMethod.Minimization m) {
            group = minimize(m, levels);
        } else if (method instanceof AllocationMethod.Pregenerated p) {
            group = p.list().group(stratum, number);
            if (group == null) {
                numbers.merge(stratum, -1, Integer::sum);
                throw new ConflictException("the randomization list has no place " + number + " for stratum "
                        + stratum + ": it is used up");
            }
        } else {
            throw new IllegalStateException("an allocation method of an unknown kind: " + method);
        }
        if (method instanceof AllocationMethod.Minimization m) {
            for (String factor : m.factors()) {
                levelCounts.computeIfAbsent(factor + "=" + levels.get(factor), k -> new HashMap<>())
                        .merge(group, 1, Integer::sum);
            }
        }
        return new Allocation(subject, group, stratum, number, block);
    }

    /** "site=Toulouse" (factors in the method's order), or "all" for an unstratified list. */
    private String stratum(Map<String, String> levels) {
        if (method.strata().isEmpty()) {
            return "all";
        }
        List<String> parts = new ArrayList<>();
        for (String factor : method.strata()) {
            parts.add(factor + "=" + levels.get(factor));
        }
        return String.join(",", parts);
    }

    private RandomSource source(String stratum) {
        return strataSources.computeIfAbsent(stratum, random::forStratum);
    }

    private String weightedDraw(RandomSource source) {
        int draw = source.nextInt(ratio.total());
        for (int i = 0; i < ratio.groups().size(); i++) {
            draw -= ratio.weights().get(i);
            if (draw < 0) {
                return ratio.groups().get(i);
            }
        }
        throw new IllegalStateException("unreachable: a draw beyond the ratio's total");
    }

    /** A block: the ratio times a drawn multiple, shuffled (Fisher–Yates). */
    private List<String> block(AllocationMethod.PermutedBlocks p, RandomSource source) {
        int multiple = p.multiples().get(source.nextInt(p.multiples().size()));
        List<String> block = new ArrayList<>();
        for (int i = 0; i < ratio.groups().size(); i++) {
            for (int k = 0; k < ratio.weights().get(i) * multiple; k++) {
                block.add(ratio.groups().get(i));
            }
        }
        for (int i = block.size() - 1; i > 0; i--) {
            int j = source.nextInt(i + 1);
            String t = block.get(i);
            block.set(i, block.get(j));
            block.set(j, t);
        }
        return block;
    }

    private String minimize(AllocationMethod.Minimization m, Map<String, String> levels) {
        List<String> groups = ratio.groups();
        double[] score = new double[groups.size()];
        for (int k = 0; k < groups.size(); k++) {
            for (String factor : m.factors()) {
                Map<String, Integer> counts = levelCounts.getOrDefault(factor + "=" + levels.get(factor), Map.of());
                double[] scaled = new double[groups.size()];
                for (int g = 0; g < groups.size(); g++) {
                    int n = counts.getOrDefault(groups.get(g), 0) + (g == k ? 1 : 0);
                    scaled[g] = (double) n / ratio.weights().get(g);
                }
                score[k] += m.weight(factor) * imbalance(scaled, m.imbalance());
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (double s : score) {
            best = Math.min(best, s);
        }
        List<Integer> preferred = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            (Math.abs(score[k] - best) < 1e-12 ? preferred : others).add(k);
        }
        if (others.isEmpty() || random.nextDouble() < m.probability()) {
            return groups.get(preferred.get(random.nextInt(preferred.size())));
        }
        return groups.get(others.get(random.nextInt(others.size())));
    }

    private static double imbalance(double[] counts, AllocationMethod.Imbalance measure) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double c : counts) {
            min = Math.min(min, c);
            max = Math.max(max, c);
            sum += c;
        }
        if (measure == AllocationMethod.Imbalance.RANGE) {
            return max - min;
        }
        double mean = sum / counts.length;
        double variance = 0;
        for (double c : counts) {
            variance += (c - mean) * (c - mean);
        }
        return counts.length > 1 ? variance / (counts.length - 1) : 0;
    }
}
