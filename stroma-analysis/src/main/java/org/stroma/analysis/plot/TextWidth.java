package org.stroma.analysis.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * How wide a text is drawn, estimated without a font at hand, and a text broken into lines no wider than a width.
 *
 * <p>The plots ask for {@code sans-serif}. On Debian that is DejaVu Sans, in Chromium and in the PDF's renderer alike,
 * and it is the widest of the common sans-serif faces (Liberation Sans, Arial and Helvetica are narrower). Each
 * character is given the advance width of the widest DejaVu Sans character of its kind, in ems (checked against the
 * font for every character of Latin-1), so the estimate is never short of the drawn width there and a little long
 * elsewhere: a legend may get more room than it needs, never less.
 */
final class TextWidth {
    /** f i j l r t I J and the thin punctuation: at most 0.42 em in DejaVu Sans (r is 0.41). */
    private static final String NARROW = "fijlrtIJ .,:;'!|()[]/\\-\u00b7";
    /** m w M W % @ æ Æ and the long dash: up to 1 em. */
    private static final String WIDE = "mwMW%@\u00e6\u00c6\u2014";
    /** Mathematical signs (× = + < > ≤ ≥ − ^ #): 0.84 em. */
    private static final String SIGNS = "\u00d7=+<>^#~\u2264\u2265\u2212\u00b1";

    private TextWidth() {
    }

    /** The width of {@code text} at {@code fontSize} pixels, an estimate never below DejaVu Sans's. */
    static double of(String text, double fontSize) {
        double ems = 0;
        for (int i = 0; i < text.length(); i++) {
            ems += ems(text.charAt(i));
        }
        return ems * fontSize;
    }

    private static double ems(char c) {
        if (NARROW.indexOf(c) >= 0) {
            return 0.42;
        }
        if (WIDE.indexOf(c) >= 0) {
            return 1.0;
        }
        if (SIGNS.indexOf(c) >= 0) {
            return 0.84;
        }
        if (c >= 0x100) {
            return 1.1; // beyond Latin-1 (Œ is 1.07 em, a CJK character 1): a little over the widest
        }
        if (c == '&' || Character.isUpperCase(c)) {
            return 0.79; // O and G, the widest capitals after M and W
        }
        if (c < 0x80 || Character.isLetterOrDigit(c)) {
            return 0.64; // lower-case letters and digits (b, d, g, h, n, p, q, u and 0–9 are 0.63–0.64)
        }
        return 1.0; // any other sign of Latin-1 is given a full em
    }

    /**
     * The text in lines no wider than {@code width}, broken between words; a word wider than the width alone is
     * broken where it must. Each line but the last keeps the space it was broken at, so the lines joined are the text
     * again.
     */
    static List<String> wrap(String text, double fontSize, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("(?<= )")) {
            if (line.length() > 0 && of((line + word).strip(), fontSize) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (of(word.strip(), fontSize) > width && word.length() > 1) {
                int fits = 1;
                while (fits < word.length() && of(word.substring(0, fits + 1), fontSize) <= width) {
                    fits++;
                }
                lines.add(word.substring(0, fits));
                word = word.substring(fits);
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
