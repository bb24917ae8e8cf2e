package org.stroma.trial.eligibility.compile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.trial.eligibility.rule.Interval;

/**
 * A threshold as written after a measurement's name ("≤ 45%"), as its range ("3.0 to 6.5"), or before the name
 * ("≥1 GEL", "18 ≤ BMI ≤ 27"): its interval, unit, whether in multiples of the ULN, its comparison (null for a range),
 * the text right after it, which may say more ({@link ThresholdSequel}), and what the reading supposed beyond the
 * words (null: nothing).
 */
record Threshold(Interval interval, String unit, boolean timesUln, String comparator, String rest, String supposed) {
    /** What a text that lost its ≤ and ≥ ("= 18 to = 30") is supposed to have said, for the study team to check. */
    static final String SIGNS_RESTORED = "an equals sign read as the ≤ or ≥ the text lost (the bounds of a range)";

    private static final Pattern THRESHOLD = Pattern.compile(
            "(≤|≥|<|>|=)\\s*(\\d+(?:\\.\\d+)?)\\s*(×ULN|%|x10\\^\\d+/[a-zA-Zµμ³]+|mL/min/1\\.73\\s?m2|ml/min\\s?1\\.73\\s?m2"
                    // a unit never ends with a full stop, and a joining word after the number is none ("< 3.5 or")
                    + "|(?!(?:or|and|nor|but|to|if|in|on|at|for|with)\\b)[a-zA-Zµμ/](?:[\\w/.µμ²³*^{}]*[\\w/µμ²³*^{}])?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile(
            // words of the name's before its range, up to two: "INR test between 2.0 to 3", "test results of 2 to 3"
            "^\\s*(?:\\([^)]*\\)\\s*)?(?:(?:levels?|values?|scores?|tests?|results?|is|was)\\s+){0,2}"
                    // "FEV1 value = 30-80%": an equals sign before a range is no lost ≤ or ≥
                    + "(?:of\\s+|between\\s+|from\\s+|=\\s*(?=\\d+(?:\\.\\d+)?\\s*(?:-|–|to)\\s*\\d)|within (?:the )?range"
                    + "(?: of)?\\s+)?(\\d+(?:\\.\\d+)?)\\s*(?:to|-|and)\\s*(\\d+(?:\\.\\d+)?)"
                    + "\\s*(%|x10\\^\\d+/[a-zA-Zµμ³]+|[a-zA-Zµμ/](?:[\\w/.]*[\\w/])?)?");
    /** The grades of a score, listed or as a range after its name: "ECOG PS of 0-2", "ECOG 0 or 1", "0, 1(,) or 2". */
    private static final Pattern GRADES = Pattern.compile("^\\s*(?:\\([^)]*\\)\\s*)?(?:(?:PS|performance status|status|score"
            + "|grade|of|is|[:=])\\s*)*(\\d+)((?:\\s*(?:,\\s*(?:or|and)\\b|,|or|and|/)\\s*\\d+)+|\\s*(?:-|–|to)\\s*\\d+)?\\b(?!\\s*(?:[%.,]\\d|%"
            + "|[a-zA-Z/]+\\s*[<>≤≥]|mg|g/|kg|mm|cm|ml|/|x\\s*10|×))", Pattern.CASE_INSENSITIVE);
    /** A comparison written before a name: "≥1 GEL", "> 2 relapses". */
    static final Pattern LEFT_THRESHOLD = Pattern.compile("(≤|≥|<|>)\\s*(\\d+(?:\\.\\d+)?)\\s*(?:\\w+\\s+){0,1}$");
    /**
     * A score written before the scale it is on: "&gt; 25 points on the Beck Depression Inventory", "a score of &gt;18
     * on the MADRS", "must score ≥ 2 on the mMRC scale". A number with a unit is no score, and is not read so.
     */
    private static final Pattern SCORE_BEFORE = Pattern.compile("(≤|≥|<|>)\\s*(\\d+(?:\\.\\d+)?)\\s*(?:points?\\s+)?on\\s+"
            + "(?:the\\s+)?$", Pattern.CASE_INSENSITIVE);
    /** A change said before the score: "an increase of ≥ 1 point on the EDSS" is no value of the score. */
    private static final Pattern CHANGE_BEFORE = Pattern.compile("(?i)\\b(?:loss|gain|change|increase|decrease|reduction"
            + "|drop|decline|rise|fall|variation|improvement|worsening|progression|deterioration)\\s+(?:of|in|by)\\s*$");
    private static final Pattern TIME_UNIT = Pattern.compile("(?i)^(?:days?|weeks?|months?|years?|hours?|hrs?)$");
    /** A number and an equals sign right before the name: "130mmHg=SBP". */
    private static final Pattern EQUALS_BEFORE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z/%µ]*)\\s*\\)?\\s*=\\s*$");
    /** Two bounds each after an equals sign, the lower first: "= 18 to = 30 kg/m2", "=8.5 g/dL and =11.5 g/dL". */
    private static final Pattern EQUALS_RANGE = Pattern.compile("^\\s*(?:(?:is|of|that is|score|levels?)\\s+)?=\\s*"
            + "(\\d+(?:\\.\\d+)?)\\s*([a-zA-Zµμ/%][\\w/µμ²^]*)?\\s*(?:to|and|but|-|–)\\s*=\\s*(\\d+(?:\\.\\d+)?)\\s*"
            + "(%|[a-zA-Zµμ/][\\w/.µμ²^]*[\\w/µμ²^]|[a-zA-Zµμ/])?", Pattern.CASE_INSENSITIVE);
    /** A lower bound written before the name: "18 ≤ BMI ≤ 27", "7.0% ≤ HbA1c ≤ 11.0%". */
    private static final Pattern LOWER_BOUND_BEFORE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%|[a-zA-Zµμ/]+\\d?)?\\s*(≤|<)\\s*$");

    Threshold(Interval interval, String unit, boolean timesUln, String comparator, String rest) {
        this(interval, unit, timesUln, comparator, rest, null);
    }

    boolean equality() {
        return "=".equals(comparator);
    }

    /** The interval a comparison and its number make; "=" (a lost ≤ or ≥) is the number alone. */
    static Interval interval(String comparator, double value) {
        return switch (comparator) {
            case "≤" -> Interval.atMost(value);
            case "≥" -> Interval.atLeast(value);
            case "<" -> Interval.below(value);
            case ">" -> Interval.above(value);
            default -> Interval.between(value, value);
        };
    }

    static Threshold read(String after, String before) {
        return read(after, before, false);
    }

    static Threshold read(String after, String before, boolean inTime) {
        Matcher score = SCORE_BEFORE.matcher(before);
        if (score.find() && !CHANGE_BEFORE.matcher(before.substring(0, score.start())).find()) {
            // the number said right before "on the" scale is the scale's, whatever numbers follow its name
            return new Threshold(interval(score.group(1), Double.parseDouble(score.group(2))), null, false,
                    score.group(1), "");
        }
        Matcher range = RANGE.matcher(after);
        if (range.find()) {
            return new Threshold(Interval.between(Double.parseDouble(range.group(1)), Double.parseDouble(range.group(2))),
                    range.group(3), false, null, after.substring(range.end()));
        }
        Matcher lost = EQUALS_RANGE.matcher(after);
        if (lost.find()) {
            return lostSigns(Double.parseDouble(lost.group(1)), lost.group(2), "=", Double.parseDouble(lost.group(3)),
                    lost.group(4), after.substring(lost.end()));
        }
        Matcher m = THRESHOLD.matcher(after);
        if (m.find() && m.start() < 45 && !after.substring(0, m.start()).contains(";")) {
            String unit = m.group(3);
            if (unit == null || inTime || !TIME_UNIT.matcher(unit).matches()) {
                Matcher equals = EQUALS_BEFORE.matcher(before);
                if (equals.find()) {
                    // "130mmHg=SBP<180mmHg", "20=AHI=65": a lower bound whose ≤ was lost with the encoding
                    return lostSigns(Double.parseDouble(equals.group(1)), equals.group(2), m.group(1),
                            Double.parseDouble(m.group(2)), unit, after.substring(m.end()));
                }
                Interval interval = interval(m.group(1), Double.parseDouble(m.group(2)));
                Matcher lower = LOWER_BOUND_BEFORE.matcher(before);
                if (lower.find() && interval.low() == null) {
                    if (lower.group(2) != null && !lower.group(2).equalsIgnoreCase(String.valueOf(unit))) {
                        // "2.6 mmol/L ≤ LDL-C ≤ 200 mg/dL": two units for one interval; the whole is asked
                        return new Threshold(interval("=", Double.parseDouble(m.group(2))), null, false, "=", "");
                    }
                    // "18 ≤ BMI ≤ 27": the lower bound is written before the name
                    interval = intersection(interval(lower.group(3).equals("<") ? ">" : "≥",
                            Double.parseDouble(lower.group(1))), interval);
                    if (interval == null) {
                        return null;
                    }
                }
                return new Threshold(interval, unit == null || unit.equals("×ULN") ? null : unit, "×ULN".equals(unit),
                        m.group(1), after.substring(m.end()));
            }
        }
        Matcher left = LEFT_THRESHOLD.matcher(before);
        if (left.find()) {
            return new Threshold(interval(left.group(1), Double.parseDouble(left.group(2))), null, false, left.group(1),
                    "");
        }
        return null;
    }

    /**
     * A range whose signs the text lost: a lower bound then an upper one, each written after (or before) an equals
     * sign that can only have been ≤ or ≥, since "<" and ">" survive any encoding and a value cannot equal two
     * numbers. Anything else — the bounds the wrong way round, an upper bound written with ">", two units — is an
     * equality, which is asked.
     */
    private static Threshold lostSigns(double low, String lowUnit, String comparator, double high, String highUnit,
            String rest) {
        boolean oneUnit = lowUnit == null || lowUnit.isEmpty() || highUnit == null
                || lowUnit.equalsIgnoreCase(highUnit);
        if (low >= high || !oneUnit || !(comparator.equals("=") || comparator.equals("≤") || comparator.equals("<"))) {
            return new Threshold(Interval.between(high, high), null, false, "=", "");
        }
        String unit = highUnit != null ? highUnit : lowUnit.isEmpty() ? null : lowUnit;
        return new Threshold(new Interval(low, true, high, !comparator.equals("<")), unit, false, null, rest,
                SIGNS_RESTORED);
    }

    /**
     * A score's grades as a threshold: "0 or 1", "0, 1 or 2" and "0-2" are the interval they fill; grades that leave
     * a gap ("0 or 2") are asked (an interval would take the grade between), as is the equality the corpus sometimes
     * made of a lost ≤.
     */
    static Threshold grades(String after) {
        Matcher m = GRADES.matcher(after);
        if (!m.find()) {
            return null;
        }
        java.util.TreeSet<Integer> listed = new java.util.TreeSet<>();
        listed.add(Integer.parseInt(m.group(1)));
        Matcher more = Pattern.compile("\\d+").matcher(m.group(2) == null ? "" : m.group(2));
        while (more.find()) {
            listed.add(Integer.parseInt(more.group()));
        }
        boolean range = m.group(2) != null && m.group(2).matches("\\s*(?:-|–|to)\\s*\\d+");
        boolean gap = !range && listed.last() - listed.first() + 1 != listed.size();
        if (gap || after.substring(0, m.start(1)).contains("=")) {
            return new Threshold(interval("=", listed.first()), null, false, "=", "");
        }
        return new Threshold(Interval.between(listed.first(), listed.last()), null, false, null,
                after.substring(m.end()));
    }

    /** "≥ 20 % and ≤ 45 %": a lower bound and an upper one make one interval; two of a kind do not. */
    static Interval intersection(Interval a, Interval b) {
        boolean aLow = a.low() != null && a.high() == null;
        boolean bHigh = b.high() != null && b.low() == null;
        if (aLow && bHigh && a.low() < b.high()) {
            return new Interval(a.low(), a.lowInclusive(), b.high(), b.highInclusive());
        }
        if (!aLow && a.high() != null && a.low() == null && b.low() != null && b.high() == null && b.low() < a.high()) {
            return new Interval(b.low(), b.lowInclusive(), a.high(), a.highInclusive());
        }
        return null;
    }

    /** Whether every value in {@code inner} is in {@code outer}. */
    static boolean encloses(Interval outer, Interval inner) {
        boolean low = outer.low() == null || inner.low() != null && (inner.low() > outer.low()
                || inner.low().equals(outer.low()) && (outer.lowInclusive() || !inner.lowInclusive()));
        boolean high = outer.high() == null || inner.high() != null && (inner.high() < outer.high()
                || inner.high().equals(outer.high()) && (outer.highInclusive() || !inner.highInclusive()));
        return low && high;
    }
}
