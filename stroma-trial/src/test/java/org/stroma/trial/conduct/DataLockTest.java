package org.stroma.trial.conduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.capture.DataQuery;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.masking.Role;
import org.stroma.trial.subject.SubjectState;

/**
 * The data is locked only when it is clean and complete: every query closed and every subject out of the trial
 * (completed, withdrawn, lost, or a screen failure: one screened and not yet decided is still in it). The lock then unblinds the statistician, and nothing more is
 * recorded.
 */
class DataLockTest {
    private static final Instant LATER = Instant.parse("2028-01-01T09:00:00Z");
    private static final Map<String, String> VITALS = Map.of("systolic_bp", "128", "diastolic_bp", "80",
            "heart_rate", "70", "weight", "78");

    @Test
    void theLockWaitsForTheLastQueryAndTheLastSubjectThenUnblindsTheStatistician() {
        Journey journey = new Journey(TrialFixtures.MESAMI2, 7);
        TrialConduct trial = journey.conduct;
        journey.enrol("S1", Journey.SCREENED);
        assertThatThrownBy(() -> trial.lock(LATER)).hasMessageContaining("1 subject is still in the trial (S1)");
        journey.complete("S1");
        trial.addCandidate("S2", trial.design().sites().get(0));
        trial.screen("S2", PatientVerdict.ELIGIBLE, null, Journey.at(Journey.SCREENED, 9), "coordinator");
        assertThatThrownBy(() -> trial.lock(LATER)).hasMessageContaining("1 subject is still in the trial (S2)");
        trial.move("S2", SubjectState.SCREEN_FAILURE, Journey.at(Journey.SCREENED, 10), "coordinator",
                "declined consent");
        trial.saveForm("S1", "Baseline", "vitals", VITALS, Journey.SCREENED.plusDays(20), null, LATER.minusSeconds(7200),
                "nurse");
        DataQuery query = trial.raiseQuery("S1", "Baseline", "vitals", "weight", "please confirm the weight",
                LATER.minusSeconds(5400), "monitor");
        assertThatThrownBy(() -> trial.lock(LATER)).hasMessageContaining("1 query is not closed");
        assertThat(trial.masking().isBlinded(Role.STATISTICIAN)).isTrue();
        trial.moveQuery(query.id(), "answer", "confirmed in the clinic letter", LATER.minusSeconds(3600), "nurse");
        trial.moveQuery(query.id(), "close", "source verified", LATER.minusSeconds(1800), "monitor");
        trial.lock(LATER);
        assertThat(trial.lockedAt()).isEqualTo(LATER);
        // the locked data date the measurement by its assessment, not by its visit
        assertThat(LockedTrial.of(trial).measurements()).filteredOn(m -> m.subject().equals("S1")
                && m.form().equals("vitals")).extracting(LockedTrial.MeasurementRow::day).containsOnly(
                Journey.SCREENED.plusDays(20));
        assertThat(trial.masking().isBlinded(Role.STATISTICIAN)).isFalse();
        assertThat(trial.subjectView("S1", Role.STATISTICIAN, "stat").group()).isNotNull();
        assertThatThrownBy(() -> trial.saveForm("S1", "Baseline", "vitals", VITALS, "late", LATER, "nurse"))
                .hasMessageContaining("locked");
    }
}
