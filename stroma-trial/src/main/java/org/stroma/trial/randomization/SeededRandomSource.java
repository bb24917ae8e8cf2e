package org.stroma.trial.randomization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/** Reproducible draws for simulations and tests: the same seed gives the same sequence on every machine. */
final class SeededRandomSource implements RandomSource {
    private final long seed;
    private final SplittableRandom random;

    SeededRandomSource(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    /** A seed derived from this one and the stratum's name by SHA-256, so that nearby names give unrelated lists. */
    @Override
    public RandomSource forStratum(String stratum) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((seed + "/" + stratum)
                    .getBytes(StandardCharsets.UTF_8));
            long derived = 0;
            for (int i = 0; i < 8; i++) {
                derived = (derived << 8) | (digest[i] & 0xff);
            }
            return new SeededRandomSource(derived);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
