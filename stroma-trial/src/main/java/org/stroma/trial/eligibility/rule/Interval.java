package org.stroma.trial.eligibility.rule;

import org.stroma.protocol.ScientificNotation;

/** A set of numbers bounded below, above or both, each bound inclusive or not: "≤ 45", "18 to 75", "> 1.3". */
public record Interval(Double low, boolean lowInclusive, Double high, boolean highInclusive) {

    /** A missing bound is never inclusive, so that one set of numbers has one Interval. */
    public Interval {
        lowInclusive = low != null && lowInclusive;
        highInclusive = high != null && highInclusive;
    }

    public static Interval atLeast(double v) {
        return new Interval(v, true, null, false);
    }

    public static Interval above(double v) {
        return new Interval(v, false, null, false);
    }

    public static Interval atMost(double v) {
        return new Interval(null, false, v, true);
    }

    public static Interval below(double v) {
        return new Interval(null, false, v, false);
    }

    public static Interval between(double low, double high) {
        return new Interval(low, true, high, true);
    }

    /** Every number. */
    public static Interval any() {
        return new Interval(null, false, null, false);
    }

    public boolean contains(double v) {
        boolean aboveLow = low == null || (lowInclusive ? v >= low : v > low);
        boolean belowHigh = high == null || (highInclusive ? v <= high : v < high);
        return aboveLow && belowHigh;
    }

    /** As a person writes it about a quantity: "LVEF ≤ 45 %", "18 ≤ age ≤ 75 years". */
    public String describe(String quantity, String unit) {
        String u = unit == null || unit.isEmpty() ? "" : " " + unit;
        if (low == null && high == null) {
            return quantity + " of any value";
        }
        if (low != null && high != null) {
            return num(low) + (lowInclusive ? " ≤ " : " < ") + quantity + (highInclusive ? " ≤ " : " < ") + num(high) + u;
        }
        if (low != null) {
            return quantity + (lowInclusive ? " ≥ " : " > ") + num(low) + u;
        }
        return quantity + (highInclusive ? " ≤ " : " < ") + num(high) + u;
    }

    /** In the rule language: ">= 18", "<= 45", "18..75", ">0.5..<=2" for mixed bounds. */
    public String ruleText() {
        if (low == null && high == null) {
            return "any";
        }
        if (low != null && high != null) {
            if (lowInclusive && highInclusive) {
                return num(low) + ".." + num(high);
            }
            return (lowInclusive ? ">=" : ">") + num(low) + ".." + (highInclusive ? "<=" : "<") + num(high);
        }
        if (low != null) {
            return (lowInclusive ? ">= " : "> ") + num(low);
        }
        return (highInclusive ? "<= " : "< ") + num(high);
    }

    private static String num(double v) {
        return ScientificNotation.plain(v);
    }
}
