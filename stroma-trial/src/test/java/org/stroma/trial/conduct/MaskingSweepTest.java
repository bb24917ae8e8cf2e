package org.stroma.trial.conduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.design.TrialArm;
import org.stroma.trial.masking.EmergencyUnblinding;
import org.stroma.trial.masking.Role;

/**
 * Every view the domain offers of a subject — the subject, each product, the visit calendar — for every blinded role,
 * is the same for a subject who got cells and one who got the placebo (or for the two crossover sequences), once
 * their own identifiers are set aside; and no view names an arm, a sequence, the placebo or a cell count.
 */
class MaskingSweepTest {

    /** Subjects of a masked trial taken through every stage alike, until each group has one; by group. */
    private static Map<String, String> onePerGroup(Journey journey) {
        Map<String, String> byGroup = new LinkedHashMap<>();
        for (int i = 1; byGroup.size() < journey.conduct.design().ratio().groups().size(); i++) {
            String id = "S" + i;
            journey.enrol(id, Journey.SCREENED);
            journey.complete(id);
            byGroup.putIfAbsent(journey.conduct.subjectView(id, Role.UNBLINDED_PHARMACIST, "pharmacist").group(), id);
        }
        return byGroup;
    }

    /** All a role sees of a subject, with the subject's own identifiers replaced. */
    private static String everything(TrialConduct trial, String id, Role role) {
        SubjectView subject = trial.subjectView(id, role, "someone");
        StringBuilder all = new StringBuilder(subject.toString());
        for (String product : trial.products(id)) {
            all.append('\n').append(trial.productView(product, role, "someone"));
        }
        all.append('\n').append(trial.calendar(id).visits());
        // the version of a product's view is a digest of it, identifiers included: set aside with them
        return all.toString().replace(subject.kitCode(), "KIT").replaceAll("S0001 26 \\d{6} 00 [0-9A-Z*]", "DIN")
                .replaceAll("\\b" + id + "\\b", "SUBJECT").replaceAll("version=[0-9a-f]+", "version=V");
    }

    @ParameterizedTest
    @ValueSource(strings = {TrialFixtures.MESAMI2, TrialFixtures.MESEMS_T, TrialFixtures.ACESO})
    void blindedRolesCannotTellTheGroupsApart(String seed) {
        Journey journey = new Journey(seed, 7);
        TrialConduct trial = journey.conduct;
        List<String> subjects = new ArrayList<>(onePerGroup(journey).values());
        List<String> revealing = new ArrayList<>();
        for (TrialArm arm : trial.design().arms()) {
            revealing.add(arm.label());
            if (arm.placebo() != null && arm.placebo().composition() != null) {
                revealing.add(arm.placebo().composition());
            }
        }
        revealing.addAll(List.of("placebo", "Placebo", "PLACEBO", "CELLS", "cells", "culture", "harvest"));
        int blindedRoles = 0;
        for (Role role : Role.values()) {
            if (!trial.masking().isBlinded(role)) {
                continue;
            }
            blindedRoles++;
            String first = everything(trial, subjects.get(0), role);
            for (String other : subjects.subList(1, subjects.size())) {
                assertThat(everything(trial, other, role)).as(seed + ", " + role).isEqualTo(first);
            }
            for (String id : subjects) {
                SubjectView v = trial.subjectView(id, role, "someone");
                assertThat(v.group()).isNull();
                assertThat(v.treatments()).isNull();
                for (String product : trial.products(id)) {
                    assertThat(trial.productView(product, role, "someone").kind()).isNull();
                    assertThatThrownBy(() -> trial.ledger(product, role, "someone"))
                            .isInstanceOf(IllegalStateException.class);
                }
                String seen = everything(trial, id, role);
                for (String word : revealing) {
                    assertThat(seen).as(seed + ", " + role + " sees '" + word + "'").doesNotContain(word);
                }
            }
        }
        assertThat(blindedRoles).isGreaterThanOrEqualTo(6);
        // those who may know, do
        assertThat(trial.subjectView(subjects.get(0), Role.CELL_LAB, "lab").group()).isNotNull();
        assertThat(trial.subjectView(subjects.get(0), Role.DSMB, "dsmb").treatments()).isNotEmpty();
    }

    @Test
    void anEmergencyUnblindingShowsTheInvestigatorThatSubjectOnly() {
        Journey journey = new Journey(TrialFixtures.MESAMI2, 7);
        TrialConduct trial = journey.conduct;
        journey.enrol("S1", Journey.SCREENED);
        journey.enrol("S2", Journey.SCREENED);
        trial.requestUnblinding("S1", "dr.roncalli", Role.INVESTIGATOR, "suspected graft reaction",
                Instant.parse("2026-06-10T03:00:00Z"));
        assertThat(trial.subjectView("S1", Role.INVESTIGATOR, "dr.roncalli").group()).isNotNull();
        assertThat(trial.subjectView("S2", Role.INVESTIGATOR, "dr.roncalli").group()).isNull();
        assertThat(trial.subjectView("S1", Role.INVESTIGATOR, "dr.lairez").group()).isNull();
        assertThat(trial.masking().unblindings()).hasSize(1);
    }

    @Test
    void whereTheProtocolAsksASecondPersonApprovesBeforeTheArmIsShown() {
        Journey journey = new Journey(TrialFixtures.MESAMI2, 7);
        TrialConduct trial = journey.conduct;
        journey.enrol("S1", Journey.SCREENED);
        trial.requireSecondPersonForUnblinding(true);
        Instant night = Instant.parse("2026-06-10T03:00:00Z");
        EmergencyUnblinding u = trial.requestUnblinding("S1", "dr.roncalli", Role.INVESTIGATOR, "anaphylaxis", night);
        assertThat(u.granted()).isFalse();
        assertThat(trial.subjectView("S1", Role.INVESTIGATOR, "dr.roncalli").group()).isNull();
        assertThatThrownBy(() -> trial.approveUnblinding(u.id(), "dr.roncalli", Role.INVESTIGATOR, night))
                .hasMessageContaining("someone other than who asked");
        assertThatThrownBy(() -> trial.approveUnblinding(u.id(), "monitor.1", Role.MONITOR, night))
                .hasMessageContaining("not by the monitor");
        trial.approveUnblinding(u.id(), "dr.lairez", Role.INVESTIGATOR, night.plusSeconds(600));
        assertThat(trial.subjectView("S1", Role.INVESTIGATOR, "dr.roncalli").group()).isNotNull();
        // the second person learns nothing by approving
        assertThat(trial.subjectView("S1", Role.INVESTIGATOR, "dr.lairez").group()).isNull();
        assertThatThrownBy(() -> trial.approveUnblinding(u.id(), "dr.other", Role.INVESTIGATOR, night))
                .hasMessageContaining("awaits no approval");
    }

    @Test
    void anOpenLabelTrialHidesNothing() {
        Journey journey = new Journey(TrialFixtures.UC_MSC_DCM, 7);
        journey.enrol("S1", Journey.SCREENED);
        journey.complete("S1");
        SubjectView seen = journey.conduct.subjectView("S1", Role.INVESTIGATOR, "dr");
        assertThat(seen.group()).isEqualTo("A");
        assertThat(journey.conduct.productView("S1-P1", Role.COORDINATOR, "c").label())
                .contains("allogeneic mesenchymal stromal cells");
    }
}
