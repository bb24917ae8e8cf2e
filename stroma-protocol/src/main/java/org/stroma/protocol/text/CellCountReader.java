package org.stroma.protocol.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds cell counts in free text, in the many ways registries write them: 6×10^7, 6 x 10e7, 1.5E+06, 10^8,
 * 100 million, 1-2 x 1000000, 1 to 2 × 10⁶, 60,000,000, and the European "6.10e7" (6·10^7). A count is a cell count
 * when a cell word follows it closely (cells, MSC, stem cells) or when it is given per kilogram.
 */
public final class CellCountReader {
    /** Counts below this are not cell doses ("1 single infusion", "20 ml"). */
    private static final double SMALLEST_CELL_DOSE = 1e4;

    private static final String NUM = "\\d+(?:[.,]\\d+)?";
    private static final String BIG_INT = "\\d{1,3}(?:[, ]\\d{3})+|\\d{5,}";
    private static final String TIMES = "\\s*[x×X*·]\\s*";
    private static final String TO = "\\s*(?:-|to|and)\\s*";
    private static final String WORD_END = "s?(?:\\b|(?<=mill)\\.)";

    /** "6.10e7", "6.10^7", "6·10^7": a multiplication dot before a power of ten, read as 6×10^7. */
    private static final Pattern MULTIPLICATION_DOT = Pattern.compile(
            "(?<![\\d.])(\\d{1,3})[.·]10\\s*(?:\\^|e|E)\\s*\\+?(\\d{1,2})(?!\\d)");

    /** "2 x 106 cells/kg": a superscript lost in copying, read as 2×10^6 (exponents 3–12 only). */
    private static final Pattern LOST_SUPERSCRIPT = Pattern.compile(
            "(?<![\\d.])(\\d+(?:[.,]\\d+)?)(\\s*[x×X*]\\s*)10([3-9]|1[0-2])(?![\\d.,^])");

    private static final Pattern COUNT = Pattern.compile(String.join("|",
            // a range sharing one multiplier: 1-2 x 10^6, 1 to 2 × 10(6), 1-2 x 1000000, 1-2 million
            "(?<rlow>" + NUM + ")" + TO + "(?<rhigh>" + NUM + ")(?:" + TIMES
                    + "(?:10\\s*(?:\\^|e|E|\\*\\*)\\s*\\+?(?<rexp>\\d{1,2})|10\\s*\\((?<rexp2>\\d{1,2})\\)"
                    + "|(?<rbig>" + BIG_INT + "))|\\s*(?<rword>million|billion|thousand|mio|mill(?=\\.))" + WORD_END + ")",
            // a mantissa times a power of ten: 6 x 10^7, 1.5 × 10(6), 1 x 1000000
            "(?<mant>" + NUM + ")" + TIMES
                    + "(?:10\\s*(?:\\^|e|E|\\*\\*)\\s*\\+?(?<mexp>\\d{1,2})|10\\s*\\((?<mexp2>\\d{1,2})\\)"
                    + "|(?<mbig>" + BIG_INT + "))",
            // e-notation: 1.5E+06, 5e6
            "(?<enum>\\d+(?:\\.\\d+)?)[eE]\\+?(?<eexp>\\d{1,2})(?![\\d.])",
            // a bare power of ten: 10^8
            "(?<![\\d.])10\\s*\\^\\s*(?<pexp>\\d{1,2})",
            // a number and a word: 100 million, 1.5 millions
            "(?<wnum>" + NUM + ")\\s*(?<wword>million|billion|thousand|mio|mill(?=\\.))" + WORD_END,
            // a large plain integer: 60,000,000
            "(?<![\\d.,])(?<big>" + BIG_INT + ")(?![\\d.,]\\d)"),
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CELL_WORD = Pattern.compile(
            "^[\\s\\w()/-]{0,40}?\\b(cells?|msc|mscs|hmscs?|stem|stromal|progenitors?|blasts?|lymphocytes?|cd34\\+?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "Mesenchymal stromal cells 20 - 40 mill.": the cells named just before the count. */
    private static final Pattern CELL_WORD_BEFORE = Pattern.compile(
            "\\b(cells?|msc|mscs|hmscs?)\\s*(?:of\\s+|:\\s*|=\\s*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PER_KG = Pattern.compile(
            "^[\\s\\w()-]{0,40}?(?:/\\s*kg|per\\s+kg|per\\s+kilo(?:gram)?|/\\s*kilo(?:gram)?|kg\\s*-1|/\\s*kg\\s*bw)",
            Pattern.CASE_INSENSITIVE);

    private CellCountReader() {
    }

    /** Every cell count in the text, in order of appearance. The text should already be {@link RegistryText#clean}ed. */
    public static List<CellCount> find(String text) {
        List<CellCount> counts = new ArrayList<>();
        if (text == null) {
            return counts;
        }
        List<Rewrite> rewrites = new ArrayList<>();
        String scan = rewrite(text, MULTIPLICATION_DOT, m -> m.group(1) + "e" + m.group(2),
                m -> "read '" + m.group() + "' as " + m.group(1) + "×10^" + m.group(2)
                        + " (a multiplication dot, not a decimal point)", rewrites);
        scan = rewrite(scan, LOST_SUPERSCRIPT, m -> m.group(1).replace(',', '.') + "e" + m.group(3),
                m -> "read '" + m.group() + "' as " + m.group(1) + "×10^" + m.group(3)
                        + " (an exponent that lost its superscript)", rewrites);

        Matcher m = COUNT.matcher(scan);
        while (m.find()) {
            double[] value = value(m);
            if (value == null || value[1] < SMALLEST_CELL_DOSE) {
                continue;
            }
            String after = scan.substring(m.end(), Math.min(scan.length(), m.end() + 60));
            boolean perKg = PER_KG.matcher(after).find();
            String before = scan.substring(Math.max(0, m.start() - 40), m.start());
            if (!perKg && !CELL_WORD.matcher(after).find() && !CELL_WORD_BEFORE.matcher(before).find()
                    && !mentionsDose(scan, m.start())) {
                continue;
            }
            String phrase = text.substring(m.start(), Math.min(text.length(), m.end() + phraseTail(after)));
            int start = m.start();
            int end = m.end();
            String interpretation = rewrites.stream().filter(r -> r.start() < end && r.end() > start)
                    .map(Rewrite::note).findFirst().orElse(null);
            counts.add(new CellCount(value[0], value[1], perKg, m.start(), m.end(), phrase.trim(), interpretation));
        }
        return counts;
    }

    /** A stretch of text rewritten before reading, and how it was read. */
    private record Rewrite(int start, int end, String note) {
    }

    /**
     * Rewrites each match as e-notation, padded to the same length so that positions still point into the original
     * text, and notes how each was read.
     */
    private static String rewrite(String text, Pattern pattern, java.util.function.Function<Matcher, String> replace,
            java.util.function.Function<Matcher, String> note, List<Rewrite> rewrites) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = replace.apply(m);
            if (replacement.length() > m.group().length()) {
                continue; // cannot rewrite in place; leave this one as written
            }
            rewrites.add(new Rewrite(m.start(), m.end(), note.apply(m)));
            m.appendReplacement(out, Matcher.quoteReplacement(
                    replacement + " ".repeat(m.group().length() - replacement.length())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean mentionsDose(String text, int at) {
        String before = text.substring(Math.max(0, at - 25), at).toLowerCase(Locale.ROOT);
        return before.matches("(?s).*\\bdoses?\\s+(?:of\\s+)?(?:\\w+\\s+)?$");
    }

    /** How much of what follows the number belongs to the phrase: up to the cell word or the "/kg". */
    private static int phraseTail(String after) {
        Matcher kg = PER_KG.matcher(after);
        if (kg.find()) {
            Matcher bodyWeight = Pattern.compile("^\\s*(?:of\\s+)?body\\s*weight", Pattern.CASE_INSENSITIVE)
                    .matcher(after.substring(kg.end()));
            return kg.end() + (bodyWeight.find() ? bodyWeight.end() : 0);
        }
        Matcher cells = CELL_WORD.matcher(after);
        if (cells.find()) {
            Matcher rest = Pattern.compile("^\\s*cells?\\b", Pattern.CASE_INSENSITIVE).matcher(after.substring(cells.end()));
            return cells.end() + (rest.find() ? rest.end() : 0);
        }
        return 0;
    }

    private static double[] value(Matcher m) {
        if (m.group("rlow") != null) {
            double multiplier = m.group("rword") != null ? wordMultiplier(m.group("rword"))
                    : m.group("rbig") != null ? bigInteger(m.group("rbig"))
                    : powerOfTen(m.group("rexp"), m.group("rexp2"));
            double low = number(m.group("rlow")) * multiplier;
            double high = number(m.group("rhigh")) * multiplier;
            return low <= high ? new double[] {low, high} : null;
        }
        if (m.group("mant") != null) {
            double multiplier = m.group("mbig") != null ? bigInteger(m.group("mbig"))
                    : powerOfTen(m.group("mexp"), m.group("mexp2"));
            return single(number(m.group("mant")) * multiplier);
        }
        if (m.group("enum") != null) {
            return single(Double.parseDouble(m.group("enum")) * Math.pow(10, Integer.parseInt(m.group("eexp"))));
        }
        if (m.group("pexp") != null) {
            return single(Math.pow(10, Integer.parseInt(m.group("pexp"))));
        }
        if (m.group("wnum") != null) {
            return single(number(m.group("wnum")) * wordMultiplier(m.group("wword")));
        }
        return single(bigInteger(m.group("big")));
    }

    private static double powerOfTen(String exponent, String parenthesisedExponent) {
        return Math.pow(10, Integer.parseInt(exponent != null ? exponent : parenthesisedExponent));
    }

    private static double[] single(double v) {
        return new double[] {v, v};
    }

    /** "1,5" is a decimal comma (European); thousands separators are handled by BIG_INT. */
    private static double number(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }

    private static double bigInteger(String text) {
        return Double.parseDouble(text.replaceAll("[, ]", ""));
    }

    private static double wordMultiplier(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("billion")) {
            return 1e9;
        }
        if (w.startsWith("thousand")) {
            return 1e3;
        }
        return 1e6;
    }
}
