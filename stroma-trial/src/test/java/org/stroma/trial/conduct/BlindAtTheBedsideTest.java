package org.stroma.trial.conduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.dosing.DosePlan;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.masking.Role;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.CustodyException;
import org.stroma.trial.subject.SubjectState;

/**
 * What the bedside is told cannot tell cells from placebo. A blinded nurse who tries to check or give a product too
 * early is refused — in words every product shares, never the lab's stage ("in culture", "issued", "prepared"); a
 * per-kilogram trial randomizes no one without a weight (the cells could not be dosed, the placebo could); an
 * emergency unblinding needs an allocation to reveal.
 */
class BlindAtTheBedsideTest {

    @ParameterizedTest
    @ValueSource(strings = {TrialFixtures.MESAMI2, TrialFixtures.MESEMS_T, TrialFixtures.ACESO})
    void aBedsideStepTooEarlyIsRefusedAlikeForCellsAndPlacebo(String seed) {
        Journey journey = new Journey(seed, 7);
        TrialConduct trial = journey.conduct;
        Map<String, Set<String>> told = new TreeMap<>();
        journey.afterEachStep = product -> {
            String status = trial.productView(product, Role.INVESTIGATOR, "nurse").status();
            if (!status.equals("in preparation") && !status.equals("ready at the site")) {
                return; // at the bedside already: the journey gives it
            }
            String kind = trial.productView(product, Role.CELL_LAB, "lab").kind().name();
            for (CustodyEvent early : new CustodyEvent[] {
                new CustodyEvent.BedsideVerified(trial.recipientOf(product), "S0001 26 999999 00", Instant.parse(
                        "2027-12-01T09:00:00Z"), "nurse"),
                new CustodyEvent.Administered(new DosePlan.Given(Double.NaN, 10, 20.0, null), Instant.parse(
                        "2027-12-01T10:00:00Z"), Instant.parse("2027-12-01T10:20:00Z"), "nurse")}) {
                try {
                    trial.custody(product, early);
                    told.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add("accepted " + early.what());
                } catch (CustodyException refused) {
                    told.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(refused.getMessage().replace(product,
                            "PRODUCT"));
                }
            }
        };
        // subjects until each kind of product has been through its chain
        for (int i = 1; told.size() < 2 || told.values().stream().anyMatch(Set::isEmpty); i++) {
            journey.enrol("S" + i, Journey.SCREENED);
            journey.complete("S" + i);
        }
        // what the bedside heard at every stage before the product reached it: the same for cells and placebo
        Set<String> before = new LinkedHashSet<>();
        told.values().forEach(t -> t.stream().filter(m -> m.contains("in preparation")).forEach(before::add));
        assertThat(before).isNotEmpty();
        assertThat(told.get("CELLS").stream().filter(m -> m.contains("in preparation"))).containsExactlyInAnyOrderElementsOf(
                told.get("PLACEBO").stream().filter(m -> m.contains("in preparation")).toList());
        for (Set<String> messages : told.values()) {
            assertThat(messages).noneMatch(m -> m.matches(".*\\b(culture|harvest|issued|lot|prepared|at lab|tested)"
                    + "\\b.*"));
        }
    }

    @Test
    void aPerKilogramTrialRandomizesNoOneWithoutTheirWeight() {
        Journey journey = new Journey(TrialFixtures.MESEMS_T, 7);
        TrialConduct trial = journey.conduct;
        trial.addCandidate("W1", trial.design().sites().get(0));
        trial.screen("W1", PatientVerdict.ELIGIBLE, null, Journey.at(Journey.SCREENED, 9), "coordinator");
        trial.consent("W1", trial.consentForm(), Journey.at(Journey.SCREENED, 10), "investigator",
                Journey.at(Journey.SCREENED, 10), "investigator");
        trial.move("W1", SubjectState.ENROLLED, Journey.at(Journey.SCREENED, 11), "investigator", null);
        assertThatThrownBy(() -> trial.randomize("W1", Map.of(), null, Journey.at(Journey.SCREENED, 12),
                "investigator")).hasMessageContaining("baseline weight is needed");
        assertThat(trial.subject("W1").state()).isEqualTo(SubjectState.ENROLLED);
    }

    @Test
    void anEmergencyUnblindingNeedsAnAllocationToReveal() {
        Journey journey = new Journey(TrialFixtures.ACESO, 7);
        TrialConduct trial = journey.conduct;
        trial.addCandidate("U1", trial.design().sites().get(0));
        trial.screen("U1", PatientVerdict.ELIGIBLE, null, Journey.at(Journey.SCREENED, 9), "coordinator");
        assertThatThrownBy(() -> trial.requestUnblinding("U1", "dr", Role.INVESTIGATOR, "watching",
                Journey.at(Journey.SCREENED, 10))).hasMessageContaining("no arm to reveal");
        assertThat(trial.masking().unblindings()).isEmpty();
    }
}
