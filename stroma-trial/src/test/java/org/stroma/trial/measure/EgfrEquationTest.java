package org.stroma.trial.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.trial.patient.AdministrativeSex;

/** The published eGFR values of the reference table (domain.md §4: serum creatinine, age, sex → CKD-EPI 2021, MDRD). */
class EgfrEquationTest {

    @ParameterizedTest(name = "Scr {0} mg/dL, {1} y, {2} → CKD-EPI 2021 {3}, MDRD {4}")
    @CsvSource({
            "0.9, 55, F, 75.50, 65.01",
            "1.0, 60, M, 86.16, 76.22",
            "1.5, 70, M, 49.77, 46.27",
            "0.6, 40, F, 116.30, 110.72",
            "2.0, 65, F, 27.21, 25.01"})
    void publishedValues(double creatinine, int age, String sex, double ckdEpi, double mdrd) {
        AdministrativeSex s = sex.equals("F") ? AdministrativeSex.FEMALE : AdministrativeSex.MALE;
        // the table gives two decimals: agreement to within half of the last digit
        assertThat(EgfrEquation.CKD_EPI_2021.compute(creatinine, age, s)).isCloseTo(ckdEpi, within(0.005));
        assertThat(EgfrEquation.MDRD.compute(creatinine, age, s)).isCloseTo(mdrd, within(0.005));
    }

    @ParameterizedTest(name = "{0} µmol/L = {1} mg/dL")
    @CsvSource({"79.56, 0.9", "88.4, 1.0", "176.8, 2.0"})
    void creatinineInMicromolesGivesTheSameEgfr(double micromolar, double mgdl) {
        Double converted = Units.convert(micromolar, "µmol/L", "mg/dL", org.stroma.trial.concept.ConceptDictionary
                .standard().get("creatinine"));
        assertThat(converted).isCloseTo(mgdl, within(1e-9));
    }
}
