package org.stroma.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.safety.Causality;
import org.stroma.trial.safety.Grade;
import org.stroma.trial.safety.Outcome;

/** A report built by hand, not read from a request, is held to what a report needs: a refusal naming the field. */
class ReportAdverseEventTest {
    private static final LocalDate ONSET = LocalDate.of(2026, 6, 1);

    @Test
    void aReportWithoutItsOnsetTermGradeOrCausalityIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new ReportAdverseEvent(null, null, "headache", Grade.of(1), Set.of(),
                Causality.UNLIKELY, true, null, null, Outcome.RECOVERED, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("onset"));
        assertThatThrownBy(() -> new ReportAdverseEvent(null, null, null, Grade.of(1), Set.of(), Causality.UNLIKELY,
                true, ONSET, null, Outcome.RECOVERED, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("term"));
        assertThatThrownBy(() -> new ReportAdverseEvent(null, null, "headache", null, Set.of(), Causality.UNLIKELY,
                true, ONSET, null, Outcome.RECOVERED, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("grade"));
        assertThatThrownBy(() -> new ReportAdverseEvent(null, null, "headache", Grade.of(1), Set.of(), null, true,
                ONSET, null, Outcome.RECOVERED, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field())
                        .isEqualTo("causality"));
    }

    @Test
    void anOutcomeNotGivenIsUnknownAndNoSeriousnessIsNotSerious() {
        ReportAdverseEvent r = new ReportAdverseEvent(null, null, "headache", Grade.of(1), null, Causality.UNLIKELY,
                true, ONSET, null, null, null);
        assertThat(r.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(r.seriousness()).isEmpty();
    }
}
