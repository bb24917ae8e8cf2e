package org.stroma.trial.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.Range;
import org.stroma.protocol.Route;
import org.stroma.trial.dosing.DosePlan;

class CustodyLedgerTest {
    private static final Instant DAY0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final DosePlan MESAMI2_DOSE = new DosePlan(6e7, 6e7, false, null, null, Route.INTRAMYOCARDIAL, 0.1);
    private static final Range CULTURE = new Range(15, 19, 17.0);
    private static final ReleaseTests GOOD = new ReleaseTests(92.0, 8e7, ReleaseTests.Finding.NEGATIVE,
            ReleaseTests.Finding.NEGATIVE, 0.1, Map.of("CD73", 99.0, "CD90", 98.0, "CD105", 97.0, "CD45", 0.5, "CD34",
            0.3, "CD14", 0.4, "CD19", 0.2, "HLA-DR", 1.0));
    private static final ReleaseTests PLACEBO_OK = new ReleaseTests(null, null, ReleaseTests.Finding.NEGATIVE,
            ReleaseTests.Finding.NEGATIVE, 0.05, Map.of());

    private final LotInventory lots = new LotInventory();
    private final CustodyLedger ledger = new CustodyLedger(ReleaseSpecification.isctDefaults(), lots);

    private static Instant day(double d) {
        return DAY0.plus(Duration.ofMinutes(Math.round(d * 24 * 60)));
    }

    private static TemperatureLog cold(double... readings) {
        List<TemperatureLog.Reading> list = new java.util.ArrayList<>();
        for (int i = 0; i < readings.length; i++) {
            list.add(new TemperatureLog.Reading(day(18 + i / 24.0), readings[i]));
        }
        return new TemperatureLog(list, 2, 8);
    }

    private void autologousUpToShipment(String id, String subject, double cultureDays, TemperatureLog temperatures) {
        ledger.open(new ProductOrder(id, subject, 1, ProductKind.CELLS, ProductSource.AUTOLOGOUS, MESAMI2_DOSE, CULTURE,
                80.0));
        ledger.record(id, new CustodyEvent.Collected(subject, "bone marrow", 80, day(0), "cardiologist"));
        ledger.record(id, new CustodyEvent.ReceivedAtLab(day(0.2), "lab"));
        ledger.record(id, new CustodyEvent.CultureStarted(day(0.3), "lab"));
        ledger.record(id, new CustodyEvent.Passaged(1, day(7), "lab"));
        ledger.record(id, new CustodyEvent.Harvested(9e7, day(0.3 + cultureDays), "lab"));
        ledger.record(id, new CustodyEvent.Tested(GOOD, day(0.4 + cultureDays), "lab"));
        ledger.record(id, new CustodyEvent.Released(day(0.5 + cultureDays), "qualified person"));
        ledger.record(id, new CustodyEvent.Labelled(new DonationNumber("F0001", 26, 1, "00"), day(17.6), "lab"));
        ledger.record(id, new CustodyEvent.Shipped("Toulouse cath lab", temperatures, day(17.7), "courier"));
    }

    @Test
    void anAutologousProductFromMarrowToVein() {
        autologousUpToShipment("S1-P1", "S1", 17, cold(4, 5, 5));
        ledger.record("S1-P1", new CustodyEvent.BedsideVerified("S1", "F0001 26 000001 00 "
                + new DonationNumber("F0001", 26, 1, "00").checkCharacter(), day(18), "nurse"));
        ledger.record("S1-P1", new CustodyEvent.Administered(new DosePlan.Given(6e7, 10, null, Route.INTRAMYOCARDIAL),
                day(18.1), day(18.15), "cardiologist"));
        assertThat(ledger.status("S1-P1").stage()).isEqualTo(ProductStage.ADMINISTERED);
        assertThat(ledger.status("S1-P1").cultureDays()).isEqualTo(17.0);
        assertThat(ledger.entries("S1-P1")).hasSize(11).allMatch(LedgerEntry::accepted);
        assertThat(ledger.entries()).extracting(LedgerEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L,
                9L, 10L, 11L);
    }

    @Test
    void eventsOutOfOrderAreRefusedAndTheRefusalIsKept() {
        ledger.open(new ProductOrder("S1-P1", "S1", 1, ProductKind.CELLS, ProductSource.AUTOLOGOUS, MESAMI2_DOSE,
                CULTURE, 80.0));
        assertThatThrownBy(() -> ledger.record("S1-P1", new CustodyEvent.CultureStarted(day(0), "lab")))
                .isInstanceOf(CustodyException.class)
                .hasMessage("product S1-P1: a culture started cannot follow ordered (it follows at lab)");
        assertThat(ledger.entries()).singleElement().satisfies(e -> assertThat(e.accepted()).isFalse());
        assertThat(ledger.status("S1-P1").stage()).isEqualTo(ProductStage.ORDERED);
        assertThatThrownBy(() -> ledger.record("S9-P1", new CustodyEvent.ReceivedAtLab(day(0), "lab")))
                .hasMessage("no product S9-P1 has been ordered");
    }

    @Test
    void aStepIsNeverDatedBeforeTheOneBeforeIt() {
        autologousUpToShipment("S1-P1", "S1", 17, cold(4, 5));
        ledger.record("S1-P1", new CustodyEvent.BedsideVerified("S1", "F0001 26 000001 00 "
                + new DonationNumber("F0001", 26, 1, "00").checkCharacter(), day(18), "nurse"));
        // the infusion cannot start before the label was checked at the bedside
        assertThatThrownBy(() -> ledger.record("S1-P1", new CustodyEvent.Administered(new DosePlan.Given(6e7, 10,
                null, Route.INTRAMYOCARDIAL), day(17.99), day(18.05), "cardiologist")))
                .isInstanceOf(CustodyException.class)
                .hasMessageContaining("administered at " + day(17.99) + " is dated before the product's previous step");
        assertThat(ledger.status("S1-P1").stage()).isEqualTo(ProductStage.VERIFIED);
        ledger.record("S1-P1", new CustodyEvent.Administered(new DosePlan.Given(6e7, 10, null,
                Route.INTRAMYOCARDIAL), day(18), day(18.05), "cardiologist"));
        assertThat(ledger.status("S1-P1").stage()).isEqualTo(ProductStage.ADMINISTERED);
    }

    @Test
    void anAutologousProductComesFromItsRecipient() {
        ledger.open(new ProductOrder("S1-P1", "S1", 1, ProductKind.CELLS, ProductSource.AUTOLOGOUS, MESAMI2_DOSE,
                CULTURE, 80.0));
        assertThatThrownBy(() -> ledger.record("S1-P1", new CustodyEvent.Collected("S2", "bone marrow", 80, day(0),
                "cardiologist"))).hasMessageContaining("the donor S2 is not the recipient S1");
    }

    @Test
    void aCultureOutsideTheProtocolsWindowIsNotReleased() {
        ledger.open(new ProductOrder("S1-P1", "S1", 1, ProductKind.CELLS, ProductSource.AUTOLOGOUS, MESAMI2_DOSE,
                CULTURE, 80.0));
        ledger.record("S1-P1", new CustodyEvent.Collected("S1", "bone marrow", 80, day(0), "c"));
        ledger.record("S1-P1", new CustodyEvent.ReceivedAtLab(day(0.1), "lab"));
        ledger.record("S1-P1", new CustodyEvent.CultureStarted(day(0.2), "lab"));
        ledger.record("S1-P1", new CustodyEvent.Harvested(9e7, day(21.2), "lab"));
        ledger.record("S1-P1", new CustodyEvent.Tested(GOOD, day(21.3), "lab"));
        assertThatThrownBy(() -> ledger.record("S1-P1", new CustodyEvent.Released(day(21.4), "qp")))
                .hasMessage("product S1-P1: cannot be released: cultured 21 days, outside the protocol's 17±2 days");
        ledger.record("S1-P1", new CustodyEvent.Rejected("culture beyond its window", day(21.5), "qp"));
        assertThat(ledger.status("S1-P1").stage()).isEqualTo(ProductStage.REJECTED);
        assertThatThrownBy(() -> ledger.record("S1-P1", new CustodyEvent.Labelled(new DonationNumber("F0001", 26, 9,
                "00"), day(22), "lab"))).hasMessageContaining("cannot follow rejected");
    }

    @Test
    void releaseTestsAgainstTheSpecificationEveryFailureNamed() {
        ReleaseTests poor = new ReleaseTests(61.0, 3e7, ReleaseTests.Finding.NEGATIVE, ReleaseTests.Finding.PENDING,
                0.7, Map.of("CD73", 99.0, "CD90", 93.0, "CD105", 97.0, "CD45", 3.5, "CD34", 0.3, "CD14", 0.4, "CD19",
                0.2));
        assertThat(ReleaseSpecification.isctDefaults().failures(poor, true, 6e7)).containsExactly(
                "mycoplasma result pending", "endotoxin 0.7 EU/mL, the limit is below 0.5",
                "viability 61 %, at least 70 % needed", "3×10^7 viable cells, the dose needs 6×10^7",
                "CD90 on 93 % of cells, at least 95 % needed", "CD45 on 3.5 % of cells, at most 2 % allowed",
                "HLA-DR not measured");
        assertThat(ReleaseSpecification.isctDefaults().failures(GOOD, true, 6e7)).isEmpty();
        assertThat(ReleaseSpecification.isctDefaults().failures(PLACEBO_OK, false, 0)).isEmpty();
    }

    @Test
    void aBedsideMismatchIsRefusedAndRecorded() {
        autologousUpToShipment("S1-P1", "S1", 17, cold(4, 5));
        DonationNumber din = new DonationNumber("F0001", 26, 1, "00");
        assertThatThrownBy(() -> ledger.record("S1-P1", new CustodyEvent.BedsideVerified("S2", din.toString(), day(18),
                "nurse"))).hasMessageContaining("MISMATCH: the product is for subject S1, the patient scanned is S2");
        assertThatThrownBy(() -> ledger.record("S1-P1", new CustodyEvent.BedsideVerified("S1", "F0001 26 000002 00",
                day(18), "nurse"))).hasMessageContaining("is not this product's");
        assertThatThrownBy(() -> ledger.record("S1-P1", new CustodyEvent.BedsideVerified("S1", "F0001 26 000001 00 Q",
                day(18), "nurse"))).hasMessageContaining("cannot be read").hasMessageContaining("check character Q");
        assertThat(ledger.entries("S1-P1")).filteredOn(e -> !e.accepted()).hasSize(3)
                .allSatisfy(e -> assertThat(e.refusal()).contains("do not administer"));
        assertThat(ledger.status("S1-P1").stage()).isEqualTo(ProductStage.SHIPPED);
        ledger.record("S1-P1", new CustodyEvent.BedsideVerified("S1", din.toString(), day(18), "nurse"));
    }

    @Test
    void aShipmentThatLeftItsTemperatureRangeIsNotGiven() {
        autologousUpToShipment("S1-P1", "S1", 17, cold(4, 11.5, 5));
        assertThatThrownBy(() -> ledger.record("S1-P1", new CustodyEvent.BedsideVerified("S1",
                new DonationNumber("F0001", 26, 1, "00").toString(), day(18), "nurse")))
                .hasMessageContaining("the shipment left its temperature range: 1 reading outside 2–8 °C (11.5 °C");
    }

    @Test
    void aDonationNumberLabelsOneProductOnly() {
        autologousUpToShipment("S1-P1", "S1", 17, cold(4));
        ledger.open(new ProductOrder("S2-P1", "S2", 1, ProductKind.PLACEBO, ProductSource.AUTOLOGOUS, MESAMI2_DOSE,
                CULTURE, 80.0));
        ledger.record("S2-P1", new CustodyEvent.Collected("S2", "bone marrow", 80, day(0), "c"));
        ledger.record("S2-P1", new CustodyEvent.ReceivedAtLab(day(0.1), "lab"));
        assertThatThrownBy(() -> ledger.record("S2-P1", new CustodyEvent.CultureStarted(day(0.2), "lab")))
                .hasMessageContaining("a placebo is not cultured");
        ledger.record("S2-P1", new CustodyEvent.PlaceboPrepared("human albumin 4%", day(17), "lab"));
        ledger.record("S2-P1", new CustodyEvent.Tested(PLACEBO_OK, day(17.2), "lab"));
        ledger.record("S2-P1", new CustodyEvent.Released(day(17.4), "qp"));
        assertThatThrownBy(() -> ledger.record("S2-P1", new CustodyEvent.Labelled(new DonationNumber("F0001", 26, 1,
                "00"), day(17.6), "lab"))).hasMessageContaining("already labels product S1-P1");
    }

    @Test
    void theDoseGivenMustBeTheProtocols() {
        autologousUpToShipment("S1-P1", "S1", 17, cold(4));
        ledger.record("S1-P1", new CustodyEvent.BedsideVerified("S1", new DonationNumber("F0001", 26, 1, "00")
                .toString(), day(18), "nurse"));
        assertThatThrownBy(() -> ledger.record("S1-P1", new CustodyEvent.Administered(new DosePlan.Given(8e7, 10, null,
                Route.INTRAMYOCARDIAL), day(18.1), day(18.2), "cardiologist"))).hasMessageContaining(
                "not the protocol's dose: 8×10^7 cells is outside the protocol's 6×10^7 cells");
    }

    @Test
    void allogeneicProductsComeFromReleasedLotsWhileVialsLast() {
        lots.add(new ProductLot("LOT-7", "D-0042", 3, 5e7, true, LocalDate.of(2027, 1, 1)));
        lots.add(new ProductLot("LOT-8", "D-0043", 10, 5e7, false, LocalDate.of(2027, 1, 1)));
        DosePlan aceso = new DosePlan(1e8, 1e8, false, null, null, Route.INTRAVENOUS, 0.1);
        ledger.open(new ProductOrder("A1-P1", "A1", 1, ProductKind.CELLS, ProductSource.ALLOGENEIC, aceso, null, null));
        ledger.open(new ProductOrder("A2-P1", "A2", 1, ProductKind.CELLS, ProductSource.ALLOGENEIC, aceso, null, null));
        assertThatThrownBy(() -> ledger.record("A1-P1", new CustodyEvent.Collected("A1", "bone marrow", 50, day(0),
                "c"))).hasMessageContaining("comes from a lot");
        assertThatThrownBy(() -> ledger.record("A1-P1", new CustodyEvent.IssuedFromLot("LOT-8", 2, day(0), "pharmacist")))
                .hasMessageContaining("lot LOT-8 is not released");
        ledger.record("A1-P1", new CustodyEvent.IssuedFromLot("LOT-7", 2, day(0), "pharmacist"));
        assertThat(lots.vialsLeft("LOT-7")).isEqualTo(1);
        assertThatThrownBy(() -> ledger.record("A2-P1", new CustodyEvent.IssuedFromLot("LOT-7", 2, day(0), "pharmacist")))
                .hasMessageContaining("lot LOT-7 has 1 vials left, not 2");
        ledger.record("A1-P1", new CustodyEvent.ReceivedAtLab(day(0.1), "lab"));
        assertThatThrownBy(() -> ledger.record("A1-P1", new CustodyEvent.CultureStarted(day(0.2), "lab")))
                .isInstanceOf(CustodyException.class);
        ledger.record("A1-P1", new CustodyEvent.Tested(new ReleaseTests(90.0, 1.02e8, ReleaseTests.Finding.NEGATIVE,
                ReleaseTests.Finding.NEGATIVE, 0.1, GOOD.markers()), day(0.2), "lab"));
        ledger.record("A1-P1", new CustodyEvent.Released(day(0.3), "qp"));
        assertThat(ledger.status("A1-P1").stage()).isEqualTo(ProductStage.RELEASED);
    }
}
