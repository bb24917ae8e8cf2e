package org.stroma.trial.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The questionnaires' scoring algorithms (reference §4). KCCQ and SF-12 run on made-up tables here: the real item
 * tables and weights are licensed, and a trial loads its own.
 */
class InstrumentScoringTest {

    private static Map<Integer, Integer> mlhfq(int value) {
        Map<Integer, Integer> r = new HashMap<>();
        for (int i = 1; i <= 21; i++) {
            r.put(i, value);
        }
        return r;
    }

    @Test
    void mlhfqTotalAndItsTwoDimensions() {
        assertThat(Mlhfq.strict().score(mlhfq(5))).containsExactly(Map.entry("total", 105.0),
                Map.entry("physical", 40.0), Map.entry("emotional", 25.0));
        Map<Integer, Integer> r = mlhfq(0);
        r.put(2, 3);
        r.put(13, 4);   // physical
        r.put(17, 2);   // emotional
        r.put(1, 5);    // total only
        assertThat(Mlhfq.strict().score(r)).containsExactly(Map.entry("total", 14.0), Map.entry("physical", 7.0),
                Map.entry("emotional", 2.0));
    }

    @Test
    void mlhfqMissingItemsAsTheTrialAllows() {
        Map<Integer, Integer> r = mlhfq(2);
        r.remove(18);
        assertThat(Mlhfq.strict().score(r).get("emotional")).isNull();
        assertThat(Mlhfq.strict().score(r).get("physical")).isEqualTo(16.0);
        // one missing emotional item allowed: the mean of the four answered stands in for it
        assertThat(new Mlhfq(2, 1, 1).score(r)).containsEntry("emotional", 10.0).containsEntry("total", 42.0);
        r.put(5, 6);
        assertThatThrownBy(() -> Mlhfq.strict().score(r)).isInstanceOf(InstrumentException.class)
                .hasMessage("total, item 5: 6 is outside 0–5");
        assertThatThrownBy(() -> Mlhfq.strict().score(Map.of(22, 1))).hasMessage("MLHFQ has items 1–21, not 22");
    }

    /** An illustrative table: two physical-limitation items with "6 = other reasons", two symptom items, etc. */
    private static final Kccq KCCQ = new Kccq(List.of(
            new Kccq.Item("pl1", Kccq.PHYSICAL_LIMITATION, 1, 5, false, Set.of(6)),
            new Kccq.Item("pl2", Kccq.PHYSICAL_LIMITATION, 1, 5, false, Set.of(6)),
            new Kccq.Item("pl3", Kccq.PHYSICAL_LIMITATION, 1, 5, false, Set.of(6)),
            new Kccq.Item("sf1", Kccq.SYMPTOM_FREQUENCY, 1, 5, false, null),
            new Kccq.Item("sf2", Kccq.SYMPTOM_FREQUENCY, 1, 7, false, null),
            new Kccq.Item("sb1", Kccq.SYMPTOM_BURDEN, 1, 5, true, null),
            new Kccq.Item("ql1", Kccq.QUALITY_OF_LIFE, 1, 5, false, null),
            new Kccq.Item("sl1", Kccq.SOCIAL_LIMITATION, 1, 5, false, Set.of(6)),
            new Kccq.Item("sl2", Kccq.SOCIAL_LIMITATION, 1, 5, false, Set.of(6))),
            Map.of(Kccq.PHYSICAL_LIMITATION, 2, Kccq.SOCIAL_LIMITATION, 2));

    @Test
    void kccqDomainsAndSummaries() {
        Map<String, Integer> r = new LinkedHashMap<>(Map.of("pl1", 5, "pl2", 3, "pl3", 6, "sf1", 4, "sf2", 7, "sb1", 2,
                "ql1", 3, "sl1", 5, "sl2", 4));
        Map<String, Double> s = KCCQ.score(r);
        assertThat(s.get(Kccq.PHYSICAL_LIMITATION)).isEqualTo(75.0); // (100 + 50) / 2; pl3 "other reasons" is missing
        assertThat(s.get(Kccq.SYMPTOM_FREQUENCY)).isEqualTo(87.5);   // (75 + 100) / 2
        assertThat(s.get(Kccq.SYMPTOM_BURDEN)).isEqualTo(75.0);      // reversed: 100 − 25
        assertThat(s.get("total symptom")).isEqualTo(81.25);
        assertThat(s.get("clinical summary")).isEqualTo(78.125);
        assertThat(s.get(Kccq.SOCIAL_LIMITATION)).isEqualTo(87.5);
        assertThat(s.get("overall summary")).isCloseTo((75 + 81.25 + 50 + 87.5) / 4, within(1e-12));
        // physical limitation needs two answered items
        r.put("pl2", 6);
        assertThat(KCCQ.score(r).get(Kccq.PHYSICAL_LIMITATION)).isNull();
        assertThat(KCCQ.score(r).get("clinical summary")).isNull();
        assertThatThrownBy(() -> KCCQ.score(Map.of("sf2", 8))).hasMessage("KCCQ item sf2: 8 is outside 1–7");
        assertThatThrownBy(() -> KCCQ.score(Map.of("zz", 1))).hasMessage("KCCQ has no item zz in this table");
    }

    @Test
    void sf12SummariesAreTheirConstantsPlusTheResponsesWeights() {
        Map<String, Map<Integer, Sf12.Weight>> table = new LinkedHashMap<>();
        for (int i = 1; i <= 12; i++) {
            // reference category 1 weighs nothing; the others an illustrative amount
            table.put("q" + i, Map.of(1, new Sf12.Weight(0, 0), 2, new Sf12.Weight(-1.5, 0.5), 3,
                    new Sf12.Weight(-3.0, 1.25)));
        }
        Sf12 sf12 = new Sf12(table);
        Map<String, Integer> r = new HashMap<>();
        for (int i = 1; i <= 12; i++) {
            r.put("q" + i, 1);
        }
        assertThat(sf12.score(r)).isEqualTo(new Sf12.Summaries(56.57706, 60.75781));
        r.put("q3", 2);
        r.put("q7", 3);
        Sf12.Summaries s = sf12.score(r);
        assertThat(s.pcs()).isCloseTo(56.57706 - 4.5, within(1e-9));
        assertThat(s.mcs()).isCloseTo(60.75781 + 1.75, within(1e-9));
        r.remove("q12");
        assertThat(sf12.score(r)).isEqualTo(new Sf12.Summaries(null, null));
        r.put("q12", 9);
        assertThatThrownBy(() -> sf12.score(r)).hasMessage("SF-12 item q12: 9 is not one of its responses [1, 2, 3]");
        assertThatThrownBy(() -> new Sf12(Map.of())).hasMessageContaining("12 items");
    }
}
