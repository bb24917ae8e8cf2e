package org.stroma.trial.conduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.masking.Role;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.ManufacturingCalendar;
import org.stroma.trial.product.ProductKind;
import org.stroma.trial.product.ProductStage;
import org.stroma.trial.schedule.ManufacturingLead;
import org.stroma.trial.schedule.SchedulePlanner;

/**
 * MESAMI2 (masked, autologous, a 17-day culture) with its collections booked into the lab's culture slots: the
 * administration follows from the booking for cells and placebo alike, a full lab refuses a booking and names the first
 * free day, and a product that fails release gives its slot back and is replaced, booked and planned again.
 */
class ManufacturingPlanTest {
    private static final LocalDate COLLECTION = Journey.SCREENED.plusDays(9);

    private static String productOf(Journey j, ProductKind kind, List<String> subjects) {
        return subjects.stream().map(s -> j.conduct.products(s).get(0)).filter(p -> j.kind(p) == kind).findFirst()
                .orElseThrow();
    }

    private static String anonymous(TrialConduct t, String product) {
        return t.productView(product, Role.INVESTIGATOR, "i").toString().replace(product, "P").replace(
                t.recipientOf(product), "S").replaceAll("version=[0-9a-f]+", "version=V");
    }

    @Test
    void theAdministrationFollowsTheBookingTheSameWayForCellsAndPlacebo() {
        Journey j = new Journey(TrialFixtures.MESAMI2, 11);
        List<String> subjects = List.of("S1", "S2", "S3", "S4", "S5", "S6");
        subjects.forEach(s -> j.enrol(s, Journey.SCREENED));
        TrialConduct t = j.conduct;
        String cells = productOf(j, ProductKind.CELLS, subjects);
        String placebo = productOf(j, ProductKind.PLACEBO, subjects);
        t.setCultureCapacity(2, Journey.SCREENED);
        ManufacturingLead lead = ManufacturingLead.of(t.design().product());
        ManufacturingCalendar.Booking a = t.bookCollection(cells, COLLECTION, "lab", Journey.at(Journey.SCREENED, 13));
        ManufacturingCalendar.Booking b = t.bookCollection(placebo, COLLECTION, "lab", Journey.at(Journey.SCREENED,
                13));
        LocalDate planned = COLLECTION.plusDays(lead.cultureDays() + lead.deliveryDays());
        assertThat(a.administration()).isEqualTo(planned).isEqualTo(b.administration());
        for (String product : List.of(cells, placebo)) {
            String subject = t.recipientOf(product);
            assertThat(t.calendar(subject).visit(SchedulePlanner.ADMINISTRATION).target()).isEqualTo(planned);
            assertThat(t.productView(product, Role.INVESTIGATOR, "investigator").plannedAdministration())
                    .isEqualTo(planned);
        }
        // the blinded investigator's views of the two products differ in nothing but their ids (and the digest of them)
        assertThat(anonymous(t, cells)).isEqualTo(anonymous(t, placebo));
        // the two slots are held through the culture: a third collection waits for the first free day
        String third = subjects.stream().map(s -> t.products(s).get(0)).filter(p -> !p.equals(cells)
                && !p.equals(placebo)).findFirst().orElseThrow();
        assertThatThrownBy(() -> t.bookCollection(third, COLLECTION.plusDays(3), "lab", Journey.at(Journey.SCREENED,
                14))).hasMessageContaining("the first collection day with a slot is " + COLLECTION.plusDays(
                lead.cultureDays()));
        assertThatThrownBy(() -> t.bookCollection(third, Journey.SCREENED.minusDays(1), "lab", Journey.at(
                Journey.SCREENED, 14))).hasMessageContaining("before the product was ordered");
        assertThatThrownBy(() -> t.bookCollection(third, Journey.SCREENED.plusDays(1), "lab", Journey.at(
                Journey.SCREENED.plusDays(2), 14))).hasMessageContaining("booked from today (2026-06-03)");
        // given on its planned day, the product's vein-to-vein time is its culture and delivery
        j.treat(t.recipientOf(cells), 1, planned);
        assertThat(t.veinToVeinDays(cells)).isEqualTo(lead.cultureDays() + lead.deliveryDays());
        assertThatThrownBy(() -> t.bookCollection(cells, COLLECTION, "lab", Journey.at(planned, 20)))
                .hasMessageContaining("only a product not yet collected is booked");
    }

    @Test
    void aProductThatFailsReleaseGivesItsSlotBackAndIsReplacedAndPlannedAgain() {
        Journey j = new Journey(TrialFixtures.MESAMI2, 12);
        j.enrol("S1", Journey.SCREENED);
        TrialConduct t = j.conduct;
        String product = t.products("S1").get(0);
        t.setCultureCapacity(1, Journey.SCREENED);
        t.bookCollection(product, COLLECTION, "lab", Journey.at(Journey.SCREENED, 13));
        t.custody(product, new CustodyEvent.Collected("S1", "bone marrow", 80, Journey.at(COLLECTION, 8), "doctor"));
        t.custody(product, new CustodyEvent.ReceivedAtLab(Journey.at(COLLECTION, 12), "lab"));
        LocalDate failed = COLLECTION.plusDays(5);
        t.custody(product, new CustodyEvent.Rejected("mycoplasma detected", Journey.at(failed, 9), "lab"));
        assertThat(t.manufacturing().occupied(failed.minusDays(1))).isEqualTo(1);
        assertThat(t.manufacturing().occupied(failed)).isZero();
        assertThat(t.replaced(product)).isFalse();
        assertThatThrownBy(() -> t.replaceProduct("S1-P9", Journey.at(failed, 10))).hasMessageContaining(
                "no product S1-P9");
        String replacement = t.replaceProduct(product, Journey.at(failed, 10));
        assertThat(replacement).isEqualTo("S1-P1-2");
        assertThat(t.products("S1")).containsExactly(product, replacement);
        assertThat(t.replaced(product)).isTrue();
        assertThatThrownBy(() -> t.replaceProduct(product, Journey.at(failed, 10))).hasMessageContaining(
                "replaced already");
        assertThat(t.stage(replacement)).isEqualTo(ProductStage.ORDERED);
        assertThat(j.kind(replacement)).isEqualTo(j.kind(product));
        assertThatThrownBy(() -> t.replaceProduct(replacement, Journey.at(failed, 11))).hasMessageContaining(
                "only a product that failed release is replaced");
        // the re-plan: a second collection in the freed slot, and the administration follows it
        ManufacturingCalendar.Booking again = t.bookCollection(replacement, failed.plusDays(2), "lab", Journey.at(
                failed, 12));
        assertThat(t.calendar("S1").visit(SchedulePlanner.ADMINISTRATION).target()).isEqualTo(again
                .administration());
        j.treat("S1", 2, again.administration());
    }
}
