package org.stroma.trial.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroma.trial.randomization.RandomSource;

class KitCodesProperties {
    /** Fixed, so that every run checks the same sources and a failure names a seed that reproduces it. */
    private static final long SEED = 0x4B17C0DEL;

    /** Whatever the source's seed, 2000 codes in a row are well formed and none repeats. */
    @Test
    void codesAreUniqueAndWellFormed() {
        qt().withFixedSeed(SEED).withExamples(50).forAll(longs().all()).checkAssert(seed -> {
            KitCodes codes = new KitCodes(RandomSource.seeded(seed));
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 2000; i++) {
                String code = codes.next();
                assertThat(code).matches("K-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
                assertThat(seen.add(code)).as("code %d, %s, repeats an earlier one", i, code).isTrue();
            }
        });
    }
}
