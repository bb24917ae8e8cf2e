package org.stroma.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroma.analysis.survival.KaplanMeier;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.safety.Causality;
import org.stroma.trial.safety.Grade;
import org.stroma.trial.safety.MaceCategory;
import org.stroma.trial.safety.Outcome;
import org.stroma.trial.safety.SeriousnessCriterion;
import org.stroma.trial.subject.SubjectState;

/**
 * The time origin of each time to an event: the first administration for safety (an event before it is a baseline
 * event), randomization for efficacy. A subject treated and seen no more, or an event before treatment, never reaches
 * a statistic as a negative time.
 */
class TimeOriginsTest {
    private static final LocalDate RANDOMIZED = LocalDate.of(2025, 3, 3);
    private static final LocalDate TREATED = LocalDate.of(2025, 3, 25);

    @Test
    void aMajorCardiacEventBeforeTheFirstAdministrationIsABaselineEventNotTheOutcome() {
        LockedTrial t = trial(List.of(
                // a heart-failure admission five days before the product was given, none after
                mace("S1", "A", TREATED.minusDays(5)),
                mace("S2", "B", TREATED.plusDays(40))));
        TimeToEvent first = OutcomeAnalyses.timeToFirstMace(t, false, Map.of("A", "A", "B", "B"));
        // S1 has no event from the first administration on: censored at its last contact (day 90), not an event at
        // day −5; S2's event counts at day 40
        assertThat(first.curves()).extracting(c -> c.group() + " " + c.n() + " " + c.events()).containsExactly(
                "A 1 0", "B 1 1");
        assertThat(first.followUpDays()).isEqualTo(90);
        String report = TrialReport.html(t, false, "test");
        assertThat(report).contains("1 of them began before the first administration", "before it (day -5)");
        assertThat(TrialReport.html(t, true, "test")).contains("1 of them began before the first administration");
    }

    @Test
    void aSubjectSeenNoMoreAfterTheAdministrationIsCensoredAtItNeverBeforeIt() {
        // S3's last contact precedes the first administration (recorded late): the time is 0, not negative
        List<LockedTrial.SubjectRow> subjects = new ArrayList<>(subjects());
        subjects.add(new LockedTrial.SubjectRow("S3", "Toulouse", SubjectState.TREATED, "A", null, RANDOMIZED, TREATED,
                70.0, null, List.of(SubjectState.RANDOMIZED, SubjectState.TREATED), TREATED.minusDays(3), List.of()));
        LockedTrial t = new LockedTrial("NCT0", "test", false, subjects, List.of(), List.of(mace("S2", "B",
                TREATED.plusDays(10))), List.of(), List.of());
        TimeToEvent first = OutcomeAnalyses.timeToFirstMace(t, false, Map.of());
        // S1 and S3 in A, both without an event; S3's time is 0 (censored on the day of its administration)
        assertThat(first.curves()).extracting(c -> c.group() + " " + c.n() + " " + c.events()).containsExactly(
                "A 2 0", "B 1 1");
        assertThat(TrialReport.html(t, false, "test")).contains("Major adverse cardiac events");
    }

    @Test
    void aTimeThatWouldEndBeforeItsOriginIsRefusedWhereTheDatesAreKnown() {
        assertThatThrownBy(() -> new TimeToEvent.Observation("A", TREATED, TREATED.minusDays(1), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot end on");
    }

    @Test
    void edssProgressionCountsFromRandomizationWithTheLastAssessmentBeforeItAsBaseline() {
        List<LockedTrial.MeasurementRow> edss = List.of(
                edss("S1", "A", RANDOMIZED.minusDays(10), "4.0"), // screening: not the baseline
                edss("S1", "A", RANDOMIZED, "3.0"),
                edss("S1", "A", RANDOMIZED.plusDays(60), "4.0"),
                edss("S1", "A", RANDOMIZED.plusDays(150), "4.0"),
                edss("S2", "B", RANDOMIZED, "3.0"),
                edss("S2", "B", RANDOMIZED.plusDays(150), "3.0"));
        LockedTrial t = new LockedTrial("NCT0", "test", false, subjects(), edss, List.of(), List.of(), List.of());
        TimeToEvent p = OutcomeAnalyses.progression(t, false);
        // from the baseline on the day of randomization (3.0, not the screening's 4.0), S1 progressed at day 60,
        // confirmed 90 days later; S2 is censored at day 150
        assertThat(p.followUpDays()).isEqualTo(150);
        assertThat(p.curves()).extracting(c -> c.group() + " " + c.events()).containsExactly("A 1", "B 0");
        assertThat(p.curves().get(0).steps()).extracting(KaplanMeier.Step::time).contains(60.0);
    }

    private static List<LockedTrial.SubjectRow> subjects() {
        return List.of(
                new LockedTrial.SubjectRow("S1", "Toulouse", SubjectState.IN_FOLLOW_UP, "A", null, RANDOMIZED,
                        TREATED, 70.0, null, List.of(SubjectState.RANDOMIZED, SubjectState.TREATED), TREATED
                        .plusDays(90), List.of()),
                new LockedTrial.SubjectRow("S2", "Toulouse", SubjectState.IN_FOLLOW_UP, "B", null, RANDOMIZED,
                        TREATED, 80.0, null, List.of(SubjectState.RANDOMIZED, SubjectState.TREATED), TREATED
                        .plusDays(90), List.of()));
    }

    private static LockedTrial trial(List<LockedTrial.AdverseEventRow> events) {
        return new LockedTrial("NCT0", "test", false, subjects(), List.of(), events, List.of(), List.of());
    }

    private static LockedTrial.AdverseEventRow mace(String subject, String group, LocalDate onset) {
        AdverseEvent e = new AdverseEvent(subject + "-AE1", subject, "worsening heart failure", Grade.of(3), Set.of(
                SeriousnessCriterion.HOSPITALISATION), Causality.UNLIKELY, true, onset, onset, Outcome.RECOVERED,
                MaceCategory.HEART_FAILURE_HOSPITALISATION);
        return new LockedTrial.AdverseEventRow(subject, group, e, false, false, e.daysFromAdministration(TREATED));
    }

    private static LockedTrial.MeasurementRow edss(String subject, String group, LocalDate day, String value) {
        return new LockedTrial.MeasurementRow(subject, group, "visit", day, null, "edss", "edss", value);
    }
}
