package org.stroma.trial.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class LifecycleProperties {
    private static final Instant T = Instant.parse("2026-06-01T09:00:00Z");

    /**
     * Whatever a subject is asked to become, in whatever order: allowed steps are taken, others refused without
     * changing the subject; the path recorded is exactly the steps taken, exits carry their reason, and nothing
     * follows a final state.
     */
    @Property(tries = 500)
    void onlyAllowedStepsAreTakenAndThePathRecordsThem(@ForAll @Size(max = 25) List<SubjectState> asked,
            @ForAll boolean giveReasons) {
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
        s.history().stream().filter(c -> c.to().isExit()).forEach(c -> assertThat(c.reason()).isNotBlank());
        if (s.state().isFinal()) {
            assertThat(s.next()).isEmpty();
        }
    }
}
