package org.stroma.trial.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expedited reporting: which events start a clock, and when each report is due (reference §3). */
class ReportingClockTest {
    private static final LocalDate ONSET = LocalDate.of(2026, 3, 10);
    private static final LocalDate AWARE = LocalDate.of(2026, 3, 11);

    private static AdverseEvent event(Grade grade, Set<SeriousnessCriterion> serious, Causality causality,
            boolean expected, Outcome outcome) {
        return new AdverseEvent("AE1", "S1", "ventricular tachycardia", grade, serious, causality, expected, ONSET,
                AWARE, outcome, null);
    }

    @Test
    void aFatalOrLifeThreateningSusarIsDueInSevenDaysWithItsFollowUpEightDaysLater() {
        AdverseEvent e = event(Grade.LIFE_THREATENING, Set.of(SeriousnessCriterion.LIFE_THREATENING,
                SeriousnessCriterion.HOSPITALISATION), Causality.POSSIBLE, false, Outcome.RECOVERING);
        assertThat(e.isSusar()).isTrue();
        ReportingClock clock = ReportingClock.of(e, ReportingRules.STANDARD);
        assertThat(clock.regulatoryDue()).isEqualTo(LocalDate.of(2026, 3, 18));
        assertThat(clock.followUpDue()).isEqualTo(LocalDate.of(2026, 3, 26));
        assertThat(clock.sponsorDue()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(clock.daysLeft(LocalDate.of(2026, 3, 16))).isEqualTo(2);
        assertThat(clock.daysLeft(LocalDate.of(2026, 3, 20))).isEqualTo(-2);
    }

    @Test
    void anyOtherSusarIsDueInFifteenDays() {
        AdverseEvent e = event(Grade.SEVERE, Set.of(SeriousnessCriterion.HOSPITALISATION), Causality.PROBABLE, false,
                Outcome.RECOVERED);
        ReportingClock clock = ReportingClock.of(e, ReportingRules.STANDARD);
        assertThat(clock.regulatoryDue()).isEqualTo(LocalDate.of(2026, 3, 26));
        assertThat(clock.followUpDue()).isNull();
    }

    @Test
    void expectedUnrelatedOrNonSeriousEventsStartNoRegulatoryClock() {
        Set<SeriousnessCriterion> hospital = Set.of(SeriousnessCriterion.HOSPITALISATION);
        assertThat(ReportingClock.of(event(Grade.SEVERE, hospital, Causality.PROBABLE, true, Outcome.RECOVERED),
                ReportingRules.STANDARD).regulatoryDue()).as("expected").isNull();
        ReportingClock unrelated = ReportingClock.of(event(Grade.SEVERE, hospital, Causality.UNLIKELY, false,
                Outcome.RECOVERED), ReportingRules.STANDARD);
        assertThat(unrelated.susar()).isFalse();
        assertThat(unrelated.sponsorDue()).as("still a serious event for the sponsor").isEqualTo(AWARE);
        ReportingClock mild = ReportingClock.of(event(Grade.SEVERE, Set.of(), Causality.CERTAIN, false,
                Outcome.RECOVERED), ReportingRules.STANDARD);
        assertThat(mild).isEqualTo(new ReportingClock(false, null, null, null));
        // a causality not yet settled is treated as suspected
        assertThat(event(Grade.SEVERE, hospital, Causality.UNASSESSABLE, false, Outcome.UNKNOWN).isSusar()).isTrue();
    }

    @Test
    void aProtocolMaySetItsOwnTimelines() {
        AdverseEvent e = event(Grade.DEATH, Set.of(SeriousnessCriterion.DEATH), Causality.POSSIBLE, false,
                Outcome.FATAL);
        ReportingClock clock = ReportingClock.of(e, new ReportingRules(5, 8, 10, 1));
        assertThat(clock.regulatoryDue()).isEqualTo(AWARE.plusDays(5));
        assertThatThrownBy(() -> new ReportingRules(15, 8, 7, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inconsistentReportsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> event(Grade.DEATH, Set.of(SeriousnessCriterion.HOSPITALISATION), Causality.POSSIBLE,
                false, Outcome.FATAL)).hasMessageContaining("grade 5");
        assertThatThrownBy(() -> new AdverseEvent("AE2", "S1", "fever", Grade.MILD, Set.of(), Causality.UNLIKELY,
                true, ONSET, ONSET.minusDays(1), Outcome.RECOVERED, null)).hasMessageContaining("before its onset");
        assertThat(event(Grade.MILD, Set.of(), Causality.UNLIKELY, true, Outcome.RECOVERED)
                .daysFromAdministration(LocalDate.of(2026, 3, 3))).isEqualTo(7);
    }
}
