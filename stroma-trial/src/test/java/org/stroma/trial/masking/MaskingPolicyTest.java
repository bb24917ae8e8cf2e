package org.stroma.trial.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.MaskedParty;

class MaskingPolicyTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private static Set<Role> blinded(MaskingPolicy p) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(Role.values()).filter(p::isBlinded).forEach(roles::add);
        return roles;
    }

    @Test
    void theMaskedPartiesBlindTheirRolesAndTheSponsorsStaff() {
        MaskingPolicy doubleMasked = new MaskingPolicy(Set.of(MaskedParty.PARTICIPANT, MaskedParty.INVESTIGATOR));
        assertThat(blinded(doubleMasked)).containsExactlyInAnyOrder(Role.PARTICIPANT, Role.INVESTIGATOR,
                Role.COORDINATOR, Role.MONITOR, Role.DATA_MANAGER, Role.ADMINISTRATOR, Role.STATISTICIAN);
        MaskingPolicy quadruple = new MaskingPolicy(EnumSet.allOf(MaskedParty.class));
        assertThat(blinded(quadruple)).doesNotContain(Role.CELL_LAB, Role.UNBLINDED_PHARMACIST, Role.DSMB)
                .contains(Role.CARE_PROVIDER, Role.OUTCOMES_ASSESSOR);
        assertThat(blinded(new MaskingPolicy(Set.of()))).isEmpty();
    }

    @Test
    void theStatisticianIsUnblindedWhenTheDataAreLocked() {
        MaskingPolicy p = new MaskingPolicy(EnumSet.allOf(MaskedParty.class));
        assertThat(p.isBlinded(Role.STATISTICIAN)).isTrue();
        p.lock();
        assertThat(p.isBlinded(Role.STATISTICIAN)).isFalse();
        assertThat(p.isBlinded(Role.INVESTIGATOR)).isTrue();
    }

    @Test
    void anEmergencyUnblindingRevealsOneSubjectToOnePerson() {
        MaskingPolicy p = new MaskingPolicy(EnumSet.allOf(MaskedParty.class));
        p.request("S7", "dr.martin", Role.INVESTIGATOR, "anaphylaxis after infusion", NOW);
        assertThat(p.mayKnowArm(Role.INVESTIGATOR, "dr.martin", "S7")).isTrue();
        assertThat(p.mayKnowArm(Role.INVESTIGATOR, "dr.martin", "S8")).isFalse();
        assertThat(p.mayKnowArm(Role.INVESTIGATOR, "dr.other", "S7")).isFalse();
        assertThat(p.unblindings()).singleElement().satisfies(u -> assertThat(u.reason()).contains("anaphylaxis"));
        assertThatThrownBy(() -> p.request("S7", "dr.martin", Role.INVESTIGATOR, " ", NOW))
                .hasMessageContaining("needs its reason");
        assertThatThrownBy(() -> p.request("S7", "monitor.1", Role.MONITOR, "curious", NOW))
                .hasMessageContaining("not by the monitor");
    }
}
