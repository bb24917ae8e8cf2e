package org.stroma.trial.product;

import org.stroma.trial.refusal.InvalidInputException;

/**
 * The ISO/IEC 7064 MOD 37-2 check character, which ISBT 128 appends to a donation identification number: the 13
 * characters are valued 0–9 and A–Z as 0–35; iterating c = (2c + v) mod 37 over them, the check value is (1 − 2c) mod 37,
 * written 0–9, A–Z, or * for 36.
 */
public final class Mod37Two {
    private static final String CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

    private Mod37Two() {
    }

    public static char checkCharacter(String text) {
        int c = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = CHARACTERS.indexOf(Character.toUpperCase(text.charAt(i)));
            if (v < 0 || v == 36) {
                throw new InvalidInputException("'" + text.charAt(i) + "' at position " + (i + 1) + " of " + text
                        + " is not a digit or a letter");
            }
            c = (2 * c + v) % 37;
        }
        return CHARACTERS.charAt(Math.floorMod(1 - 2 * c, 37));
    }

    /** Whether the last character of {@code textWithCheck} is the check character of the rest. */
    public static boolean isValid(String textWithCheck) {
        if (textWithCheck == null || textWithCheck.length() < 2) {
            return false;
        }
        try {
            String text = textWithCheck.substring(0, textWithCheck.length() - 1);
            return checkCharacter(text) == Character.toUpperCase(textWithCheck.charAt(textWithCheck.length() - 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
