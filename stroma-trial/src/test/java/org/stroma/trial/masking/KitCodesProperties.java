package org.stroma.trial.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.stroma.trial.randomization.RandomSource;

class KitCodesProperties {

    @Property(tries = 50)
    void codesAreUniqueAndWellFormed(@ForAll long seed) {
        KitCodes codes = new KitCodes(RandomSource.seeded(seed));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = codes.next();
            assertThat(code).matches("K-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
            assertThat(seen.add(code)).isTrue();
        }
    }
}
