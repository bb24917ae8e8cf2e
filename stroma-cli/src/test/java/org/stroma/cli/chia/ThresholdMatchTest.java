package org.stroma.cli.chia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.rule.Interval;
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.eligibility.rule.Window;

class ThresholdMatchTest {
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();

    private static MeasurementRule creatinine(Interval interval, String unit) {
        return new MeasurementRule("creatinine", interval, unit, false, Window.ever(), null);
    }

    private static boolean exact(String value, MeasurementRule rule) {
        return ThresholdMatch.exact(ChiaValue.read(value), rule, DICTIONARY);
    }

    @Test
    void theRulesBoundIsConvertedIntoTheValuesUnit() {
        assertThat(exact("> 176.8 µmol/L", creatinine(Interval.above(2), "mg/dL"))).isTrue();
        assertThat(exact("> 177 µmol/L", creatinine(Interval.above(2), "mg/dL"))).isFalse();
    }

    @Test
    void theComparisonMustBeTheSameSideAndAsInclusive() {
        assertThat(exact("≥ 2 mg/dL", creatinine(Interval.above(2), "mg/dL"))).isFalse();
        assertThat(exact("< 2 mg/dL", creatinine(Interval.above(2), "mg/dL"))).isFalse();
        assertThat(exact("2 mg/dL or more", creatinine(Interval.atLeast(2), "mg/dL"))).isTrue();
    }

    @Test
    void aBoundChiaAnnotatedAsAValueOfItsOwnCompletesTheRange() {
        MeasurementRule range = creatinine(new Interval(1.0, true, 2.0, false), "mg/dL");
        assertThat(exact("< 2 mg/dL", range)).isFalse();
        assertThat(ThresholdMatch.exactWithOtherBound(ChiaValue.read("< 2 mg/dL"), List.of(1.0), range, DICTIONARY))
                .isTrue();
        assertThat(ThresholdMatch.exactWithOtherBound(ChiaValue.read("< 2 mg/dL"), List.of(1.5), range, DICTIONARY))
                .isFalse();
        assertThat(ThresholdMatch.exactWithOtherBound(ChiaValue.read("≤ 2 mg/dL"), List.of(1.0), range, DICTIONARY))
                .isFalse();
    }

    @Test
    void unitsThatMeasureDifferentThingsNeverMatch() {
        assertThat(exact("> 2 mg/dL", creatinine(Interval.above(2), "%"))).isFalse();
    }

    @Test
    void timesTheUpperLimitOfNormalOnBothSidesOrNeither() {
        MeasurementRule ast = new MeasurementRule("ast", Interval.above(3), null, true, Window.ever(), null);
        assertThat(exact("> 3 x ULN", ast)).isTrue();
        assertThat(exact("> 3 U/L", ast)).isFalse();
    }

    @Test
    void aValueWithoutAUnitOrABareNumberIsJudgedOnTheNumber() {
        assertThat(exact("> 2", creatinine(Interval.above(2), "mg/dL"))).isTrue();
        assertThat(exact("2 mg/dL", creatinine(Interval.above(2), "mg/dL"))).isTrue();
    }
}
