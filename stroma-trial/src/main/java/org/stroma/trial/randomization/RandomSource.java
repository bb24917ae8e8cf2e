package org.stroma.trial.randomization;

/**
 * Where allocations draw their chance from. A running trial uses {@link #secure()}, whose draws nobody can predict; a
 * simulation or a test uses {@link #seeded(long)}, whose draws a seed reproduces. Each stratum draws from a source of
 * its own ({@link #forStratum}), so that one stratum's list does not depend on the others' activity.
 */
public interface RandomSource {

    /** A uniformly drawn integer in [0, bound). */
    int nextInt(int bound);

    /** A uniformly drawn number in [0, 1). */
    double nextDouble();

    /** The source a stratum draws from: for a seeded source, seeded from this seed and the stratum's name. */
    RandomSource forStratum(String stratum);

    static RandomSource secure() {
        return new SecureRandomSource();
    }

    static RandomSource seeded(long seed) {
        return new SeededRandomSource(seed);
    }
}
