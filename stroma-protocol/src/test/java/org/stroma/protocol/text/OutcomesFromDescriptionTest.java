package org.stroma.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.OutcomeKind;

class OutcomesFromDescriptionTest {

    @Test
    void primaryObjectiveAndSecondaryListWithASharedTimeFrame() {
        List<Outcome> outcomes = OutcomesFromDescription.infer("The primary endpoint is to evaluate the incidence of"
                + " treatment-emergent adverse events within 28 days. Secondary endpoints include change in FEV1,"
                + " 6-minute walk distance, and mortality at 3 and 6 months.");
        assertThat(outcomes).extracting(Outcome::kind).containsExactly(OutcomeKind.PRIMARY, OutcomeKind.SECONDARY,
                OutcomeKind.SECONDARY, OutcomeKind.SECONDARY);
        assertThat(outcomes.get(0).measure()).isEqualTo("Incidence of treatment-emergent adverse events");
        assertThat(outcomes.get(0).timeFrameText()).isEqualTo("within 28 days");
        assertThat(outcomes).extracting(Outcome::measure).contains("6-minute walk distance", "Mortality");
        assertThat(outcomes.get(3).timeFrameText()).isEqualTo("at 3 and 6 months");
    }

    @Test
    void aStatementOfPurposeIsNotAnOutcome() {
        assertThat(OutcomesFromDescription.infer("The purpose of this study is to test the hypothesis that allogeneic"
                + " MSCs promote endothelial repair compared to placebo.")).isEmpty();
    }
}
