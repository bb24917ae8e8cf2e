package org.stroma.cli.chia;

import java.util.List;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.rule.ClassRule;
import org.stroma.trial.eligibility.rule.Interval;
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.measure.Units;

/**
 * Whether a compiled measurement rule states Chia's threshold. The rule's bounds are converted into the value's unit
 * when both units are ones Stroma converts; when the value has no unit, or one Stroma does not know, the numbers are
 * compared as written (the unit then is not judged). "× ULN" must be on both sides or on neither. With a comparison
 * written, the rule's interval must be the value's — the same bounds, each as inclusive; a bare number must be one of
 * the rule's bounds. A fraction without a unit is the per cent a rule in % states ("< 0.7", "< 70 %"); a score in per
 * cent ("KPS ≥ 70%") is the score.
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
     * Whether a class rule holds exactly the grades a value bounds: "1-3" the classes I, II and III, "> 3" IV and
     * above, "5" the class V alone. A value open above is matched by any contiguous run of classes from its lower end
     * (the scale's top is the rule's to know).
     */
    public static boolean exactClasses(ChiaValue value, ClassRule rule) {
        List<Integer> grades = rule.classes().stream().map(ThresholdMatch::grade).sorted().toList();
        if (value.timesUln() || grades.contains(null) || grades.isEmpty()
                || grades.get(grades.size() - 1) - grades.get(0) + 1 != grades.size()) {
            return false;
        }
        Interval i = value.interval();
        int first = grades.get(0);
        int last = grades.get(grades.size() - 1);
        boolean lowMatches = i.low() == null ? first <= 1
                : first == (i.lowInclusive() ? Math.ceil(i.low()) : Math.floor(i.low()) + 1);
        boolean highMatches = i.high() == null
                || last == (i.highInclusive() ? Math.floor(i.high()) : Math.ceil(i.high()) - 1);
        return lowMatches && highMatches;
    }

    private static Integer grade(String roman) {
        int at = List.of("0", "I", "II", "III", "IV", "V", "VI").indexOf(roman.toUpperCase(java.util.Locale.ROOT));
        return at >= 0 ? at : roman.matches("\\d+") ? Integer.valueOf(roman) : null;
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
        if (!value.timesUln() && to.isBlank() && "%".equals(from) && value.number() <= 1
                && (i.low() == null || i.low() > 1) && (i.high() == null || i.high() > 1)) {
            // "FEV1/FVC < 0.7" compiled as 70 %: the same threshold as a fraction
            return new Interval(i.low() == null ? null : i.low() / 100, i.lowInclusive(),
                    i.high() == null ? null : i.high() / 100, i.highInclusive());
        }
        if ("{score}".equals(from) && to.equals("%")) {
            // "KPS ≥ 70%": a score counted in per cent
            return i;
        }
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
