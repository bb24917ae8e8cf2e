package org.stroma.trial.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.MaskedParty;
import org.stroma.protocol.Offset;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.Quantity;
import org.stroma.protocol.Route;
import org.stroma.protocol.TimeUnit;
import org.stroma.protocol.json.ProtocolJson;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.dosing.DosePlan;
import org.stroma.trial.randomization.AllocationMethod;

/** Each seed protocol, loaded through the importer, yields its design. */
class DesignReaderTest {

    private static TrialDesign design(String seed) {
        return DesignReader.read(TrialFixtures.protocol(seed));
    }

    @Test
    void mesami2IsOneToOneStratifiedByItsSixSitesWithDoubleMasking() {
        TrialDesign d = design(TrialFixtures.MESAMI2);
        assertThat(d.kind()).isEqualTo(DesignKind.PARALLEL);
        assertThat(d.ratio().groups()).containsExactly("A", "B");
        assertThat(d.ratio().weights()).containsExactly(1, 1);
        assertThat(d.sites()).hasSize(6);
        assertThat(d.method()).isEqualTo(new AllocationMethod.PermutedBlocks(List.of(1, 2, 3), List.of("site")));
        assertThat(d.masked()).containsExactlyInAnyOrder(MaskedParty.PARTICIPANT, MaskedParty.INVESTIGATOR);
        assertThat(d.arm("A").isPlacebo()).isTrue();
        assertThat(d.arm("B").product().source()).isEqualTo(ProductSource.AUTOLOGOUS);
        assertThat(d.arm("B").product().cultureDays()).hasToString("17±2");
        assertThat(d.assumptions()).extracting(Assumption::what).contains("allocation 1:1 (A, B)",
                "stratified by site (6 sites)");
    }

    @Test
    void bothMesemsTrialsAreAbBaCrossoversWithQuadrupleMaskingAndTheWeek24Switch() {
        for (String seed : List.of(TrialFixtures.MESEMS_T, TrialFixtures.MESEMS_G)) {
            TrialDesign d = design(seed);
            assertThat(d.kind()).as(seed).isEqualTo(DesignKind.CROSSOVER);
            assertThat(d.ratio().groups()).containsExactly("AB", "BA");
            assertThat(d.masked()).containsExactlyInAnyOrder(MaskedParty.values());
            assertThat(d.periods()).extracting(Period::start).containsExactly(new Offset(0, TimeUnit.WEEK),
                    new Offset(24, TimeUnit.WEEK));
            assertThat(d.armsOf("BA")).extracting(TrialArm::isPlacebo).containsExactly(true, false);
            assertThat(d.product().dose().isPerKilogram()).isTrue();
            assertThat(d.method().strata()).isEmpty();
        }
    }

    @Test
    void acesoGivesAllogeneicCellsAgainstAPlaceboArm() {
        TrialDesign d = design(TrialFixtures.ACESO);
        assertThat(d.kind()).isEqualTo(DesignKind.PARALLEL);
        assertThat(d.product().source()).isEqualTo(ProductSource.ALLOGENEIC);
        assertThat(d.product().dose().low()).isEqualTo(Quantity.cells(1e8));
        assertThat(d.arms()).filteredOn(TrialArm::isPlacebo).singleElement()
                .satisfies(a -> assertThat(a.placebo().composition()).contains("PlasmaLyte"));
    }

    @Test
    void theUmbilicalCordTrialIsASingleArmWithA2MlPerMinuteInfusion() {
        TrialDesign d = design(TrialFixtures.UC_MSC_DCM);
        assertThat(d.kind()).isEqualTo(DesignKind.SINGLE_GROUP);
        assertThat(d.method()).isInstanceOf(AllocationMethod.SingleGroup.class);
        assertThat(d.masked()).isEmpty();
        DosePlan plan = DosePlan.of(d.product());
        assertThat(plan.rateMlPerMinute()).isEqualTo(2.0);
        assertThat(plan.volumeMl()).isEqualTo(20.0);
        assertThat(plan.minutesFor(20)).isEqualTo(10.0);
        assertThat(plan.route()).isEqualTo(Route.INTRACORONARY);
        assertThat(d.product().source()).isEqualTo(ProductSource.ALLOGENEIC);
    }

    @Test
    void eachArmCarriesTheDoseItsProtocolPlansAndAPlaceboArmNone() {
        TrialDesign mesami2 = design(TrialFixtures.MESAMI2);
        assertThat(mesami2.arm("A").dose()).isNull();
        DosePlan cells = mesami2.arm("B").dose();
        assertThat(cells.perKilogram()).isFalse();
        assertThat(cells.low()).isEqualTo(6e7);
        assertThat(cells.high()).isEqualTo(6e7);
        assertThat(cells.route()).isEqualTo(Route.INTRAMYOCARDIAL);
        // every product, the placebo too, is made and given by the cells' plan: their volume, rate and route
        assertThat(mesami2.productPlan()).isEqualTo(cells);

        for (String seed : List.of(TrialFixtures.MESEMS_T, TrialFixtures.MESEMS_G)) {
            TrialDesign d = design(seed);
            assertThat(d.arms()).as(seed).filteredOn(TrialArm::isPlacebo).extracting(TrialArm::dose)
                    .containsOnlyNulls();
            DosePlan plan = d.arms().stream().filter(a -> !a.isPlacebo()).findFirst().orElseThrow().dose();
            assertThat(plan.perKilogram()).as(seed).isTrue();
            assertThat(new double[] {plan.low(), plan.high()}).as(seed).containsExactly(1e6, 2e6);
            assertThat(plan.route()).as(seed).isEqualTo(Route.INTRAVENOUS);
            assertThat(d.productPlan()).as(seed).isEqualTo(plan);
            // each sequence's periods plan the dose of the arm given in that period
            assertThat(d.armsOf("AB")).extracting(TrialArm::dose).containsExactly(d.arm("A").dose(),
                    d.arm("B").dose());
        }

        TrialDesign aceso = design(TrialFixtures.ACESO);
        DosePlan allogeneic = aceso.arms().stream().filter(a -> !a.isPlacebo()).findFirst().orElseThrow().dose();
        assertThat(allogeneic.perKilogram()).isFalse();
        assertThat(allogeneic.low()).isEqualTo(1e8);

        TrialDesign single = design(TrialFixtures.UC_MSC_DCM);
        assertThat(single.arms()).singleElement().satisfies(a -> {
            assertThat(a.dose().volumeMl()).isEqualTo(20.0);
            assertThat(a.dose().rateMlPerMinute()).isEqualTo(2.0);
            assertThat(a.dose().route()).isEqualTo(Route.INTRACORONARY);
            assertThat(new double[] {a.dose().low(), a.dose().high()}).containsExactly(1e7, 1e7);
        });
    }

    @Test
    void aDoseThatIsNotADosePlansNoneAndIsSaidAsAnAssumptionSoTheTrialStillRuns() {
        ObjectNode tree = (ObjectNode) ProtocolJson.toTree(TrialFixtures.protocol(TrialFixtures.MESAMI2));
        for (JsonNode intervention : tree.path("interventions")) {
            JsonNode low = intervention.path("cellProduct").path("dose").path("low");
            if (low.isObject()) {
                ((ObjectNode) low).put("value", 0);
            }
        }
        TrialDesign d = DesignReader.read(ProtocolJson.fromTree(tree, "MESAMI2 with no cells"));
        assertThat(d.arm("B").dose()).isNull();
        assertThat(d.assumptions()).extracting(Assumption::what).contains("arm B plans no dose");
        assertThat(d.productPlan()).as("the products plan no dose either, rather than refusing every randomization")
                .isNull();
    }
}
