package org.stroma.trial.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class LifecycleProperties {
    private static final Instant T = Instant.parse("2026-06-01T09:00:00Z");
    /**
     * Fixed, so that every run asks the same sequences. A failing one is shrunk: cut short, and the steps that play no
     * part turned into CANDIDATE, which is always refused.
     */
    private static final long SEED = 0x11FEC7C1L;

    /**
     * Whatever a subject is asked to become, in whatever order: allowed steps are taken, others refused without
     * changing the subject; the path recorded is exactly the steps taken, exits carry their reason, and nothing
     * follows a final state.
     */
    @Test
    void onlyAllowedStepsAreTakenAndThePathRecordsThem() {
        // a draw that repeats an earlier case is skipped, so a few more draws than the 500 cases wanted
        qt().withFixedSeed(SEED).withExamples(510)
                .forAll(lists().of(Generate.enumValues(SubjectState.class)).ofSizeBetween(0, 25), booleans().all())
                .checkAssert((asked, giveReasons) -> {
                    Subject s = Subject.candidate("S1", "site");
                    int taken = 0;
                    for (SubjectState to : asked) {
                        boolean allowed = s.next().contains(to) && (!to.isExit() || giveReasons);
                        Subject before = s;
                        if (allowed) {
                            s = s.moveTo(to, T, "c", giveReasons ? "why" : null);
                            taken++;
                            assertThat(s.state()).isEqualTo(to);
                        } else {
                            assertThatThrownBy(() -> before.moveTo(to, T, "c", giveReasons ? "why" : null))
                                    .isInstanceOf(IllegalTransitionException.class);
                        }
                    }
                    assertThat(s.history()).hasSize(taken);
                    for (int i = 1; i < s.history().size(); i++) {
                        assertThat(s.history().get(i).from()).isEqualTo(s.history().get(i - 1).to());
                    }
                    s.history().stream().filter(c -> c.to().isExit())
                            .forEach(c -> assertThat(c.reason()).isNotBlank());
                    if (s.state().isFinal()) {
                        assertThat(s.next()).isEmpty();
                    }
                });
    }
}
