package org.stroma.trial.conduct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.masking.Role;
import org.stroma.trial.subject.SubjectState;

/** A trial taken up again from its kept randomizations stands exactly where the original stood. */
class RandomizationReplayTest {

    @Test
    void replayedRandomizationsRestoreAllocationsKitsProductsAndTheRandomizersPlace() {
        TrialConduct original = new Journey(TrialFixtures.MESAMI2, 7).conduct;
        TrialConduct restored = new Journey(TrialFixtures.MESAMI2, 99).conduct;
        for (int i = 1; i <= 9; i++) {
            String id = "S" + i;
            for (TrialConduct t : new TrialConduct[] {original, restored}) {
                t.addCandidate(id, t.design().sites().get(0));
                t.screen(id, PatientVerdict.ELIGIBLE, null, Journey.at(Journey.SCREENED, 9), "coordinator");
                t.consent(id, t.consentForm(), Journey.at(Journey.SCREENED, 10), "investigator",
                        Journey.at(Journey.SCREENED, 10), "investigator");
                t.move(id, SubjectState.ENROLLED, Journey.at(Journey.SCREENED, 11), "investigator", null);
            }
            original.randomize(id, Map.of(), 70.0, Journey.at(Journey.SCREENED, 12), "investigator");
            restored.replay(original.randomization(id));
            assertThat(restored.subjectView(id, Role.CELL_LAB, "lab"))
                    .isEqualTo(original.subjectView(id, Role.CELL_LAB, "lab"));
            assertThat(restored.products(id)).isEqualTo(original.products(id));
            assertThat(restored.calendar(id).visits()).isEqualTo(original.calendar(id).visits());
        }
        // nine subjects in blocks of 2, 4 or 6: the block under way is carried over, not drawn again
        assertThat(restored.randomization("S9").randomizerAfter())
                .isEqualTo(original.randomization("S9").randomizerAfter());
        assertThat(original.randomization("S9").allocation().number()).isEqualTo(9);
    }
}
