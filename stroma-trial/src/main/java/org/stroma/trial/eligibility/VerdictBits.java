package org.stroma.trial.eligibility;

import java.util.Arrays;

/**
 * One verdict for each patient of a population, as two sets of bits: the patients for whom it is met, and those for
 * whom it is not; the others are unknown. Three-valued "and", "or" and "not" are then a few word operations for 64
 * patients at a time: "and" is met where both are and not met where either is not, "or" the other way round, and "not"
 * swaps the two sets.
 */
final class VerdictBits {
    private final int size;
    private final long[] met;
    private final long[] notMet;

    VerdictBits(int size) {
        this(size, new long[words(size)], new long[words(size)]);
    }

    private VerdictBits(int size, long[] met, long[] notMet) {
        this.size = size;
        this.met = met;
        this.notMet = notMet;
    }

    /** The same verdict for every patient. */
    static VerdictBits constant(int size, Verdict verdict) {
        VerdictBits bits = new VerdictBits(size);
        if (verdict != Verdict.UNKNOWN) {
            long[] set = verdict == Verdict.MET ? bits.met : bits.notMet;
            Arrays.fill(set, -1L);
            if (size % 64 != 0) {
                set[set.length - 1] = (1L << size) - 1;
            }
        }
        return bits;
    }

    void set(int patient, Verdict verdict) {
        if (verdict == Verdict.MET) {
            met[patient >>> 6] |= 1L << patient;
        } else if (verdict == Verdict.NOT_MET) {
            notMet[patient >>> 6] |= 1L << patient;
        }
    }

    Verdict get(int patient) {
        long bit = 1L << patient;
        return (met[patient >>> 6] & bit) != 0 ? Verdict.MET
                : (notMet[patient >>> 6] & bit) != 0 ? Verdict.NOT_MET : Verdict.UNKNOWN;
    }

    VerdictBits and(VerdictBits other) {
        VerdictBits r = new VerdictBits(size);
        for (int w = 0; w < met.length; w++) {
            r.met[w] = met[w] & other.met[w];
            r.notMet[w] = notMet[w] | other.notMet[w];
        }
        return r;
    }

    VerdictBits or(VerdictBits other) {
        VerdictBits r = new VerdictBits(size);
        for (int w = 0; w < met.length; w++) {
            r.met[w] = met[w] | other.met[w];
            r.notMet[w] = notMet[w] & other.notMet[w];
        }
        return r;
    }

    VerdictBits not() {
        return new VerdictBits(size, notMet, met);
    }

    /** The patients for whom the verdict is this one, as bits. */
    long[] where(Verdict verdict) {
        return switch (verdict) {
            case MET -> met.clone();
            case NOT_MET -> notMet.clone();
            case UNKNOWN -> {
                long[] unknown = new long[met.length];
                for (int w = 0; w < unknown.length; w++) {
                    unknown[w] = ~(met[w] | notMet[w]);
                }
                if (size % 64 != 0) {
                    unknown[unknown.length - 1] &= (1L << size) - 1;
                }
                yield unknown;
            }
        };
    }

    static int words(int size) {
        return (size + 63) >>> 6;
    }
}
