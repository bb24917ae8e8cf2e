package org.stroma.trial.conduct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.masking.Role;
import org.stroma.trial.product.LedgerEntry;
import org.stroma.trial.product.ProductKind;
import org.stroma.trial.product.ProductStage;
import org.stroma.trial.subject.Subject;
import org.stroma.trial.subject.SubjectState;

/** For each seed, subjects go through every stage, from screening to completion, and the record shows each step. */
class SubjectJourneyTest {

    @ParameterizedTest
    @ValueSource(strings = {TrialFixtures.MESAMI2, TrialFixtures.MESEMS_T, TrialFixtures.ACESO,
            TrialFixtures.UC_MSC_DCM, TrialFixtures.MESEMS_G})
    void subjectsGoFromScreeningToCompletion(String seed) {
        Journey journey = new Journey(seed, 42);
        TrialConduct trial = journey.conduct;
        for (int i = 1; i <= 4; i++) {
            String id = "S" + i;
            journey.enrol(id, Journey.SCREENED);
            Subject done = journey.complete(id);
            assertThat(done.state()).isEqualTo(SubjectState.COMPLETED);
            assertThat(done.history()).extracting(c -> c.to()).containsExactly(SubjectState.SCREENED,
                    SubjectState.ELIGIBLE, SubjectState.CONSENTED, SubjectState.ENROLLED, SubjectState.RANDOMIZED,
                    SubjectState.TREATED, SubjectState.IN_FOLLOW_UP, SubjectState.COMPLETED);
            List<String> products = trial.products(id);
            assertThat(products).hasSize(trial.design().periods().isEmpty() ? 1 : trial.design().periods().size());
            for (String p : products) {
                assertThat(trial.ledger(p, Role.CELL_LAB, "lab")).allMatch(LedgerEntry::accepted).isNotEmpty();
                assertThat(trial.productView(p, Role.CELL_LAB, "lab").steps()).last()
                        .satisfies(s -> assertThat(s.what()).isEqualTo("administered"));
            }
            assertThat(trial.calendar(id).deviations()).isEmpty();
            assertThat(trial.calendar(id).visits()).allSatisfy(v -> assertThat(v.done()).isNotNull());
            if (products.size() == 2) {
                // a crossover subject gets cells in one period and the placebo in the other
                assertThat(products.stream().map(journey::kind).toList())
                        .containsExactlyInAnyOrder(ProductKind.CELLS, ProductKind.PLACEBO);
            }
        }
    }
}
