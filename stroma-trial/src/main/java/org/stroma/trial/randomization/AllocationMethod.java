package org.stroma.trial.randomization;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * How a trial allocates: each method is a record of its settings; {@link Randomizer} carries them out. Strata are
 * formed from the named factors' levels (site, and any protocol factor): each stratum has its own list.
 */
public sealed interface AllocationMethod {

    /** The factors whose levels form the strata (none for an unstratified list). */
    List<String> strata();

    /** The method in words: "permuted blocks of 1, 2 or 3 times the ratio's total, stratified by site". */
    default String describe() {
        String how;
        if (this instanceof SingleGroup) {
            how = "everyone treated alike";
        } else if (this instanceof Assigned) {
            how = "arms assigned by the investigator";
        } else if (this instanceof Simple) {
            how = "simple randomization";
        } else if (this instanceof PermutedBlocks b) {
            how = "permuted blocks of " + b.multiples().toString().replaceAll("[\\[\\]]", "")
                    .replaceFirst(", (\\d+)$", " or $1") + " times the ratio's total";
        } else if (this instanceof Minimization m) {
            how = "minimization on " + String.join(", ", m.factors());
        } else {
            how = "a pre-generated randomization list";
        }
        return strata().isEmpty() ? how : how + ", stratified by " + String.join(", ", strata());
    }

    /**
     * The method as those blinded may know it: that allocations are drawn, and by what strata, but not how — block
     * sizes, or the factors a minimization balances, would let a site guess the next arm (CONSORT item 9).
     */
    default String describeConcealed() {
        if (this instanceof SingleGroup || this instanceof Assigned) {
            return describe();
        }
        return "randomized" + (strata().isEmpty() ? "" : ", stratified by " + String.join(", ", strata()))
                + "; how the list is drawn is known to the unblinded roles only";
    }

    /** A single-arm study: everyone gets the one group; nothing is drawn. */
    record SingleGroup() implements AllocationMethod {
        @Override
        public List<String> strata() {
            return List.of();
        }
    }

    /**
     * A non-randomized study with several arms (dose cohorts, sequential groups): the investigator assigns each patient
     * an arm, given as the level of the factor {@code "arm"}; nothing is drawn, and the assignment is recorded.
     */
    record Assigned() implements AllocationMethod {
        @Override
        public List<String> strata() {
            return List.of();
        }
    }

    /** Each patient drawn independently, with the ratio's probabilities. */
    record Simple(List<String> strata) implements AllocationMethod {
        public Simple {
            strata = List.copyOf(strata);
        }
    }

    /**
     * Permuted blocks: each block holds every group in the ratio, shuffled; its size is the ratio's total times a
     * multiple drawn at random from {@code multiples} (1, 2, 3 → blocks of 2, 4, 6 for 1:1), so that the next
     * allocation cannot be guessed from the block size.
     */
    record PermutedBlocks(List<Integer> multiples, List<String> strata) implements AllocationMethod {
        public PermutedBlocks {
            multiples = List.copyOf(multiples);
            strata = List.copyOf(strata);
            if (multiples.isEmpty() || multiples.stream().anyMatch(m -> m < 1)) {
                throw new InvalidInputException("block multiples are whole numbers from 1: " + multiples);
            }
        }
    }

    /**
     * Pocock–Simon minimization: each candidate group is scored by the imbalance the patient would add at their level
     * of each factor (range or variance of the groups' counts, each count divided by its group's weight), weighted by
     * factor; the group with the smallest score is taken with {@code probability}, each other with an equal share of
     * the rest; ties are drawn at random. Probability 1 is deterministic.
     */
    record Minimization(List<String> factors, Map<String, Double> factorWeights, double probability,
            Imbalance imbalance) implements AllocationMethod {
        public Minimization {
            factors = List.copyOf(factors);
            factorWeights = Collections.unmodifiableMap(new LinkedHashMap<>(factorWeights));
            if (factors.isEmpty()) {
                throw new InvalidInputException("minimization needs at least one factor");
            }
            if (!(probability > 0 && probability <= 1)) {
                throw new InvalidInputException("the probability of the best group is in (0, 1], not " + probability);
            }
        }

        public double weight(String factor) {
            return factorWeights.getOrDefault(factor, 1.0);
        }

        @Override
        public List<String> strata() {
            return List.of();
        }
    }

    /** How minimization measures the imbalance of the groups' counts at one factor level. */
    enum Imbalance { RANGE, VARIANCE }

    /** A list generated beforehand (by a statistician, or another system), verified and then followed in order. */
    record Pregenerated(RandomizationList list, List<String> strata) implements AllocationMethod {
        public Pregenerated {
            strata = List.copyOf(strata);
        }
    }
}
