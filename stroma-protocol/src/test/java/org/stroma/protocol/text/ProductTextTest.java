package org.stroma.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.CellType;
import org.stroma.protocol.Crossover;
import org.stroma.protocol.Offset;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.Range;
import org.stroma.protocol.Route;
import org.stroma.protocol.Tissue;
import org.stroma.protocol.TimeUnit;

/** The readers for a cell product's attributes, a placebo's composition and the crossover switch. */
class ProductTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "single intravenous infusion of allogeneic MSCs                   | INTRAVENOUS",
            "patients will receive an IV injection of MSCs                    | INTRAVENOUS",
            "administered via IV over 30 minutes                              | INTRAVENOUS",
            "transendocardial injection using the Helix catheter              | INTRAMYOCARDIAL",
            "injected into the myocardium during CABG                         | INTRAMYOCARDIAL",
            "intracoronary infusion into the left coronary artery             | INTRACORONARY",
            "intrathecal injection by lumbar puncture                         | INTRATHECAL",
            "Single intraarticular dose of allogeneic MSCs                    | INTRA_ARTICULAR",
            "cells were delivered intratracheally to preterm infants          | INTRATRACHEAL",
            "hydrogel sheet applied topically to the ulcer                    | TOPICAL",
            "administered through the hepatic artery, intra-arterially        | INTRA_ARTERIAL",
    })
    void routes(String text, Route route) {
        assertThat(RouteReader.read(text)).isEqualTo(route);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "patients with NYHA class IV heart failure",
            "stage IV chronic kidney disease",
            "a phase IV study of cell therapy",
    })
    void theRomanNumeralIvIsNotARoute(String text) {
        assertThat(RouteReader.read(text)).isNull();
    }

    @Test
    void sourceIsWhicheverTheTextNamesFirst() {
        assertThat(CellProductReader.source("ex-vivo expanded autologous MSC")).isEqualTo(ProductSource.AUTOLOGOUS);
        assertThat(CellProductReader.source("allo-hMSCs from healthy donors")).isEqualTo(ProductSource.ALLOGENEIC);
        assertThat(CellProductReader.source("the patient's own bone marrow")).isEqualTo(ProductSource.AUTOLOGOUS);
        assertThat(CellProductReader.source("mesenchymal stromal cells")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "After bone-marrow aspiration, MSCs were cultured         | BONE_MARROW",
            "umbilical cord-derived mesenchymal stromal cells         | UMBILICAL_CORD",
            "Wharton's jelly MSCs                                     | WHARTONS_JELLY",
            "allogenic adipose-derived mesenchymal stem cells         | ADIPOSE",
            "placenta-derived decidual stromal cells                  | PLACENTA",
            "UC-MSC infusion                                          | UMBILICAL_CORD",
            "BM-MSCs                                                  | BONE_MARROW",
    })
    void tissues(String text, Tissue tissue) {
        assertThat(CellProductReader.tissue(text)).isEqualTo(tissue);
    }

    @Test
    void inTextAboutTheStudyOnlyATissueTiedToTheCellsCounts() {
        assertThat(CellProductReader.tissueOfCells("MSCs promote endothelial repair through rescue of bone marrow"
                + " progenitors")).isNull();
        assertThat(CellProductReader.tissueOfCells("a single infusion of allogeneic umbilical cord-derived mesenchymal"
                + " stromal cells")).isEqualTo(Tissue.UMBILICAL_CORD);
        assertThat(CellProductReader.tissueOfCells("MSCs isolated from the patient's bone marrow"))
                .isEqualTo(Tissue.BONE_MARROW);
    }

    @Test
    void cellTypesFromTheMostSpecific() {
        assertThat(CellProductReader.cellType("Mesenchymal stem cells")).isEqualTo(CellType.MESENCHYMAL_STROMAL);
        assertThat(CellProductReader.cellType("hMSC")).isEqualTo(CellType.MESENCHYMAL_STROMAL);
        assertThat(CellProductReader.cellType("Prochymal®")).isEqualTo(CellType.MESENCHYMAL_STROMAL);
        assertThat(CellProductReader.cellType("bone marrow mononuclear cells")).isEqualTo(CellType.MONONUCLEAR);
        assertThat(CellProductReader.cellType("autologous stem cells")).isEqualTo(CellType.OTHER_CELLS);
        assertThat(CellProductReader.cellType("Cyclosporine")).isNull();
    }

    @Test
    void cultureWindowVehicleAndDevice() {
        assertThat(CellProductReader.cultureDays("MSCs were isolated and cultured during 17±2 days"))
                .isEqualTo(new Range(15, 19, 17.0));
        assertThat(CellProductReader.cultureDays("after 14 to 21 days of culture")).isEqualTo(new Range(14, 21, null));
        assertThat(CellProductReader.vehicle("1×10^7 cells in 20 ml of heparinized saline")).isEqualTo("heparinized saline");
        assertThat(CellProductReader.vehicle("MSCs suspended in 2ml Plasmalyte")).isEqualTo("Plasmalyte");
        assertThat(CellProductReader.deliveryDevice("using the electromechanical NOGA-XP system"))
                .isEqualTo("NOGA-XP system");
    }

    @Test
    void placeboCompositionFromWhereverTheRecordSaysIt() {
        assertThat(PlaceboReader.composition(List.of("injection of human albumin 4%"), List.of("Placebo comparator")))
                .isEqualTo("human albumin 4%");
        assertThat(PlaceboReader.composition(List.of("a single dose of placebo (Cell-free PlasmaLyte-A medium"
                + " supplemented with 1% HSA) infusion."), List.of())).isEqualTo(
                "Cell-free PlasmaLyte-A medium supplemented with 1% HSA");
        assertThat(PlaceboReader.composition(List.of("a single infusion of either ex-vivo expanded autologous MSC or"
                + " suspension media will be administered"), List.of("Suspension media"))).isEqualTo("Suspension media");
        assertThat(PlaceboReader.composition(List.of("Placebo delivered via peripheral intravenous infusion"),
                List.of("Placebo", "Placebo Comparator"))).isNull();
    }

    @Test
    void crossoverSwitchFromTheArmOrStudyText() {
        Crossover crossover = CrossoverReader.read(List.of("At week 0 a single infusion … At week 24, another infusion"
                + " will be performed for cross-over re-treatment: at week 24 treatments will be reversed"));
        assertThat(crossover.periodTwoStart()).isEqualTo(new Offset(24, TimeUnit.WEEK));
        assertThat(CrossoverReader.read(List.of("Patients will be randomized. At 6 months treatments will be reversed.")))
                .extracting(Crossover::periodTwoStart).isEqualTo(new Offset(6, TimeUnit.MONTH));
        assertThat(CrossoverReader.read(List.of("Single infusion at baseline and follow-up at 6 months."))).isNull();
    }
}
