package org.stroma.cli.chia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.trial.eligibility.rule.RuleParser;

class RuleLeavesTest {

    private static List<RuleLeaf> leaves(String rule) {
        return RuleLeaves.of(RuleParser.parse(rule));
    }

    @Test
    void eachNotAboveALeafTurnsItsPolarity() {
        List<RuleLeaf> l = leaves("any(not(condition stroke ever), condition diabetes_type2 now, "
                + "not(all(measure lvef <= 45 % now, not(procedure pci ever))))");
        assertThat(l).extracting(x -> x.rule().ruleText()).containsExactly("condition stroke ever",
                "condition diabetes_type2 now", "measure lvef <= 45 % now", "procedure pci ever");
        assertThat(l).extracting(RuleLeaf::negated).containsExactly(true, false, true, false);
    }

    @Test
    void attestationsAndReferencesAreNotLeaves() {
        assertThat(leaves("all(attest \"severe?\", ref I2, medication corticosteroid named \"prednisone\" within 30 days)"))
                .singleElement().satisfies(x -> {
                    assertThat(x.subject().concepts()).containsExactly("corticosteroid");
                    assertThat(x.subject().drugNames()).containsExactly("prednisone");
                    assertThat(x.subject().window()).isNotNull();
                    assertThat(x.subject().aboutCondition()).isFalse();
                });
    }
}
