package org.stroma.trial.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubjectTest {
    private static final Instant T = Instant.parse("2026-06-01T09:00:00Z");

    private static Subject walk(SubjectState... states) {
        Subject s = Subject.candidate("S1", "Toulouse");
        for (SubjectState to : states) {
            s = s.moveTo(to, T, "coordinator", to.isExit() ? "reason" : null);
        }
        return s;
    }

    @Test
    void theWholePathFromCandidateToCompleted() {
        Subject s = walk(SubjectState.SCREENED, SubjectState.ELIGIBLE, SubjectState.CONSENTED, SubjectState.ENROLLED,
                SubjectState.RANDOMIZED, SubjectState.TREATED, SubjectState.IN_FOLLOW_UP, SubjectState.COMPLETED);
        assertThat(s.state()).isEqualTo(SubjectState.COMPLETED);
        assertThat(s.history()).hasSize(8).first().satisfies(c -> {
            assertThat(c.from()).isEqualTo(SubjectState.CANDIDATE);
            assertThat(c.by()).isEqualTo("coordinator");
        });
        assertThat(s.next()).isEmpty();
    }

    @Test
    void anIneligibleSubjectMayBeScreenedAgainOrFailScreening() {
        Subject s = walk(SubjectState.SCREENED, SubjectState.INELIGIBLE);
        assertThat(s.next()).containsExactlyInAnyOrder(SubjectState.SCREENED, SubjectState.SCREEN_FAILURE);
        assertThat(s.moveTo(SubjectState.SCREENED, T, "c", null).moveTo(SubjectState.ELIGIBLE, T, "c", null).state())
                .isEqualTo(SubjectState.ELIGIBLE);
    }

    @Test
    void stepsTheLifecycleDoesNotAllowAreRefused() {
        Subject eligible = walk(SubjectState.SCREENED, SubjectState.ELIGIBLE);
        assertThatThrownBy(() -> eligible.moveTo(SubjectState.RANDOMIZED, T, "c", null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("subject S1 is eligible and cannot become randomized; it can become consented, screen"
                        + " failure");
        Subject treated = walk(SubjectState.SCREENED, SubjectState.ELIGIBLE, SubjectState.CONSENTED,
                SubjectState.ENROLLED, SubjectState.RANDOMIZED, SubjectState.TREATED);
        assertThatThrownBy(() -> treated.moveTo(SubjectState.SCREEN_FAILURE, T, "c", "late"))
                .isInstanceOf(IllegalTransitionException.class);
        Subject withdrawn = treated.moveTo(SubjectState.WITHDRAWN, T, "investigator", "withdrew consent");
        assertThatThrownBy(() -> withdrawn.moveTo(SubjectState.IN_FOLLOW_UP, T, "c", null))
                .hasMessageContaining("withdrawn is final");
    }

    @Test
    void everyExitNeedsItsReason() {
        Subject randomized = walk(SubjectState.SCREENED, SubjectState.ELIGIBLE, SubjectState.CONSENTED,
                SubjectState.ENROLLED, SubjectState.RANDOMIZED);
        assertThatThrownBy(() -> randomized.moveTo(SubjectState.WITHDRAWN, T, "c", " "))
                .hasMessage("subject S1: withdrawn needs a reason");
        Subject out = randomized.moveTo(SubjectState.WITHDRAWN, T, "c", "adverse event");
        assertThat(out.history().get(out.history().size() - 1).reason()).isEqualTo("adverse event");
    }
}
