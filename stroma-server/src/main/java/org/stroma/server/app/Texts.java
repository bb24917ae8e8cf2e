package org.stroma.server.app;

import java.math.BigDecimal;

/**
 * The rules every text a person sends is held to: a length that suits the field, and no control characters (a line
 * break or a tab only) and no broken characters, which no one types and some tools choke on. Values quoted back in an
 * error are cut short and made printable, so that an error never carries what it refuses whole.
 */
public final class Texts {
    private Texts() {
    }

    /** The text, when it keeps the rules; otherwise a refusal naming the field. */
    public static String check(String field, String text, int max) {
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            throw RequestException.badRequest(field, "'" + field + "' is at most " + max + " characters, not "
                    + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
            boolean broken = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)));
            if (control || broken) {
                throw RequestException.badRequest(field, "'" + field + "' holds a character no one types (at "
                        + (i + 1) + "): retype it");
            }
        }
        return text;
    }

    /** A value as an error shows it: at most 40 characters, control characters as '?'. */
    public static String shown(String text) {
        String s = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        return out.toString();
    }

    /** A number without an exponent or a trailing ".0". */
    static String plain(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
