package org.stroma.trial.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomizerTest {

    @Test
    void simpleRandomizationFollowsTheRatio() {
        Randomizer r = new Randomizer(new AllocationRatio(List.of("MSC", "placebo"), List.of(2, 1)),
                new AllocationMethod.Simple(List.of()), RandomSource.seeded(2026));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 30_000; i++) {
            counts.merge(r.allocate("P" + i, Map.of()).group(), 1, Integer::sum);
        }
        // 20 000 expected; the standard deviation of the count is about 82
        assertThat(counts.get("MSC")).isBetween(19_600, 20_400);
    }

    @Test
    void aSingleGroupStudyAllocatesEveryoneToItsGroupWithoutDrawing() {
        Randomizer r = new Randomizer(AllocationRatio.equal(List.of("Treatment Group")),
                new AllocationMethod.SingleGroup(), RandomSource.seeded(1));
        assertThat(r.allocate("P1", Map.of()).group()).isEqualTo("Treatment Group");
        assertThat(r.allocate("P2", Map.of()).number()).isEqualTo(2);
        assertThatThrownBy(() -> new Randomizer(AllocationRatio.equal(List.of("A", "B")),
                new AllocationMethod.SingleGroup(), RandomSource.seeded(1))).hasMessageContaining("one group");
    }

    @Test
    void aNonRandomizedStudyRecordsTheArmTheInvestigatorAssigns() {
        Randomizer r = new Randomizer(AllocationRatio.equal(List.of("low dose", "high dose")),
                new AllocationMethod.Assigned(), RandomSource.secure());
        assertThat(r.allocate("P1", Map.of("arm", "high dose")).group()).isEqualTo("high dose");
        assertThatThrownBy(() -> r.allocate("P2", Map.of("arm", "medium dose")))
                .hasMessage("subject P2 must be assigned one of the arms [low dose, high dose], not medium dose");
        assertThat(r.allocate("P2", Map.of("arm", "low dose")).number()).isEqualTo(2);
    }

    @Test
    void aPatientIsAllocatedOnceAndNeedsTheFactorsTheMethodUses() {
        Randomizer r = new Randomizer(AllocationRatio.equal(List.of("A", "B")),
                new AllocationMethod.PermutedBlocks(List.of(1, 2), List.of("site")), RandomSource.seeded(1));
        r.allocate("P1", Map.of("site", "Toulouse"));
        assertThatThrownBy(() -> r.allocate("P1", Map.of("site", "Toulouse"))).hasMessageContaining("already allocated");
        assertThatThrownBy(() -> r.allocate("P2", Map.of())).hasMessageContaining("no level for factor 'site'");
        // the refused patient took no place
        assertThat(r.allocate("P2", Map.of("site", "Toulouse")).number()).isEqualTo(2);
    }

    @Test
    void aPregeneratedListIsVerifiedThenFollowedUntilUsedUp() {
        AllocationRatio ratio = AllocationRatio.equal(List.of("A", "B"));
        RandomizationList list = new RandomizationList(List.of(new RandomizationList.Entry("site=1", 1, "B"),
                new RandomizationList.Entry("site=1", 2, "A")));
        assertThat(list.verify(ratio)).isEmpty();
        Randomizer r = new Randomizer(ratio, new AllocationMethod.Pregenerated(list, List.of("site")),
                RandomSource.secure());
        assertThat(r.allocate("P1", Map.of("site", "1")).group()).isEqualTo("B");
        assertThat(r.allocate("P2", Map.of("site", "1")).group()).isEqualTo("A");
        assertThatThrownBy(() -> r.allocate("P3", Map.of("site", "1"))).hasMessageContaining("used up");
    }

    @Test
    void aListIsImportedFromCsvAndAFaultyLineIsNamed() {
        RandomizationList list = RandomizationList.parseCsv("arm,place,stratum\nB,1,site=Toulouse\nA,2,site=Toulouse\n\n");
        assertThat(list.entries()).containsExactly(new RandomizationList.Entry("site=Toulouse", 1, "B"),
                new RandomizationList.Entry("site=Toulouse", 2, "A"));
        assertThatThrownBy(() -> RandomizationList.parseCsv("stratum,number,group\nall,one,A"))
                .hasMessage("line 2: 'one' is not a place number");
        assertThatThrownBy(() -> RandomizationList.parseCsv("stratum,group\nall,A"))
                .hasMessageStartingWith("line 1: the header needs the columns stratum, number and group");
        assertThatThrownBy(() -> RandomizationList.parseCsv("stratum,number,group\nall,1"))
                .hasMessage("line 2: 2 columns, the header has 3");
    }

    @Test
    void aFaultyListIsRefusedWithEveryProblemNamed() {
        RandomizationList faulty = new RandomizationList(List.of(
                new RandomizationList.Entry("site=1", 1, "A"),
                new RandomizationList.Entry("site=1", 1, "B"),
                new RandomizationList.Entry("site=1", 4, "C"),
                new RandomizationList.Entry("site=2", 1, "A"), new RandomizationList.Entry("site=2", 2, "A"),
                new RandomizationList.Entry("site=2", 3, "A"), new RandomizationList.Entry("site=2", 4, "A"),
                new RandomizationList.Entry("site=2", 5, "A"), new RandomizationList.Entry("site=2", 6, "A"),
                new RandomizationList.Entry("site=2", 7, "A"), new RandomizationList.Entry("site=2", 8, "A")));
        assertThat(faulty.verify(AllocationRatio.equal(List.of("A", "B")))).containsExactlyInAnyOrder(
                "stratum site=1, place 1 is given twice",
                "stratum site=1, place 4: group 'C' is not one of [A, B]",
                "stratum site=1: places 2–3 are missing",
                "stratum site=2: 8 of 8 places go to A, far from the ratio 1:1 (A, B)",
                "stratum site=2: 0 of 8 places go to B, far from the ratio 1:1 (A, B)");
        assertThatThrownBy(() -> new Randomizer(AllocationRatio.equal(List.of("A", "B")),
                new AllocationMethod.Pregenerated(faulty, List.of("site")), RandomSource.secure()))
                .hasMessageStartingWith("the randomization list cannot be used: ");
    }
}
