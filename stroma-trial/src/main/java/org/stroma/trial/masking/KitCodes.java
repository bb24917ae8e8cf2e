package org.stroma.trial.masking;

import java.util.HashSet;
import java.util.Set;
import org.stroma.trial.randomization.RandomSource;

/**
 * The codes blinded people see in place of an arm: "K-7QX3-M2PD", drawn at random (never derived from the arm or the
 * order of allocation), from letters and digits that cannot be misread for one another, each used once.
 */
public final class KitCodes {
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private final RandomSource random;
    private final Set<String> issued = new HashSet<>();

    public KitCodes(RandomSource random) {
        this.random = random;
    }

    /** A code issued before (kept in a store), never to be issued again. */
    public synchronized void reserve(String code) {
        issued.add(code);
    }

    public synchronized String next() {
        while (true) {
            StringBuilder s = new StringBuilder("K-");
            for (int i = 0; i < 8; i++) {
                if (i == 4) {
                    s.append('-');
                }
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (issued.add(s.toString())) {
                return s.toString();
            }
        }
    }
}
