package org.stroma.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Dose;
import org.stroma.protocol.Quantity;

class DoseReaderTest {

    @Test
    void europeanMultiplicationDotIsReadAsAPowerOfTenAndSaysSo() {
        DoseReader.Read read = DoseReader.read("intramyocardial injection of 6.10e7 stem cells");
        assertThat(read.dose().low()).isEqualTo(Quantity.cells(6e7));
        assertThat(read.dose().isRange()).isFalse();
        assertThat(read.interpretation()).contains("6.10e7").contains("6×10^7");
        assertThat(read.dose().text()).isEqualTo("6.10e7 stem cells");
    }

    @Test
    void perKilogramRangeWithASharedMultiplier() {
        Dose dose = DoseReader.read("administered intravenously at a dose of 1-2 x 1000000 MSC/Kg body weight.").dose();
        assertThat(dose.low()).isEqualTo(Quantity.cellsPerKg(1e6));
        assertThat(dose.high()).isEqualTo(Quantity.cellsPerKg(2e6));
        assertThat(dose.isPerKilogram()).isTrue();
        assertThat(dose.toString()).isEqualTo("1×10^6–2×10^6 cells/kg");
    }

    @Test
    void wordMultiplier() {
        Dose dose = DoseReader.read("100 million Allogeneic Mesenchymal Human Stem Cells").dose();
        assertThat(dose.low()).isEqualTo(Quantity.cells(1e8));
    }

    @Test
    void superscriptExponentWithVolumeRateAndDuration() {
        Dose dose = DoseReader.read("A suspension of 1×10⁷ umbilical cord-derived mesenchymal stromal cells in 20 ml of "
                + "heparinized saline was administered by intracoronary infusion into the left coronary artery via a "
                + "standard 6 Fr catheter over 10 minutes (2 ml/min).").dose();
        assertThat(dose.low()).isEqualTo(Quantity.cells(1e7));
        assertThat(dose.volume()).isEqualTo(Quantity.millilitres(20));
        assertThat(dose.rate()).isEqualTo(new Quantity(2, Quantity.MILLILITRE_PER_MINUTE));
        assertThat(dose.duration()).isEqualTo(new Quantity(10, Quantity.MINUTE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2 x 10^6 cells/kg                                  | 2e6   | 2e6   | true",
            "2×10^6 MSCs per kg of body weight                  | 2e6   | 2e6   | true",
            "1.5 x 10e6 cells/kg                                | 1.5e6 | 1.5e6 | true",
            "a dose of 1.0E+08 cells                            | 1e8   | 1e8   | false",
            "10^8 mesenchymal stromal cells                     | 1e8   | 1e8   | false",
            "0.5-1×10^6 cells/kg                                | 5e5   | 1e6   | true",
            "1 to 2 million cells per kilogram                  | 1e6   | 2e6   | true",
            "150,000,000 cells                                  | 1.5e8 | 1.5e8 | false",
            "5x10(6) MSC/kg                                     | 5e6   | 5e6   | true",
            "a single dose of 2 billion cells                   | 2e9   | 2e9   | false",
            "between 1 and 2 millions/kg                        | 1e6   | 2e6   | true",
            "1,5 x 10^6 cells/kg                                | 1.5e6 | 1.5e6 | true",
            "Mesenchymal stromal cells 20 - 40 mill.            | 2e7   | 4e7   | false",
    })
    void commonWaysOfWritingADose(String text, double low, double high, boolean perKg) {
        Dose dose = DoseReader.read(text).dose();
        assertThat(dose.low().value()).isCloseTo(low, within(low * 1e-12));
        assertThat(dose.high().value()).isCloseTo(high, within(high * 1e-12));
        assertThat(dose.isPerKilogram()).isEqualTo(perKg);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1 single intravenous infusion",
            "Placebo delivered via peripheral intravenous infusion",
            "a standard 6 Fr catheter over 10 minutes (2 ml/min)",
            "HbA1c > 7% in 2015 and 2016",
            "Patients with NYHA class II-IV, 12345 steps per day",
    })
    void textWithoutACellCountHasNoDose(String text) {
        assertThat(DoseReader.read(text)).isNull();
    }

    @Test
    void anExponentThatLostItsSuperscriptIsReadAsAPowerOfTenAndSaysSo() {
        DoseReader.Read read = DoseReader.read("at a dose of 2 x 106 hMSC/kg (actual body weight)");
        assertThat(read.dose().low()).isEqualTo(Quantity.cellsPerKg(2e6));
        assertThat(read.interpretation()).contains("2 x 106").contains("lost its superscript");
    }

    @Test
    void ratePerHourIsConvertedToPerMinute() {
        Dose dose = DoseReader.read("1 x 10^6 cells/kg infused at 60 ml/h").dose();
        assertThat(dose.rate()).isEqualTo(new Quantity(1, Quantity.MILLILITRE_PER_MINUTE));
    }
}
