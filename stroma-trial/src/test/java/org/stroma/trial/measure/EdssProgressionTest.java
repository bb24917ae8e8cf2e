package org.stroma.trial.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.trial.measure.EdssProgression.Assessment;

/** Confirmed EDSS progression (reference §4), and the LVEF from volumes. */
class EdssProgressionTest {
    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);

    private static Assessment at(int week, double score) {
        return new Assessment(DAY0.plusWeeks(week), score);
    }

    @Test
    void theThresholdDependsOnTheBaseline() {
        assertThat(EdssProgression.TWELVE_WEEKS.threshold(0)).isEqualTo(1.5);
        assertThat(EdssProgression.TWELVE_WEEKS.threshold(3.5)).isEqualTo(4.5);
        assertThat(EdssProgression.TWELVE_WEEKS.threshold(5.5)).isEqualTo(6.5);
        assertThat(EdssProgression.TWELVE_WEEKS.threshold(6.0)).isEqualTo(6.5);
        assertThatThrownBy(() -> EdssProgression.TWELVE_WEEKS.threshold(0.5)).hasMessageContaining("not an EDSS");
        assertThat(Edss.isValid(7.5)).isTrue();
        assertThat(Edss.isValid(7.25)).isFalse();
    }

    @Test
    void aProgressionConfirmedTwelveWeeksLaterDatesFromItsFirstAssessment() {
        List<Assessment> a = List.of(at(12, 3.5), at(24, 4.5), at(36, 4.5), at(48, 5.0));
        EdssProgression.Outcome o = EdssProgression.TWELVE_WEEKS.of(DAY0, 3.5, a, List.of());
        assertThat(o.progressed()).isTrue();
        assertThat(o.day()).isEqualTo(DAY0.plusWeeks(24));
        assertThat(o.days()).isEqualTo(168);
        // the same course is not yet confirmed at 24 weeks... until week 48
        assertThat(EdssProgression.TWENTY_FOUR_WEEKS.of(DAY0, 3.5, a, List.of()).day()).isEqualTo(DAY0.plusWeeks(24));
        assertThat(EdssProgression.TWENTY_FOUR_WEEKS.of(DAY0, 3.5, a.subList(0, 3), List.of()).progressed()).isFalse();
    }

    @Test
    void aDipInBetweenOrARelapseDoesNotConfirm() {
        List<Assessment> dip = List.of(at(12, 4.5), at(18, 4.0), at(24, 4.5));
        EdssProgression.Outcome o = EdssProgression.TWELVE_WEEKS.of(DAY0, 3.5, dip, List.of());
        assertThat(o.progressed()).isFalse();
        assertThat(o.day()).as("censored at the last assessment").isEqualTo(DAY0.plusWeeks(24));
        // a rise within 30 days of a relapse does not count; a later sustained one does
        List<Assessment> relapse = List.of(at(12, 4.5), at(24, 3.5), at(30, 4.5), at(42, 4.5));
        EdssProgression.Outcome after = EdssProgression.TWELVE_WEEKS.of(DAY0, 3.5, relapse,
                List.of(DAY0.plusWeeks(11)));
        assertThat(after.day()).isEqualTo(DAY0.plusWeeks(30));
    }

    @Test
    void ejectionFractionFromVolumes() {
        assertThat(Echocardiography.ejectionFraction(150, 90)).isCloseTo(40.0, within(1e-12));
        assertThatThrownBy(() -> Echocardiography.ejectionFraction(90, 150)).hasMessageContaining("between 0");
    }
}
