package org.stroma.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.stroma.trial.refusal.InvalidInputException;

/** Password hashing with bcrypt (cost 12): only the hash is stored, and checking takes the same time for any input. */
public final class Passwords {
    private static final int COST = 12;
    /** Checked against when the user name is unknown, so that an unknown name takes as long as a wrong password. */
    private static final String DECOY = hash("a password nobody has");

    private Passwords() {
    }

    public static String hash(String password) {
        if (password == null || password.length() < 8) {
            throw new InvalidInputException("a password has at least 8 characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new InvalidInputException("a password has at most 72 bytes (bcrypt's limit)");
        }
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash == null ? DECOY : hash).verified
                && hash != null;
    }
}
