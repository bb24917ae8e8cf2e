package org.stroma.server.app;

import java.math.BigDecimal;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.json.StorableText;

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
            if (control || StorableText.halfACharacter(text, i)) {
                throw RequestException.badRequest(field, "'" + field + "' holds a character no one types (at "
                        + (i + 1) + "): retype it");
            }
        }
        return text;
    }

    /**
     * Every text of a protocol read from a file (a registry record) keeps what the database can keep: no U+0000 and no
     * half a character. A record is not held to the rules of typed text (a registry's text has its own odd
     * characters); the first text that breaks this is refused, named by its path.
     */
    public static void storable(String field, String name, Protocol protocol) {
        StorableText.firstFault(protocol).ifPresent(f -> {
            throw RequestException.badRequest(field, name + ": " + (f.path().isEmpty() ? "the record" : f.path())
                    + " holds a character no one types (at " + (f.at() + 1) + ")");
        });
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
    public static String plain(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
