package org.stroma.trial.conduct;

import java.time.Instant;
import org.stroma.trial.randomization.Allocation;
import org.stroma.trial.randomization.RandomizerState;

/**
 * A subject's randomization as it happened: the allocation drawn, the kit code issued, the baseline weight the
 * products are dosed by, when and by whom, and where the randomizer stood afterwards. A store keeps it so that the
 * trial can be taken up again exactly where it was, without drawing anything twice.
 */
public record Randomization(String subject, Allocation allocation, String kitCode, Double baselineWeightKg,
        Instant at, String by, RandomizerState randomizerAfter) {
}
