package org.stroma.protocol.text;

/** Small roman numerals, as used to number sub-criteria (i–xx). */
final class Roman {
    private static final String[] NUMERALS = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
        "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};

    private Roman() {
    }

    /** The value of a lower-case numeral, or 0 when it is not one. */
    static int value(String numeral) {
        for (int i = 1; i < NUMERALS.length; i++) {
            if (NUMERALS[i].equals(numeral)) {
                return i;
            }
        }
        return 0;
    }

    static String numeral(int value) {
        return value > 0 && value < NUMERALS.length ? NUMERALS[value] : String.valueOf(value);
    }
}
