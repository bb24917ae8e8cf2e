package org.stroma.cli.chia;

import java.util.List;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.rule.Interval;
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.measure.Units;

/**
 * Whether a compiled measurement rule states Chia's threshold. The rule's bounds are converted into the value's unit
 * when both units are ones Stroma converts; when the value has no unit, or one Stroma does not know, the numbers are
 * compared as written (the unit then is not judged). "× ULN" must be on both sides or on neither. With a comparison
 * written, the rule's interval must be the value's — the same bounds, each as inclusive; a bare number must be one of
 * the rule's bounds.
 */
public final class ThresholdMatch {
    private static final double TOLERANCE = 1e-9;

    private ThresholdMatch() {
    }

    public static boolean exact(ChiaValue value, MeasurementRule rule, ConceptDictionary dictionary) {
        if (value.timesUln() != rule.timesUln()) {
            return false;
        }
        Interval compiled = inUnitOf(value, rule, dictionary);
        if (compiled == null) {
            return false;
        }
        if (!value.comparisonStated()) {
            return same(compiled.low(), value.number()) || same(compiled.high(), value.number());
        }
        Interval stated = value.interval();
        return same(compiled.low(), stated.low()) && same(compiled.high(), stated.high())
                && compiled.lowInclusive() == stated.lowInclusive() && compiled.highInclusive() == stated.highInclusive();
    }

    /**
     * Whether the rule states a one-sided value together with another bound Chia annotated as a value of its own (a
     * bare number: "130mmHg" of "130mmHg=SBP<180mmHg"): the value's side exactly, the other side at that number.
     */
    public static boolean exactWithOtherBound(ChiaValue value, List<Double> otherBounds, MeasurementRule rule,
            ConceptDictionary dictionary) {
        Interval compiled = inUnitOf(value, rule, dictionary);
        Interval stated = value.interval();
        if (compiled == null || !value.comparisonStated() || value.timesUln() != rule.timesUln()
                || (stated.low() == null) == (stated.high() == null)) {
            return false;
        }
        boolean upper = stated.high() != null;
        Double side = upper ? compiled.high() : compiled.low();
        boolean inclusive = upper ? compiled.highInclusive() : compiled.lowInclusive();
        Double other = upper ? compiled.low() : compiled.high();
        boolean statedInclusive = upper ? stated.highInclusive() : stated.lowInclusive();
        return same(side, upper ? stated.high() : stated.low()) && inclusive == statedInclusive
                && otherBounds.stream().anyMatch(b -> same(other, b));
    }

    /** The rule's interval in the value's unit; null when the two units measure different things. */
    private static Interval inUnitOf(ChiaValue value, MeasurementRule rule, ConceptDictionary dictionary) {
        Interval i = rule.interval();
        String from = rule.unit();
        String to = value.unit();
        if (value.timesUln() || from == null || from.isBlank() || to.isBlank() || !Units.known(to) || !Units.known(from)) {
            return i;
        }
        var concept = dictionary.find(rule.concept()).orElse(null);
        Double low = i.low() == null ? null : Units.convert(i.low(), from, to, concept);
        Double high = i.high() == null ? null : Units.convert(i.high(), from, to, concept);
        if ((i.low() != null && low == null) || (i.high() != null && high == null)) {
            return null;
        }
        return new Interval(low, i.lowInclusive(), high, i.highInclusive());
    }

    private static boolean same(Double a, Double b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
    }
}
