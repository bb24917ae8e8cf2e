package org.stroma.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.Finding;
import org.stroma.trial.eligibility.PatientFacts;
import org.stroma.trial.eligibility.RuleEvaluator;
import org.stroma.trial.eligibility.Verdict;
import org.stroma.trial.eligibility.rule.RuleParser;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;

class FhirPatientReaderTest {
    private static final String PATIENT_ID = "7d3c1a52-0000-4000-8000-000000000001";

    static String resource(String name) {
        try (InputStream in = FhirPatientReaderTest.class.getResourceAsStream("/fhir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PatientRecord cardiacPatient() {
        List<PatientRecord> patients = new FhirPatientReader().read("cardiac-patient.json",
                resource("cardiac-patient.json"));
        assertThat(patients).hasSize(1);
        return patients.get(0);
    }

    private static Observation observation(PatientRecord p, String loinc) {
        return p.observations().stream().filter(o -> o.codes().stream().anyMatch(c -> c.code().equals(loinc)))
                .findFirst().orElseThrow();
    }

    @Test
    void readsDemographics() {
        PatientRecord p = cardiacPatient();
        assertThat(p.id()).isEqualTo(PATIENT_ID);
        assertThat(p.sex()).isEqualTo(AdministrativeSex.MALE);
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(1966, 5, 20));
    }

    @Test
    void readsObservationsWithUnitDateAndReferenceRange() {
        PatientRecord p = cardiacPatient();
        Observation creatinine = observation(p, "2160-0");
        assertThat(creatinine.value()).isEqualTo(1.1);
        assertThat(creatinine.unit()).isEqualTo("mg/dL");
        assertThat(creatinine.date()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(creatinine.referenceHigh()).isEqualTo(1.3);
        assertThat(creatinine.source()).isEqualTo("Observation/obs-creat");
        // the LVEF has no date of its own: it takes its encounter's, in the encounter's own time zone
        Observation lvef = observation(p, "10230-1");
        assertThat(lvef.value()).isEqualTo(40.0);
        assertThat(lvef.date()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(observation(p, "8480-6").value()).isEqualTo(128.0);
        assertThat(observation(p, "8462-4").source()).isEqualTo("Observation/obs-bp#component2");
        assertThat(observation(p, "nyha-class").valueCode()).isEqualTo("420913000");
    }

    @Test
    void readsConditionsAndDropsThoseEnteredInError() {
        PatientRecord p = cardiacPatient();
        assertThat(p.conditions()).hasSize(2);
        Diagnosis icm = p.conditions().get(0);
        assertThat(icm.onset()).isEqualTo(LocalDate.of(2023, 2, 11));
        assertThat(icm.abatement()).isNull();
        // resolved without a date: present when recorded, over now; a year alone is its first day
        Diagnosis af = p.conditions().get(1);
        assertThat(af.onset()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(af.abatement()).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat(af.codes()).singleElement().satisfies(c -> assertThat(c.code()).isEqualTo("I48.0"));
    }

    @Test
    void readsProceduresDoneAndPlanned() {
        PatientRecord p = cardiacPatient();
        assertThat(p.procedures()).extracting(ProcedureRecord::date, ProcedureRecord::planned).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 1, 10), false),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 6, 20), true));
    }

    @Test
    void readsMedicationsWithWhatTheirRecordsSayOfTheirEnd() {
        PatientRecord p = cardiacPatient();
        Medication prednisone = p.medications().get(0);
        assertThat(prednisone.text()).isEqualTo("predniSONE 5 MG Oral Tablet");
        assertThat(prednisone.start()).isEqualTo(LocalDate.of(2025, 11, 2));
        assertThat(prednisone.end()).isNull();
        assertThat(prednisone.endUnknown()).isTrue();
        Medication rivaroxaban = p.medications().get(1);
        assertThat(rivaroxaban.codes()).singleElement().satisfies(c -> assertThat(c.code()).isEqualTo("B01AF01"));
        assertThat(rivaroxaban.endUnknown()).isFalse();
        assertThat(rivaroxaban.end()).isNull();
    }

    @Test
    void readsAllergiesAndIntolerancesAndDropsThoseRefuted() {
        String bundle = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                 {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "gender": "female"}},
                 {"resource": {"resourceType": "AllergyIntolerance", "id": "a1", "patient": {"reference": "urn:uuid:p1"},
                  "clinicalStatus": {"coding": [{"code": "active"}]}, "category": ["medication"],
                  "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "7980",
                   "display": "Penicillin G"}]}, "recordedDate": "2019-03-02"}},
                 {"resource": {"resourceType": "AllergyIntolerance", "id": "a2", "patient": {"reference": "urn:uuid:p1"},
                  "verificationStatus": {"coding": [{"code": "refuted"}]}, "code": {"text": "Sulfa drugs"}}},
                 {"resource": {"resourceType": "AllergyIntolerance", "id": "a3", "patient": {"reference": "urn:uuid:p1"},
                  "clinicalStatus": {"coding": [{"code": "resolved"}]}, "category": ["food"],
                  "code": {"text": "Peanut"}}},
                 {"resource": {"resourceType": "AllergyIntolerance", "id": "a4", "patient": {"reference": "urn:uuid:p1"},
                  "code": {"coding": [{"system": "http://snomed.info/sct", "code": "409137002",
                   "display": "No known drug allergy"}]}}},
                 {"resource": {"resourceType": "AllergyIntolerance", "id": "a5", "patient": {"reference": "urn:uuid:p1"},
                  "verificationStatus": {"coding": [{"code": "unconfirmed"}]}, "code": {"text": "Latex"}}}]}
                """;
        PatientRecord p = new FhirPatientReader().read("allergies.json", bundle).get(0);
        assertThat(p.allergies()).extracting(a -> a.substance(), a -> a.drug(), a -> a.active(), a -> a.source())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Penicillin G", true, true, "AllergyIntolerance/a1"),
                        org.assertj.core.groups.Tuple.tuple("Peanut", false, false, "AllergyIntolerance/a3"),
                        // "no known drug allergy" is no allergy; an unconfirmed one is kept as one that may not hold
                        org.assertj.core.groups.Tuple.tuple("Latex", true, false, "AllergyIntolerance/a5"));
        assertThat(p.allergies().get(0).recorded()).isEqualTo(LocalDate.of(2019, 3, 2));
        // the penicillin G is recognised as a penicillin by its RxNorm code
        Finding finding = screened(p, "allergy penicillin");
        assertThat(finding.verdict()).isEqualTo(Verdict.MET);
        assertThat(finding.evidence().get(0).matchedByName()).isNull();
    }

    @Test
    void readsImmunizationsAsVaccinesGivenOnADay() {
        String bundle = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                 {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "gender": "male"}},
                 {"resource": {"resourceType": "Immunization", "id": "i1", "status": "completed",
                  "patient": {"reference": "urn:uuid:p1"}, "occurrenceDateTime": "2026-05-10T09:30:00Z",
                  "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "21",
                   "display": "varicella"}]}}},
                 {"resource": {"resourceType": "Immunization", "id": "i2", "status": "not-done",
                  "patient": {"reference": "urn:uuid:p1"}, "occurrenceDateTime": "2026-05-20",
                  "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "140"}]}}},
                 {"resource": {"resourceType": "Immunization", "id": "i3", "status": "completed",
                  "patient": {"reference": "urn:uuid:p1"}, "occurrenceDateTime": "2026-05-21",
                  "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "998",
                   "display": "no vaccine administered"}]}}},
                 {"resource": {"resourceType": "Immunization", "id": "i4", "status": "completed",
                  "patient": {"reference": "urn:uuid:p1"}, "occurrenceString": "some years ago",
                  "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "03"}]}}}]}
                """;
        PatientRecord p = new FhirPatientReader().read("immunizations.json", bundle).get(0);
        // not given, "no vaccine administered" and a vaccine given on a day not recorded are not read
        assertThat(p.medications()).singleElement().satisfies(m -> {
            assertThat(m.start()).isEqualTo(LocalDate.of(2026, 5, 10));
            assertThat(m.end()).isEqualTo(m.start());
            assertThat(m.source()).isEqualTo("Immunization/i1");
        });
        // varicella (CVX 21) is a live vaccine, and a vaccine; the influenza vaccine was not given
        assertThat(screened(p, "medication live_vaccine within 4 weeks").verdict()).isEqualTo(Verdict.MET);
        assertThat(screened(p, "medication vaccine within 2 weeks").verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(screened(p, "medication influenza_vaccine within 6 months").verdict()).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aProceduresCategoryPlacesItInItsClass() {
        String bundle = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                 {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "gender": "male"}},
                 {"resource": {"resourceType": "Procedure", "id": "s1", "status": "completed",
                  "subject": {"reference": "urn:uuid:p1"}, "performedDateTime": "2026-05-02",
                  "category": {"coding": [{"system": "http://snomed.info/sct", "code": "387713003",
                   "display": "Surgical procedure"}]},
                  "code": {"coding": [{"system": "http://snomed.info/sct", "code": "000002",
                   "display": "Repair of inguinal hernia"}]}}},
                 {"resource": {"resourceType": "Procedure", "id": "s2", "status": "completed",
                  "subject": {"reference": "urn:uuid:p1"}, "performedDateTime": "2025-01-10",
                  "code": {"coding": [{"system": "http://snomed.info/sct", "code": "000003",
                   "display": "Some other procedure"}]}}}]}
                """;
        PatientRecord p = new FhirPatientReader().read("procedures.json", bundle).get(0);
        // the category is a broader code of the same procedure
        assertThat(p.procedures().get(0).codes()).extracting(c -> c.code()).containsExactly("000002", "387713003");
        assertThat(screened(p, "procedure surgery within 3 months").verdict()).isEqualTo(Verdict.MET);
        // the other, with no category the dictionary places nowhere: it may have been a surgery
        assertThat(screened(p, "procedure surgery within 12 months").verdict()).isEqualTo(Verdict.MET);
        assertThat(screened(p, "procedure surgery ever").verdict()).isEqualTo(Verdict.MET);
        Finding before = new RuleEvaluator(ConceptDictionary.standard(), LocalDate.of(2025, 6, 1), PatientFacts.of(p,
                ConceptDictionary.standard()), "E1", id -> null).evaluate(RuleParser.parse("procedure surgery ever"));
        assertThat(before.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    /** One rule evaluated for the patient read, on 1 June 2026. */
    private static Finding screened(PatientRecord p, String rule) {
        ConceptDictionary dictionary = ConceptDictionary.standard();
        return new RuleEvaluator(dictionary, LocalDate.of(2026, 6, 1), PatientFacts.of(p, dictionary), "E1",
                id -> null).evaluate(RuleParser.parse(rule));
    }

    @Test
    void gathersAPatientSpreadOverSeveralFiles(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"p1\","
                + "\"gender\":\"female\",\"birthDate\":\"1980-01-02\"}\n{\"resourceType\":\"Patient\",\"id\":\"p2\"}\n");
        Files.writeString(folder.resolve("Observation.ndjson"), "{\"resourceType\":\"Observation\",\"id\":\"o1\","
                + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"4548-4\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2026-01-05\","
                + "\"valueQuantity\":{\"value\":7.4,\"unit\":\"%\"}}\n");
        Files.writeString(folder.resolve("notes.txt"), "not FHIR, not read");
        List<PatientRecord> patients = new FhirPatientReader().read(folder);
        assertThat(patients).extracting(PatientRecord::id).containsExactly("p1", "p2");
        assertThat(patients.get(0).observations()).singleElement().satisfies(o -> {
            assertThat(o.value()).isEqualTo(7.4);
            assertThat(o.unit()).isEqualTo("%");
        });
        assertThat(patients.get(1).observations()).isEmpty();
        assertThat(patients.get(1).sex()).isEqualTo(AdministrativeSex.UNKNOWN);
    }

    @Test
    void malformedJsonNamesTheFile() {
        assertThatThrownBy(() -> new FhirPatientReader().read("broken.json", "{\"resourceType\": \"Bundle\", "))
                .isInstanceOf(InvalidBundleException.class).hasMessageStartingWith("broken.json")
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> new FhirPatientReader().read("plain.json", "{\"name\": \"x\"}"))
                .isInstanceOf(InvalidBundleException.class).hasMessageContaining("no \"resourceType\"");
    }

    @Test
    void anInvalidResourceIsNamedByItsPlaceTypeAndId() {
        String bundle = resource("cardiac-patient.json").replace("\"valueQuantity\": { \"value\": 1.1,",
                "\"valueQuantity\": { \"value\": \"one point one\",");
        assertThatThrownBy(() -> new FhirPatientReader().read("cardiac.json", bundle))
                .isInstanceOf(InvalidBundleException.class)
                .satisfies(e -> assertThat(((InvalidBundleException) e).resource()).isEqualTo("entry 7 (Observation/obs-creat)"))
                .hasMessageStartingWith("cardiac.json, entry 7 (Observation/obs-creat): ");
        String unknownElement = resource("cardiac-patient.json").replace("\"onsetDateTime\": \"2019\",",
                "\"onsetDateTime\": \"2019\", \"severityGrade\": 3,");
        assertThatThrownBy(() -> new FhirPatientReader().read("cardiac.json", unknownElement))
                .isInstanceOf(InvalidBundleException.class).hasMessageContaining("entry 4 (Condition/cond-2)")
                .hasMessageContaining("severityGrade");
        String badDate = resource("cardiac-patient.json").replace("\"2026-06-20\"", "\"20/06/2026\"");
        assertThatThrownBy(() -> new FhirPatientReader().read("cardiac.json", badDate))
                .isInstanceOf(InvalidBundleException.class).hasMessageContaining("entry 11 (ServiceRequest/sr-1)");
    }

    @Test
    void aResourceAboutNoPatientInTheInputIsAnError() {
        String orphan = resource("cardiac-patient.json").replace("\"subject\": { \"reference\": "
                + "\"Patient/7d3c1a52-0000-4000-8000-000000000001\" }", "\"subject\": { \"reference\": \"Patient/nobody\" }");
        assertThatThrownBy(() -> new FhirPatientReader().read("cardiac.json", orphan))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessage("cardiac.json, entry 7 (Observation/obs-creat): its subject Patient/nobody is not a patient"
                        + " in the input");
    }

    @Test
    void aPatientTwiceIsAnError() {
        String twice = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":"
                + "\"Patient\",\"id\":\"a\"}},{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"a\"}}]}";
        assertThatThrownBy(() -> new FhirPatientReader().read("twice.json", twice))
                .isInstanceOf(InvalidBundleException.class).hasMessageContaining("entry 2 (Patient/a)")
                .hasMessageContaining("appear once");
    }

    @Test
    void aNullEntryOrResourceIsNamedByItsEntry() {
        String nullResource = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Patient\",\"id\":\"p\"}},{\"resource\":null}]}";
        assertThatThrownBy(() -> new FhirPatientReader().read("nulls.json", nullResource))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessage("nulls.json, entry 2: its resource is null; leave it out or give the resource");
    }

    @Test
    void aByteThatIsNotUtf8IsNamedByItsLine() {
        byte[] content = "{\"resourceType\":\"Patient\",\n\"id\":\"p\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new FhirPatientReader().read("latin1.json", content))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessage("latin1.json, line 2: byte 0xff at offset 34 is not UTF-8 (FHIR JSON is UTF-8)");
    }

    @Test
    void readingEachFileLeavesOutOnlyTheBadOneAndThePatientItMentions() {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("good.json", resource("cardiac-patient.json").getBytes(StandardCharsets.UTF_8));
        files.put("other.ndjson", ("{\"resourceType\":\"Patient\",\"id\":\"q\"}\n"
                + "{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/q\"},\"nonsense\":1}\n")
                .getBytes(StandardCharsets.UTF_8));
        PatientReading reading = new FhirPatientReader().readEach(files);
        assertThat(reading.patients()).extracting(PatientRecord::id).containsExactly(PATIENT_ID);
        assertThat(reading.problems()).extracting(Throwable::getMessage).hasSize(2)
                .allMatch(m -> m.startsWith("other.ndjson, line 2"))
                .anyMatch(m -> m.endsWith("Patient/q is not screened: this part of their record cannot be read"));
    }
}
