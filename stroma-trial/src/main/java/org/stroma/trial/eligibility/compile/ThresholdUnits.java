package org.stroma.trial.eligibility.compile;

import java.util.Locale;
import java.util.Set;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.eligibility.rule.Interval;
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.measure.Units;

/** The unit a threshold is written in, and whether the threshold can be its concept's in that unit. */
final class ThresholdUnits {
    private ThresholdUnits() {
    }

    /** A cell count in thousands of millions per litre (the same number as thousands per µL). */
    static final String THOUSAND_MILLIONS_PER_LITRE = "x10^9/L";

    /** Short words that follow a number in a sentence and are no unit: "ALT > 3 and AST > 3", "INR > 1.5 on …". */
    private static final Set<String> WORDS_AFTER_A_NUMBER = Set.of("and", "or", "at", "on", "to", "in", "of", "for",
            "the", "by", "if", "as", "is", "are", "was", "nor", "but", "any", "all", "who", "has", "had", "not", "no");

    /** The unit a threshold is written in, as Stroma spells it; the concept's when none is written; null if unknown. */
    static String unit(String raw, Concept c) {
        if (raw == null || raw.isBlank()) {
            return c.unit();
        }
        String u = raw.replaceAll("(?i)^ml/min\\s?1\\.73\\s?m2$", "mL/min/1.73m2").replaceAll("(?i)^mL/min/1\\.73\\s?m2$",
                "mL/min/1.73m2");
        if (Units.known(u)) {
            return u;
        }
        if (Units.known("/" + u)) {
            return "/" + u;
        }
        // a word after the number ("INR > 1.5 unless on anticoagulants") is not a unit: none is written; but a unit
        // Stroma does not know ("2.5 x LLN", "3 mEq") is never taken for the concept's own
        if (u.matches("(?i)times|fold|x")) {
            return null; // "1.4 times the control value": a multiple of something Stroma does not know
        }
        if (u.matches("(?i)(?:milli|micro|nano|pico)?(?:moles?|equivalents?|units?)")) {
            return null; // "sodium < 130 milliequivalents per liter": a unit spelt out, which Stroma did not read
        }
        return u.matches("[A-Za-z]{4,}") || WORDS_AFTER_A_NUMBER.contains(u.toLowerCase(Locale.ROOT)) ? c.unit() : null;
    }

    /** Whether a second number's unit is the first's: the same, none written, or both multiples of the ULN. */
    static boolean sameUnit(MeasurementRule first, String raw, Concept c) {
        if (raw == null || raw.isBlank()) {
            return true;
        }
        if (raw.equals("×ULN")) {
            return first.timesUln();
        }
        return !first.timesUln() && raw.equalsIgnoreCase(first.unit()) || !first.timesUln() && first.unit() != null
                && first.unit().equals(unit(raw, c));
    }

    /**
     * Whether a threshold can be the concept's: in a unit that converts to the concept's, and within the values the
     * concept can take. "Glucose > 8.5 %" or "creatinine > 20 %" are not thresholds of their concept as written, and
     * are asked rather than guessed.
     */
    static boolean believable(Interval interval, String unit, Concept c) {
        for (Double bound : java.util.Arrays.asList(interval.low(), interval.high())) {
            if (bound == null) {
                continue;
            }
            Double own = Units.convert(bound, unit, c.unit(), c);
            if (own == null || !c.isPlausible(own)) {
                return false;
            }
        }
        return true;
    }
}
