package org.stroma.trial.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;

class UnitsTest {
    private static final Concept CREATININE = ConceptDictionary.standard().get("creatinine");
    private static final Concept PLATELETS = ConceptDictionary.standard().get("platelets");

    @Test
    void creatinineConvertsThroughItsMolarMass() {
        // mg/dL = µmol/L ÷ 88.4
        assertThat(Units.convert(250, "µmol/L", "mg/dL", CREATININE)).isCloseTo(2.8281, within(1e-4));
        assertThat(Units.convert(2.0, "mg/dL", "µmol/L", CREATININE)).isCloseTo(176.8, within(1e-9));
        assertThat(Units.convert(0.25, "mmol/L", "umol/L", CREATININE)).isEqualTo(250.0);
        assertThat(Units.convert(20, "mg/L", "mg/dL", CREATININE)).isEqualTo(2.0);
    }

    @Test
    void aValueOnAThresholdStaysOnIt() {
        // 250 µmol/L there and back, and 0.1 mmol/L in µmol/L, carry no binary noise across a "≥ 250" or "≥ 100"
        double mgdl = Units.convert(250, "µmol/L", "mg/dL", CREATININE);
        assertThat(Units.convert(mgdl, "mg/dL", "µmol/L", CREATININE)).isEqualTo(250.0);
        assertThat(Units.convert(0.1, "mmol/L", "umol/L", CREATININE)).isEqualTo(100.0);
    }

    @Test
    void milliequivalentsAreMillimolesTimesTheIonsCharge() {
        Concept potassium = ConceptDictionary.standard().get("potassium");
        Concept calcium = ConceptDictionary.standard().get("calcium");
        assertThat(Units.convert(3.5, "mEq/L", "mmol/L", potassium)).isEqualTo(3.5);
        // calcium is divalent: 5 mEq/L is 2.5 mmol/L, 10.02 mg/dL by its molar factor (249.5 µmol/L per mg/dL)
        assertThat(Units.convert(5, "mEq/L", "mmol/L", calcium)).isEqualTo(2.5);
        assertThat(Units.convert(5, "mEq/L", "mg/dL", calcium)).isCloseTo(10.02, within(0.01));
        assertThat(Units.convert(2.5, "mmol/L", "mEq/L", calcium)).isEqualTo(5.0);
        // a concept whose charge is not given does not convert
        assertThat(Units.convert(3.5, "mEq/L", "mmol/L", CREATININE)).isNull();
    }

    @Test
    void massAndMolarConcentrationsDoNotMeetWithoutAMolarFactor() {
        assertThat(Units.convert(250, "µmol/L", "mg/dL", null)).isNull();
        assertThat(Units.convert(250, "µmol/L", "mg/dL", PLATELETS)).isNull();
    }

    @ParameterizedTest(name = "{0} {1} = {2} /µL")
    @CsvSource({
            "100, 10^9/L, 100000",
            "100, x10*9/L, 100000",
            "150, 10*3/uL, 150000",
            "150, K/uL, 150000",
            "2500, /microliter, 2500",
            "2500, cells/µL, 2500",
            "2500, /mm³, 2500"})
    void cellCountsInTheirUsualUnits(double value, String unit, double perMicrolitre) {
        assertThat(Units.convert(value, unit, "/uL", PLATELETS)).isCloseTo(perMicrolitre, within(1e-6));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = ';', value = {
            "mL/min/1.73m2; ml/min/1.73 m²",
            "mL/min/{1.73_m2}; mL/min/1.73m2",
            "ml/min 1.73m2; mL/min/1.73m2",
            "mL/kg/min; ml/min/kg",
            "µmol/L; μmol/l",
            "umol/L; µmol/L"})
    void spellingsOfOneUnit(String a, String b) {
        assertThat(Units.convert(42, a, b, CREATININE)).isEqualTo(42.0);
    }

    @Test
    void aHormonesInternationalUnitsPerLitreAreAThousandMilliUnitsPerLitre() {
        assertThat(Units.convert(25, "IU/L", "m[IU]/mL", null)).isEqualTo(25.0);
        assertThat(Units.convert(40, "U/L", "mIU/L", null)).isEqualTo(40000.0);
        assertThat(Units.convert(25, "mIU/mL", "IU/L", null)).isEqualTo(25.0);
        assertThat(Units.convert(60, "cc/min", "mL/min", null)).isEqualTo(60.0);
    }

    @Test
    void lengthsAndMasses() {
        assertThat(Units.convert(0.8, "cm", "mm", null)).isEqualTo(8.0);
        assertThat(Units.convert(154, "[lb_av]", "kg", null)).isCloseTo(69.853, within(1e-3));
    }

    @Test
    void unitsOfDifferentQuantitiesDoNotConvert() {
        assertThat(Units.convert(45, "%", "mg/dL", CREATININE)).isNull();
        assertThat(Units.convert(1.2, "mg/dL", "mL/min/1.73m2", CREATININE)).isNull();
        assertThat(Units.convert(3, "furlongs", "mm", null)).isNull();
        assertThat(Units.known("furlongs")).isFalse();
        assertThat(Units.known("µmol/L")).isTrue();
    }

    @Test
    void conversionsThatAreNotAFactor() {
        // HbA1c: the IFCC–NGSP master equation (48 mmol/mol ≈ 6.5 %, 53 ≈ 7.0 %, 64 ≈ 8.0 %, 75 ≈ 9.0 %)
        Concept hba1c = ConceptDictionary.standard().get("hba1c");
        assertThat(Units.convert(48, "mmol/mol", "%", hba1c)).isCloseTo(6.5, within(0.05));
        assertThat(Units.convert(53, "mmol/mol", "%", hba1c)).isCloseTo(7.0, within(0.05));
        assertThat(Units.convert(75, "mmol/mol", "%", hba1c)).isCloseTo(9.0, within(0.05));
        assertThat(Units.convert(Units.convert(64, "mmol/mol", "%", hba1c), "%", "mmol/mol", hba1c)).isEqualTo(64.0);
        // degrees: 100.4 °F is 38 °C
        assertThat(Units.convert(100.4, "F", "Cel", null)).isEqualTo(38.0);
        assertThat(Units.convert(37, "℃", "[degF]", null)).isCloseTo(98.6, within(1e-9));
        // an eGFR written "mL/min" is its number per 1.73 m², by convention rather than by a factor
        assertThat(Units.convert(45, "mL/min", "mL/min/1.73m2", null)).isEqualTo(45.0);
        assertThat(Units.byConvention("ml/min", "mL/min/1.73m2")).isTrue();
        assertThat(Units.byConvention("mL/min/1.73m2", "mL/min")).isFalse();
        assertThat(Units.convert(45, "mL/min/1.73m2", "mL/min", null)).isNull();
    }

    @Test
    void theUnitsOfTheNewerConceptsConvert() {
        Concept hemoglobin = ConceptDictionary.standard().get("hemoglobin");
        assertThat(Units.convert(9, "g/dL", "g/L", hemoglobin)).isEqualTo(90.0);
        // haemoglobin in mmol/L, as Dutch laboratories give it: g/dL × 0.6206
        assertThat(Units.convert(10, "g/dL", "mmol/L", hemoglobin)).isCloseTo(6.206, within(1e-9));
        assertThat(Units.convert(0.05, "ng/mL", "ng/L", null)).isEqualTo(50.0);
        assertThat(Units.convert(125, "pg/mL", "ng/L", null)).isEqualTo(125.0);
        assertThat(Units.convert(40, "mm Hg", "kPa", null)).isCloseTo(5.333, within(1e-3));
        assertThat(Units.convert(0.45, "s", "ms", null)).isEqualTo(450.0);
        assertThat(Units.convert(3, "mg/mmol", "mg/g", null)).isCloseTo(26.52, within(1e-9));
        assertThat(Units.convert(2.5, "µIU/mL", "mIU/L", null)).isEqualTo(2.5);
        assertThat(Units.convert(140, "mmHg", "mg/dL", null)).isNull();
    }

    @Test
    void hormonesVitaminsViralLoadsAndGestation() {
        ConceptDictionary dictionary = ConceptDictionary.standard();
        // testosterone: 300 ng/dL ≈ 10.4 nmol/L (molar mass 288.4 g/mol)
        assertThat(Units.convert(300, "ng/dL", "nmol/L", dictionary.get("testosterone"))).isCloseTo(10.4, within(0.01));
        assertThat(Units.convert(300, "ng/dL", "ng/mL", null)).isEqualTo(3.0);
        // 25-hydroxyvitamin D: 30 ng/mL ≈ 74.9 nmol/L; vitamin B12: 300 pg/mL ≈ 221 pmol/L
        assertThat(Units.convert(30, "ng/mL", "nmol/L", dictionary.get("vitamin_d"))).isCloseTo(74.9, within(0.1));
        assertThat(Units.convert(300, "pg/mL", "pmol/L", dictionary.get("vitamin_b12"))).isCloseTo(221.3, within(0.1));
        // serum phosphate 3.1 mg/dL ≈ 1.0 mmol/L; calcium 10 mg/dL ≈ 2.5 mmol/L
        assertThat(Units.convert(3.1, "mg/dL", "mmol/L", dictionary.get("phosphate"))).isCloseTo(1.0, within(0.01));
        assertThat(Units.convert(10, "mg/dL", "mmol/L", dictionary.get("calcium"))).isCloseTo(2.495, within(0.001));
        // hCG and FSH in mIU/mL are IU/L; HBV DNA in IU/mL
        assertThat(Units.convert(5, "mIU/mL", "m[IU]/L", null)).isEqualTo(5000.0);
        assertThat(Units.convert(2000, "IU/mL", "[IU]/mL", null)).isEqualTo(2000.0);
        assertThat(Units.convert(0.002, "IU/mL", "mIU/mL", null)).isEqualTo(2.0);
        assertThat(Units.convert(400, "copies/mL", "{copies}/mL", null)).isEqualTo(400.0);
        // gestational age: 37 weeks is 259 days; weeks are not seconds
        assertThat(Units.convert(37, "weeks", "wk", null)).isEqualTo(37.0);
        assertThat(Units.convert(259, "days", "wk", null)).isEqualTo(37.0);
        assertThat(Units.convert(2, "wk", "s", null)).isNull();
        assertThat(Units.convert(20, "/day", "/d", null)).isEqualTo(20.0);
    }

    @Test
    void gaitSpeedAndPackYears() {
        // a walking speed of 1.2 m/sec is 72 m/min; metres per second are neither metres nor seconds
        assertThat(Units.convert(1.2, "m/sec", "m/s", null)).isEqualTo(1.2);
        assertThat(Units.convert(72, "m/min", "m/s", null)).isEqualTo(1.2);
        assertThat(Units.convert(1, "m/s", "m", null)).isNull();
        assertThat(Units.convert(1, "m/s", "s", null)).isNull();
        assertThat(Units.convert(20, "pack-years", "{PackYears}", null)).isEqualTo(20.0);
        assertThat(Units.convert(20, "{PackYears}", "/d", null)).isNull();
    }
}
