package org.stroma.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.fhir.synthea.SyntheaRunner;
import org.stroma.fhir.synthea.SyntheticPopulation;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.CriterionResult;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.eligibility.Verdict;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.patient.PatientRecord;

/**
 * A seeded Synthea population of heart-failure patients, screened against the three cardiac seeds. For the age range,
 * the LVEF thresholds and HbA1c, every verdict is checked against a computation of its own straight from the bundles'
 * JSON: the patient's age on the screening date, and the latest result of the LOINC code within the 12 months before.
 */
class SyntheaScreeningTest {
    private static final LocalDate SCREENED = LocalDate.of(2026, 1, 1);
    private static final SyntheticPopulation POPULATION = SyntheticPopulation.heartFailure(42, 20, SCREENED);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<PatientRecord> patients;
    private static Map<String, Facts> facts;

    /** What the test reads for itself from a patient's bundle. */
    record Facts(LocalDate birthDate, Map<String, Result> latest, boolean onDiabetesDrug) {
    }

    record Result(double value, LocalDate date) {
    }

    @BeforeAll
    static void generateAndRead() throws Exception {
        Path fhir = new SyntheaRunner(Path.of(System.getProperty("stroma.synthea.lib")),
                Path.of(System.getProperty("stroma.synthea.cache"))).generate(POPULATION);
        patients = new FhirPatientReader().read(fhir);
        facts = new HashMap<>();
        try (Stream<Path> files = Files.list(fhir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode bundle = JSON.readTree(file.toFile());
                String id = null;
                LocalDate birth = null;
                Map<String, Result> latest = new HashMap<>();
                boolean diabetesDrug = false;
                for (JsonNode entry : bundle.path("entry")) {
                    JsonNode r = entry.path("resource");
                    switch (r.path("resourceType").asText()) {
                        case "Patient" -> {
                            id = r.path("id").asText();
                            birth = LocalDate.parse(r.path("birthDate").asText());
                        }
                        case "Observation" -> {
                            String code = r.path("code").path("coding").path(0).path("code").asText();
                            JsonNode value = r.path("valueQuantity").path("value");
                            LocalDate date = LocalDate.parse(r.path("effectiveDateTime").asText().substring(0, 10));
                            boolean inWindow = !date.isAfter(SCREENED) && !date.isBefore(SCREENED.minusMonths(12));
                            Result before = latest.get(code);
                            if (value.isNumber() && inWindow && (before == null || !date.isBefore(before.date()))) {
                                latest.put(code, new Result(value.asDouble(), date));
                            }
                        }
                        case "MedicationRequest" -> {
                            String drug = r.path("medicationCodeableConcept").path("text").asText().toLowerCase();
                            boolean active = r.path("status").asText().equals("active");
                            diabetesDrug |= active && (drug.contains("metformin") || drug.contains("insulin")
                                    || drug.contains("glipizide") || drug.contains("liraglutide"));
                        }
                        default -> { }
                    }
                }
                facts.put(id, new Facts(birth, latest, diabetesDrug));
            }
        }
    }

    private static Screening screening(String seed) throws IOException {
        try (InputStream in = SyntheaScreeningTest.class.getResourceAsStream("/fixtures/seeds/" + seed + ".txt")) {
            Protocol protocol = new RegistryImporter().read(in.readAllBytes()).get(0).protocol();
            return new Screening(ConceptDictionary.standard(),
                    new CriteriaCompiler(ConceptDictionary.standard()).compile(protocol));
        }
    }

    private static int age(Facts f) {
        return Period.between(f.birthDate(), SCREENED).getYears();
    }

    /** The verdict the LVEF rule must give: unknown with no result (or an implausible one) in the window. */
    private static Verdict lvef(Facts f, java.util.function.DoublePredicate holds) {
        Result r = f.latest().get("10230-1");
        if (r == null || r.value() < 5 || r.value() > 90) {
            return Verdict.UNKNOWN;
        }
        return holds.test(r.value()) ? Verdict.MET : Verdict.NOT_MET;
    }

    private static void assertCitesLatest(CriterionResult c, Result r) {
        if (r != null && c.verdict() != Verdict.UNKNOWN) {
            assertThat(c.evidence()).anySatisfy(e -> assertThat(e.date()).isEqualTo(r.date()));
        }
    }

    @Test
    void theWholePopulationIsReadAndEveryPatientScreened() throws IOException {
        assertThat(patients).hasSize(POPULATION.size());
        assertThat(facts.keySet()).containsExactlyInAnyOrderElementsOf(patients.stream().map(PatientRecord::id).toList());
        for (String seed : List.of(CardiacSeeds.MESAMI2, CardiacSeeds.ACESO, CardiacSeeds.UC_MSC_DCM)) {
            Map<PatientVerdict, Integer> counts = new EnumMap<>(PatientVerdict.class);
            Screening screening = screening(seed);
            for (PatientRecord p : patients) {
                ScreeningResult r = screening.screen(p, SCREENED);
                counts.merge(r.verdict(), 1, Integer::sum);
                if (r.verdict() == PatientVerdict.INELIGIBLE) {
                    assertThat(r.failing()).isNotEmpty();
                }
            }
            System.out.println("Synthea population screened against " + seed + ": " + counts);
            assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(patients.size());
        }
    }

    @Test
    void mesami2AgeAndLvefVerdictsMatchTheBundles() throws IOException {
        Screening screening = screening(CardiacSeeds.MESAMI2);
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        int over75 = 0;
        for (PatientRecord p : patients) {
            Facts f = facts.get(p.id());
            ScreeningResult r = screening.screen(p, SCREENED);
            boolean inAgeRange = age(f) >= 18 && age(f) <= 75;
            over75 += inAgeRange ? 0 : 1;
            assertThat(r.criterion("R-AGE").verdict()).as(p.id()).isEqualTo(inAgeRange ? Verdict.MET : Verdict.NOT_MET);
            if (!inAgeRange) {
                assertThat(r.verdict()).isEqualTo(PatientVerdict.INELIGIBLE);
                assertThat(r.failing()).contains("R-AGE");
            }
            Verdict expected = lvef(f, v -> v <= 45);
            assertThat(r.criterion("I4").verdict()).as(p.id() + " LVEF " + f.latest().get("10230-1")).isEqualTo(expected);
            assertThat(r.criterion("E5").verdict()).as(p.id()).isEqualTo(expected.not());
            assertCitesLatest(r.criterion("I4"), f.latest().get("10230-1"));
            seen.merge(expected, 1, Integer::sum);
        }
        System.out.println("MESAMI2 LVEF ≤ 45 % over the Synthea population: " + seen + "; older than 75: " + over75);
        // the population must put patients on both sides of the threshold, or the check proves nothing
        assertThat(seen).containsKeys(Verdict.MET, Verdict.NOT_MET);
        assertThat(over75).isPositive().isLessThan(patients.size());
    }

    @Test
    void ucMscLvefVerdictsMatchTheBundles() throws IOException {
        Screening screening = screening(CardiacSeeds.UC_MSC_DCM);
        for (PatientRecord p : patients) {
            Facts f = facts.get(p.id());
            ScreeningResult r = screening.screen(p, SCREENED);
            assertThat(r.criterion("I5").verdict()).as(p.id()).isEqualTo(lvef(f, v -> v <= 35));
            assertThat(r.criterion("R-AGE").verdict()).isEqualTo(age(f) >= 18 ? Verdict.MET : Verdict.NOT_MET);
            assertCitesLatest(r.criterion("I5"), f.latest().get("10230-1"));
        }
    }

    @Test
    void acesoHba1cVerdictsMatchTheBundles() throws IOException {
        Screening screening = screening(CardiacSeeds.ACESO);
        int decidedByHba1c = 0;
        for (PatientRecord p : patients) {
            Facts f = facts.get(p.id());
            ScreeningResult r = screening.screen(p, SCREENED);
            Result hba1c = f.latest().get("4548-4");
            CriterionResult i4 = r.criterion("I4");
            // "HbA1c > 7 %, or on medical therapy for diabetes"
            if (hba1c != null && hba1c.value() > 7) {
                assertThat(i4.verdict()).as(p.id()).isEqualTo(Verdict.MET);
                assertCitesLatest(i4, hba1c);
                decidedByHba1c++;
            } else if (f.onDiabetesDrug()) {
                assertThat(i4.verdict()).as(p.id()).isEqualTo(Verdict.MET);
            } else if (hba1c == null) {
                assertThat(i4.verdict()).as(p.id()).isNotEqualTo(Verdict.MET);
            } else {
                assertThat(i4.verdict()).as(p.id() + " HbA1c " + hba1c).isIn(Verdict.NOT_MET, Verdict.UNKNOWN);
            }
            // "HbA1c > 8.5 % in the previous 3 months" can only hold with such a result
            Result recent = hba1c != null && !hba1c.date().isBefore(SCREENED.minusMonths(3)) ? hba1c : null;
            if (recent != null && recent.value() <= 8.5) {
                assertThat(r.criterion("E4").verdict()).as(p.id()).isEqualTo(Verdict.NOT_MET);
            }
        }
        System.out.println("ACESO: " + decidedByHba1c + " patients meet I4 by HbA1c > 7 %");
    }
}
