package org.stroma.cli.chia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stroma.trial.eligibility.rule.Interval;

class ChiaValueTest {

    @Test
    void comparisonsInSymbolsAndInWords() {
        assertThat(ChiaValue.read("< 70").interval()).isEqualTo(Interval.below(70));
        assertThat(ChiaValue.read("≥ 1.5").interval()).isEqualTo(Interval.atLeast(1.5));
        assertThat(ChiaValue.read("greater than 2.0 mg/dL").interval()).isEqualTo(Interval.above(2));
        assertThat(ChiaValue.read("2.0 mg/dL or higher").interval()).isEqualTo(Interval.atLeast(2));
        assertThat(ChiaValue.read("less than or equal to 35%").interval()).isEqualTo(Interval.atMost(35));
        assertThat(ChiaValue.read("between 18 and 65").interval()).isEqualTo(Interval.between(18, 65));
    }

    @Test
    void theUnitIsWhatFollowsTheNumberWithoutTheComparisonWords() {
        assertThat(ChiaValue.read("2.0 mg/dL or higher").unit()).isEqualTo("mg/dl");
        assertThat(ChiaValue.read("< 100,000/mm3").unit()).isEqualTo("/mm3");
        assertThat(ChiaValue.read("< 100,000/mm3").interval()).isEqualTo(Interval.below(100000));
        ChiaValue uln = ChiaValue.read("> 3 x ULN");
        assertThat(uln.timesUln()).isTrue();
        assertThat(uln.unit()).isEmpty();
    }

    @Test
    void signsAsExportsSpellThemAndAPercentageAboveTheLimitAreRead() {
        assertThat(ChiaValue.read("<U+2266>11 g/dl").interval()).isEqualTo(Interval.atMost(11));
        assertThat(ChiaValue.read(">_3500/mm3").interval()).isEqualTo(Interval.atLeast(3500));
        assertThat(ChiaValue.read("<0•9").interval()).isEqualTo(Interval.below(0.9));
        assertThat(ChiaValue.read("at/above 100 umol per liter").interval()).isEqualTo(Interval.atLeast(100));
        assertThat(ChiaValue.read("at or below 2").interval()).isEqualTo(Interval.atMost(2));
        ChiaValue above = ChiaValue.read(">20% above the upper limit of normal");
        assertThat(above.timesUln()).isTrue();
        assertThat(above.interval()).isEqualTo(Interval.above(1.2));
    }

    @Test
    void aRangeWhoseSignsTheTextLostIsARange() {
        assertThat(ChiaValue.read("=18 to =30 kg/m2").interval()).isEqualTo(Interval.between(18, 30));
        assertThat(ChiaValue.read("=8.5 g/dL and =11.5 g/dL").interval()).isEqualTo(Interval.between(8.5, 11.5));
        assertThat(ChiaValue.read("= 10 but = 16").interval()).isEqualTo(Interval.between(10, 16));
        assertThat(ChiaValue.read("=30 and =18").comparisonStated()).isFalse();
    }

    @Test
    void gradesListedAreTheirRangeAndADecimalCommaStaysOne() {
        assertThat(ChiaValue.read("0,1").interval()).isEqualTo(Interval.between(0, 1));
        assertThat(ChiaValue.read("0, 1 or 2").interval()).isEqualTo(Interval.between(0, 2));
        assertThat(ChiaValue.read("7,5").interval()).isEqualTo(Interval.between(7.5, 7.5));
        assertThat(ChiaValue.read(">21 kg/m^2 and <35 kg/m^2").interval()).isEqualTo(new Interval(21.0, false, 35.0,
                false));
        ChiaValue millimolar = ChiaValue.read("< 7,0 mM");
        assertThat(millimolar.unit()).isEqualTo("mmol/l");
        assertThat(millimolar.interval()).isEqualTo(Interval.below(7));
    }

    @Test
    void aBareNumberStatesNoComparisonAndWordsWithoutANumberAreNotNumeric() {
        ChiaValue bare = ChiaValue.read("100 mg");
        assertThat(bare.comparisonStated()).isFalse();
        assertThat(bare.number()).isEqualTo(100);
        assertThat(ChiaValue.read("positive")).isNull();
    }

    @Test
    void aNumberAfterAnEqualsSignAloneLostItsComparison() {
        assertThat(ChiaValue.signLost("= 6,5 %")).isTrue();
        assertThat(ChiaValue.signLost("=30 ml/min/1.73m2")).isTrue();
        assertThat(ChiaValue.signLost("= 37<U+2103>")).isTrue();
        assertThat(ChiaValue.signLost("=18 to =30 kg/m2")).isFalse();
        assertThat(ChiaValue.signLost("= 30-80%")).isFalse();
        assertThat(ChiaValue.signLost("<= 30")).isFalse();
        assertThat(ChiaValue.signLost("> 2 x ULN")).isFalse();
        assertThat(ChiaValue.signLost("30 ml/min")).isFalse();
    }
}
