package org.stroma.cli.chia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.rule.ClassRule;
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
    void aFractionWithoutAUnitIsThePerCentARuleStates() {
        MeasurementRule ratio = new MeasurementRule("fev1_fvc", Interval.below(70), "%", false, Window.ever(), null);
        assertThat(exact("< 0.7", ratio)).isTrue();
        assertThat(exact("< 0.07", ratio)).isFalse();
        assertThat(exact("< 70%", ratio)).isTrue();
    }

    @Test
    void aScoreInPerCentIsTheScore() {
        MeasurementRule kps = new MeasurementRule("karnofsky", Interval.atLeast(70), "{score}", false, Window.ever(), null);
        assertThat(exact("≥ 70%", kps)).isTrue();
        assertThat(exact("≥ 60%", kps)).isFalse();
    }

    @Test
    void aClassRuleHoldsExactlyTheGradesAValueBounds() {
        ClassRule asa = new ClassRule("asa_class", List.of("I", "II", "III"), Window.ever());
        assertThat(ThresholdMatch.exactClasses(ChiaValue.read("1-3"), asa)).isTrue();
        assertThat(ThresholdMatch.exactClasses(ChiaValue.read("1, 2, or 3"), asa)).isTrue();
        assertThat(ThresholdMatch.exactClasses(ChiaValue.read("≤ 3"), asa)).isTrue();
        assertThat(ThresholdMatch.exactClasses(ChiaValue.read("1-2"), asa)).isFalse();
        assertThat(ThresholdMatch.exactClasses(ChiaValue.read("< 3"), asa)).isFalse();
        ClassRule high = new ClassRule("asa_class", List.of("IV", "V", "VI"), Window.ever());
        assertThat(ThresholdMatch.exactClasses(ChiaValue.read("> 3"), high)).isTrue();
        assertThat(ThresholdMatch.exactClasses(ChiaValue.read("≥ 3"), high)).isFalse();
        ClassRule five = new ClassRule("asa_class", List.of("V"), Window.ever());
        assertThat(ThresholdMatch.exactClasses(ChiaValue.read("5"), five)).isTrue();
        assertThat(ThresholdMatch.exactClasses(ChiaValue.read("4"), five)).isFalse();
        // classes with a gap are no interval of grades
        ClassRule gap = new ClassRule("asa_class", List.of("I", "III"), Window.ever());
        assertThat(ThresholdMatch.exactClasses(ChiaValue.read("1-3"), gap)).isFalse();
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
