package org.stroma.trial.measure;

import org.stroma.trial.refusal.InvalidInputException;

/** Kurtzke's Expanded Disability Status Scale: 0, then 1.0 to 10 in half steps (there is no 0.5). */
public final class Edss {
    private Edss() {
    }

    public static boolean isValid(double score) {
        return score == 0 || (score >= 1 && score <= 10 && score * 2 == Math.rint(score * 2));
    }

    public static double require(double score) {
        if (!isValid(score)) {
            throw new InvalidInputException(score + " is not an EDSS score (0, or 1.0 to 10 in steps of 0.5)");
        }
        return score;
    }
}
