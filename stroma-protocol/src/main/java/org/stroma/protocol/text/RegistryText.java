package org.stroma.protocol.text;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the registry's text encodings before Stroma reads meaning from free text: markdown escapes
 * ({@code \>=}), HTML entities ({@code &gt;}), superscript exponents (10⁷), typographic dashes and non-breaking
 * spaces. The stored record keeps the original text; only interpretation sees the cleaned one.
 */
public final class RegistryText {
    private static final Pattern MARKDOWN_ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>=^~|&])");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");
    private static final Map<String, String> NAMED_ENTITIES = Map.of(
            "&gt;", ">", "&lt;", "<", "&amp;", "&", "&quot;", "\"", "&apos;", "'", "&nbsp;", " ",
            "&ge;", "≥", "&le;", "≤", "&plusmn;", "±", "&micro;", "µ");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final Pattern SUPERSCRIPT_RUN = Pattern.compile("([⁻⁺]?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)");

    private RegistryText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replace('\u00a0', ' ').replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < 2; i++) { // "\&gt;" is an escaped entity: undo both layers
            s = MARKDOWN_ESCAPE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
            s = decodeEntities(s);
        }
        s = s.replace('\u2013', '-').replace('\u2014', '-').replace('\u2212', '-').replace('\u2010', '-')
                .replace('\u2011', '-').replace("\u2265", "≥").replace("\u2264", "≤");
        s = SUPERSCRIPT_RUN.matcher(s).replaceAll(m -> "^" + (m.group(1).equals("⁻") ? "-" : "")
                + toDigits(m.group(2)));
        return s;
    }

    private static String toDigits(String superscripts) {
        StringBuilder digits = new StringBuilder();
        for (char c : superscripts.toCharArray()) {
            digits.append((char) ('0' + SUPERSCRIPTS.indexOf(c)));
        }
        return digits.toString();
    }

    private static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        for (Map.Entry<String, String> e : NAMED_ENTITIES.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return NUMERIC_ENTITY.matcher(s).replaceAll(m -> {
            int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            return Matcher.quoteReplacement(new String(Character.toChars(code)));
        });
    }

    /** Collapses runs of white space to single spaces and trims. */
    public static String squash(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").trim();
    }
}
