package org.stroma.trial.randomization;

import java.security.SecureRandom;

/** Unpredictable draws, for allocating real patients. */
final class SecureRandomSource implements RandomSource {
    private final SecureRandom random = new SecureRandom();

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public RandomSource forStratum(String stratum) {
        return new SecureRandomSource();
    }
}
