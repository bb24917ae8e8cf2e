package org.stroma.trial.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.TimeAnchor;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.design.Assumption;
import org.stroma.trial.design.DesignReader;

class SchedulePlannerTest {

    private static List<PlannedVisit> plan(String seed, List<Assumption> assumptions) {
        Protocol p = TrialFixtures.protocol(seed);
        return SchedulePlanner.plan(p, DesignReader.read(p), assumptions);
    }

    @Test
    void mesami2VisitsComeFromItsOutcomesTimeFrames() {
        List<Assumption> assumptions = new ArrayList<>();
        List<PlannedVisit> visits = plan(TrialFixtures.MESAMI2, assumptions);
        assertThat(visits).extracting(PlannedVisit::name).containsExactly("Baseline", "Administration", "Month 3",
                "Month 6", "Month 12");
        PlannedVisit m3 = visits.get(2);
        assertThat(m3.anchor()).isEqualTo(TimeAnchor.FIRST_ADMINISTRATION);
        assertThat(m3.daysEarly()).isEqualTo(14);
        assertThat(m3.assumedWindow()).isTrue();
        assertThat(m3.assessments()).contains("Change in VO2max", "Echocardiography");
        assertThat(visits.get(0).assessments()).contains("Echocardiography", "BNP blood test");
        assertThat(assumptions).extracting(Assumption::what).anyMatch(w -> w.startsWith("visit windows"));
    }

    @Test
    void aCrossoverHasItsSecondAdministrationAtTheSwitch() {
        List<PlannedVisit> visits = plan(TrialFixtures.MESEMS_T, new ArrayList<>());
        assertThat(visits).extracting(PlannedVisit::name).containsExactly("Baseline", "Administration", "Week 24",
                "Period 2 administration", "Week 48");
        assertThat(visits).extracting(PlannedVisit::period).containsExactly(1, 1, 1, 2, 2);
    }

    @Test
    void aRecordWithoutOutcomesGetsAnAssumedFollowUpAndSaysSo() {
        List<Assumption> assumptions = new ArrayList<>();
        List<PlannedVisit> visits = plan(TrialFixtures.ACESO, assumptions);
        assertThat(visits).extracting(PlannedVisit::name).containsExactly("Baseline", "Administration", "Month 1",
                "Month 3", "Month 6", "Month 12");
        assertThat(visits).allMatch(PlannedVisit::assumedWindow);
        assertThat(assumptions).extracting(Assumption::what)
                .contains("follow-up visits at 1, 3, 6 and 12 months after the first administration");
    }

    @Test
    void theUmbilicalCordTrialHasItsDay5SafetyVisit() {
        assertThat(plan(TrialFixtures.UC_MSC_DCM, new ArrayList<>())).extracting(PlannedVisit::name)
                .containsExactly("Baseline", "Administration", "Day 5", "Month 1", "Month 3", "Month 6");
    }

    @Test
    void visitsAreUpcomingOpenOverdueMissedOrDoneAndLateOnesAreDeviations() {
        VisitCalendar calendar = new VisitCalendar("S1", plan(TrialFixtures.MESAMI2, new ArrayList<>()));
        assertThat(calendar.status("Month 3", LocalDate.of(2026, 1, 1))).isEqualTo(VisitStatus.UPCOMING);
        assertThatThrownBy(() -> calendar.record("Month 3", LocalDate.of(2026, 4, 1)))
                .hasMessageContaining("anchor (first administration) has not happened");
        calendar.anchor(TimeAnchor.RANDOMIZATION, LocalDate.of(2026, 1, 5));
        calendar.anchor(TimeAnchor.FIRST_ADMINISTRATION, LocalDate.of(2026, 2, 1));
        // month 3 falls on 1 May, its window 17 April to 15 May
        assertThat(calendar.visit("Month 3").target()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(calendar.status("Month 3", LocalDate.of(2026, 4, 16))).isEqualTo(VisitStatus.UPCOMING);
        assertThat(calendar.status("Month 3", LocalDate.of(2026, 4, 17))).isEqualTo(VisitStatus.OPEN);
        assertThat(calendar.status("Month 3", LocalDate.of(2026, 5, 1))).isEqualTo(VisitStatus.OPEN);
        assertThat(calendar.status("Month 3", LocalDate.of(2026, 5, 15))).isEqualTo(VisitStatus.OVERDUE);
        assertThat(calendar.status("Month 3", LocalDate.of(2026, 5, 16))).isEqualTo(VisitStatus.MISSED);
        assertThat(calendar.record("Month 3", LocalDate.of(2026, 5, 15))).isNull();
        assertThat(calendar.status("Month 3", LocalDate.of(2026, 6, 1))).isEqualTo(VisitStatus.DONE);
        ProtocolDeviation late = calendar.record("Month 6", LocalDate.of(2026, 8, 20));
        assertThat(late.what()).isEqualTo("visit 'Month 6' done 19 days late, outside its window 2026-07-18 to"
                + " 2026-08-15");
        assertThat(calendar.deviations()).containsExactly(late);
    }

    @Test
    void aBaselineHeldBeforeTheAdministrationIsCheckedWhenTheAdministrationHappens() {
        VisitCalendar calendar = new VisitCalendar("S1", plan(TrialFixtures.MESAMI2, new ArrayList<>()));
        calendar.anchor(TimeAnchor.RANDOMIZATION, LocalDate.of(2026, 1, 5));
        assertThat(calendar.record("Baseline", LocalDate.of(2026, 1, 10))).isNull();
        assertThat(calendar.visit("Baseline").done()).isEqualTo(LocalDate.of(2026, 1, 10));
        // the administration 40 days later puts the baseline outside its 30 days before it
        calendar.anchor(TimeAnchor.FIRST_ADMINISTRATION, LocalDate.of(2026, 2, 19));
        assertThat(calendar.deviations()).singleElement().extracting(ProtocolDeviation::what).asString()
                .contains("visit 'Baseline' done 40 days early");
        VisitCalendar inTime = new VisitCalendar("S2", plan(TrialFixtures.MESAMI2, new ArrayList<>()));
        inTime.record("Baseline", LocalDate.of(2026, 2, 1));
        inTime.anchor(TimeAnchor.FIRST_ADMINISTRATION, LocalDate.of(2026, 2, 19));
        assertThat(inTime.deviations()).isEmpty();
    }
}
