package org.stroma.cli.chia;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.trial.eligibility.rule.Interval;

/**
 * A numeric threshold as a Chia {@code Value} entity writes it ("&gt; 1.5 x ULN", "less than 30 ml/min", "2.0 mg/dL or
 * higher", "between 18 and 65"): the interval it bounds, whether a comparison was written at all (a bare "100 mg"
 * states a number, not a side of it), and its unit — {@code timesUln} when it is in multiples of the upper limit of
 * normal. A value with no number ("positive", "normal") is not numeric and is not read.
 */
public record ChiaValue(Interval interval, boolean comparisonStated, String unit, boolean timesUln) {
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?|\\.\\d+)";
    private static final Pattern RANGE = Pattern.compile(NUMBER + "\\s*(?:-|–|to|and)\\s*" + NUMBER);
    private static final Pattern ONE = Pattern.compile(NUMBER);
    /** Two bounds each after an equals sign: "=18 to =30 kg/m2", "= 10 but = 16". */
    private static final Pattern LOST_SIGNS = Pattern.compile("^\\s*=\\s*" + NUMBER + "(\\s*\\S*\\s*(?:to|and|but)\\s*)=\\s*"
            + NUMBER);
    /** Whole grades listed: "0,1", "0, 1 or 2", "1, 2, or 3". */
    private static final Pattern GRADES = Pattern.compile("\\s*(\\d)(?:\\s*(?:,\\s*(?:or|and)\\b|,|or|and)\\s*\\d)+\\s*");
    private static final Pattern BOUNDS = Pattern.compile("(>|≥)\\s*" + NUMBER + "(?:[^<≤>≥\\d]|\\^\\d){0,16}?(<|≤)\\s*"
            + NUMBER);
    private static final Pattern AT_LEAST = Pattern.compile("≥|>\\s*(?:/|or)?\\s*=|=>|\\bat least\\b|\\bat\\s*(?:/|or)\\s*above\\b"
            + "|\\b(?:greater|more|higher) than or"
            + " equal|\\bequal to or (?:greater|more|higher)|\\bor (?:more|greater|higher|above|over)\\b|\\bminimum\\b"
            + "|\\b(?:not|no) (?:less|lower|fewer) than\\b");
    private static final Pattern AT_MOST = Pattern.compile("≤|<\\s*(?:/|or)?\\s*=|=<|\\bat most\\b|\\bat\\s*(?:/|or)\\s*below\\b"
            + "|\\b(?:less|lower|fewer) than or"
            + " equal|\\bequal to or (?:less|lower)|\\bor (?:less|lower|below|fewer)\\b|\\bmaximum\\b|\\b(?:not|no) "
            + "(?:more|greater|higher) than\\b|\\bnot exceed|\\bup to\\b");
    private static final Pattern ABOVE = Pattern.compile(">|\\b(?:greater|more|higher) than\\b|\\babove\\b|\\bover\\b"
            + "|\\bexceed|\\bin excess of\\b");
    private static final Pattern BELOW = Pattern.compile("<|\\b(?:less|lower|fewer) than\\b|\\bbelow\\b|\\bunder\\b"
            + "|\\binferior to\\b");
    private static final Pattern ULN = Pattern.compile("\\buln\\b|\\bunl\\b|upper normal limit|upper limits? of (?:the )?normal"
            + "|times (?:the )?normal"
            + "|\\bx\\s*normal\\b");
    private static final Pattern COMPARISON_WORDS = Pattern.compile("\\bor (?:more|greater|higher|above|over|less|lower"
            + "|below|fewer)\\b|\\b(?:greater|more|higher|less|lower|fewer) than( or equal to)?|\\bequal to or \\w+\\b");

    /**
     * Whether the value is one number after an equals sign alone ("= 6,5 %", "=30 ml/min"): Chia's text lost a ≤ or ≥
     * there, and which one no reader can tell. "=18 to =30" (a range's signs lost) and "= 30-80 %" are ranges, read.
     */
    public static boolean signLost(String words) {
        String t = words.replaceAll("<U\\+[0-9A-Fa-f]{4,5}>", "");
        return t.matches("(?s)^\\s*=\\s*\\d.*") && !t.matches("(?s).*[<>≤≥≦≧].*") && !LOST_SIGNS.matcher(t).find()
                && !RANGE.matcher(t).find();
    }

    /** The value of a Chia Value entity's words; null when they hold no number. */
    public static ChiaValue read(String words) {
        // "<U+2266>" is how some exports spell "≦"; ">_" is a typed "≥"
        String decoded = Pattern.compile("<U\\+([0-9A-Fa-f]{4,5})>").matcher(words).replaceAll(m -> Matcher
                .quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16)))).replace('≦', '≤')
                .replace('≧', '≥').replace(">_", "≥").replace("<_", "≤")
                // "0•9", "0·9": a raised dot between digits is a decimal point
                .replaceAll("(?<![-\\d])(\\d+)[•·](\\d)", "$1.$2");
        // "> 20% above the upper limit of normal" is > 1.2 × ULN
        Matcher percentAbove = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*%\\s*above\\s+(?:the\\s+)?upper limit").matcher(decoded);
        if (percentAbove.find()) {
            decoded = decoded.substring(0, percentAbove.start()) + (1 + Double.parseDouble(percentAbove.group(1)) / 100)
                    + " x upper limit" + decoded.substring(percentAbove.end());
        }
        if (GRADES.matcher(decoded).matches()) {
            // "0,1", "0, 1 or 2": the grades of a score, not a decimal comma ("7,5" does not ascend one by one)
            int[] listed = java.util.Arrays.stream(decoded.trim().split("\\D+")).mapToInt(Integer::parseInt).toArray();
            boolean consecutive = java.util.stream.IntStream.range(1, listed.length)
                    .allMatch(i -> listed[i] == listed[i - 1] + 1);
            if (consecutive) {
                return new ChiaValue(Interval.between(listed[0], listed[listed.length - 1]), true, "", false);
            }
        }
        // "7,0 mM" is millimolar, not millimetres
        decoded = decoded.replaceAll("(\\d)\\s*mM\\b", "$1 mmol/L");
        String t = decoded.toLowerCase(Locale.ROOT).replaceAll("(\\d),(\\d{3})\\b", "$1$2")
                .replaceAll("(\\d),(\\d{1,2})\\b", "$1.$2").replace('\u00a0', ' ');
        Matcher lost = LOST_SIGNS.matcher(t);
        if (lost.find() && Double.parseDouble(lost.group(1)) < Double.parseDouble(lost.group(3))) {
            // "=18 to =30": a range whose ≥ and ≤ the text lost (a value cannot equal two numbers)
            t = "≥" + lost.group(1) + lost.group(2) + "≤" + t.substring(lost.start(3));
        }
        Matcher range = RANGE.matcher(t);
        Matcher bounds = BOUNDS.matcher(t);
        if (bounds.find()) {
            // "> 18 and < 35": a range whose ends say whether they belong to it
            Interval between = new Interval(Double.parseDouble(bounds.group(2)), bounds.group(1).equals("≥"),
                    Double.parseDouble(bounds.group(4)), bounds.group(3).equals("≤"));
            boolean uln = ULN.matcher(t).find();
            return new ChiaValue(between, true, uln ? "" : t.substring(bounds.end()).replaceAll("^[\\s(]+|[\\s,;.)]+$", "")
                    .trim(), uln);
        }
        Matcher one = ONE.matcher(t);
        Interval interval;
        boolean stated;
        int numberEnd;
        if (range.find()) {
            interval = Interval.between(Double.parseDouble(range.group(1)), Double.parseDouble(range.group(2)));
            stated = true;
            numberEnd = range.end();
        } else if (one.find()) {
            double v = Double.parseDouble(one.group(1));
            numberEnd = one.end();
            stated = true;
            if (AT_LEAST.matcher(t).find()) {
                interval = Interval.atLeast(v);
            } else if (AT_MOST.matcher(t).find()) {
                interval = Interval.atMost(v);
            } else if (ABOVE.matcher(t).find()) {
                interval = Interval.above(v);
            } else if (BELOW.matcher(t).find()) {
                interval = Interval.below(v);
            } else {
                interval = Interval.between(v, v);
                stated = false;
            }
        } else {
            return null;
        }
        boolean timesUln = ULN.matcher(t).find();
        String unit = timesUln ? "" : COMPARISON_WORDS.matcher(t.substring(numberEnd)).replaceAll(" ")
                .replaceAll("^[\\s(]+|[\\s,;.)]+$", "").trim();
        return new ChiaValue(interval, stated, unit, timesUln);
    }

    /** The one number a bare value states (its interval is that single point). */
    public double number() {
        return interval.low() != null ? interval.low() : interval.high();
    }
}
