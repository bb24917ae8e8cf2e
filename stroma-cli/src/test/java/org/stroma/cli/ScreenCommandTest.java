package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.cli.Cli.stroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FHIR_PATIENT = "7d3c1a52-0000-4000-8000-000000000001";

    @TempDir
    Path tmp;
    Path bundle;
    Path entered;

    @BeforeEach
    void demoPatients() throws IOException {
        bundle = copy("cardiac-candidate.json");
        entered = copy("entered-patients.json");
    }

    private Path copy(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/patients/" + name)) {
            Path file = tmp.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    private Cli.Run screen(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("screen", "--trial", Cli.MESAMI2.toString(),
                "--date", "2026-06-01"));
        args.addAll(List.of(more));
        return stroma(args.toArray(String[]::new));
    }

    @Test
    void theTablePrintsEachCriterionWithItsReasonThenASummary() {
        Cli.Run run = screen("--patients", bundle.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Patient " + FHIR_PATIENT + " · trial NCT02462330 · 2026-06-01: INCOMPLETE")
                .containsPattern("I4 +inclusion +MET +left ventricular ejection fraction 40 % on 2026-05-04")
                .containsPattern("I1 +inclusion +UNKNOWN +needs the investigator's attestation")
                .contains("Summary for NCT02462330: 1 patient screened — 0 eligible, 0 ineligible, 1 incomplete");
    }

    @Test
    void theJsonListsPatientsWithTheirCriteria() throws IOException {
        Cli.Run run = screen("--patients", bundle.toString(), "--format", "json");
        assertThat(run.exit()).isZero();
        JsonNode results = JSON.readTree(run.out());
        assertThat(results.isArray()).isTrue();
        JsonNode r = results.get(0);
        assertThat(r.get("patient").asText()).isEqualTo(FHIR_PATIENT);
        assertThat(r.get("trial").asText()).isEqualTo("NCT02462330");
        assertThat(r.get("verdict").asText()).isEqualTo("INCOMPLETE");
        JsonNode i4 = null;
        for (JsonNode c : r.get("criteria")) {
            assertThat(c.get("kind").asText()).isIn("INCLUSION", "EXCLUSION");
            assertThat(c.get("verdict").asText()).isIn("MET", "NOT_MET", "UNKNOWN");
            assertThat(c.get("text").asText()).isNotBlank();
            assertThat(c.get("reason").asText()).isNotBlank();
            if (c.get("id").asText().equals("I4")) {
                i4 = c;
            }
        }
        assertThat(i4).isNotNull();
        assertThat(i4.get("verdict").asText()).isEqualTo("MET");
        assertThat(i4.at("/evidence/0/source").asText()).isEqualTo("Observation/obs-lvef");
        assertThat(i4.at("/evidence/0/date").asText()).isEqualTo("2026-05-04");
    }

    @Test
    void theCsvHasOneRowPerPatientAndCriterion() {
        Cli.Run run = screen("--patients", entered.toString(), "--format", "csv");
        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("patient,trial,date,patient_verdict,criterion,kind,nested,verdict,reason,"
                + "evidence");
        // two patients, 36 criteria each (the 35 of the record and the registry's age limits)
        assertThat(lines).hasSize(1 + 2 * 36);
        assertThat(lines).anyMatch(l -> l.startsWith("MS-RRMS-01,NCT02462330,2026-06-01,INELIGIBLE,I2,INCLUSION,"));
    }

    @Test
    void answersFromTheInvestigatorAreMergedByPatient() throws IOException {
        Path answers = tmp.resolve("answers.json");
        Files.writeString(answers, "{\"" + FHIR_PATIENT + "\": {\"I1\": true, \"E9\": false}}");
        Cli.Run run = screen("--patients", bundle.toString(), "--answers", answers.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsPattern("I1 +inclusion +MET +the investigator attested yes")
                .containsPattern("E9 +exclusion +NOT_MET +the investigator attested no");
    }

    @Test
    void severalTrialsAreScreenedInTurn() {
        Cli.Run run = stroma("screen", "--trial", Cli.MESAMI2.toString(), "--trial", Cli.MESEMS.toString(),
                "--patients", entered.toString(), "--date", "2026-06-01");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Patient MS-RRMS-01 · trial NCT02403947 · 2026-06-01: ELIGIBLE")
                .contains("Summary for NCT02462330").contains("Summary for NCT02403947");
    }

    @Test
    void anInvalidBundleIsOneLineNamingTheResource() throws IOException {
        String broken = Files.readString(bundle, StandardCharsets.UTF_8).replace("\"valueQuantity\": {\n     "
                + "\"value\": 40", "\"valueQuantity\": {\n     \"value\": \"forty\"");
        assertThat(broken).contains("forty");
        Files.writeString(bundle, broken);
        Cli.Run run = screen("--patients", bundle.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().trim()).startsWith("stroma: " + bundle + ", entry").contains("(Observation/obs-lvef)")
                .doesNotContain("\n");
    }

    @Test
    void aBadFileInAFolderLeavesOutOnlyItselfAndTheOthersAreScreened() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("patients"));
        String good = Files.readString(bundle, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("a-good.json"), good);
        // the same bundle under other ids, with one byte that is not UTF-8: its patient cannot be read
        byte[] other = good.replace("7d3c1a52-0000-4000-8000-00000000000", "5e0b2c11-0000-4000-8000-00000000000")
                .getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[other.length + 1];
        System.arraycopy(other, 0, broken, 0, 40);
        broken[40] = (byte) 0xFF;
        System.arraycopy(other, 40, broken, 41, other.length - 40);
        Files.write(folder.resolve("b-broken.json"), broken);

        Cli.Run run = screen("--patients", folder.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("Patient " + FHIR_PATIENT + " · trial NCT02462330")
                .contains("Summary for NCT02462330: 1 patient screened");
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith("stroma: " + folder.resolve("b-broken.json") + ", line 3: byte 0xff at offset 40 is not UTF-8");
    }

    @Test
    void aBadNdjsonLineLeavesOutThePatientItConcerns() throws IOException {
        JsonNode entries = JSON.readTree(bundle.toFile()).get("entry");
        StringBuilder ndjson = new StringBuilder();
        for (JsonNode e : entries) {
            ndjson.append(JSON.writeValueAsString(e.get("resource"))).append('\n');
        }
        // a second patient with nothing recorded, who is screened whatever happens to the first one's lines
        ndjson.append("{\"resourceType\":\"Patient\",\"id\":\"second\",\"gender\":\"female\"}\n");
        String[] lines = ndjson.toString().split("\n");
        int observation = 0;
        while (!lines[observation].contains("\"Observation\"")) {
            observation++;
        }
        String intact = lines[observation];
        lines[observation] = intact.replaceFirst("\\{", "{\"nonsense\":1,"); // an element FHIR does not have
        Path file = tmp.resolve("patients.ndjson");
        Files.writeString(file, String.join("\n", lines) + "\n");

        Cli.Run run = screen("--patients", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("Patient second · trial NCT02462330").doesNotContain("Patient " + FHIR_PATIENT);
        assertThat(run.err()).contains("stroma: " + file + ", line " + (observation + 1) + ": ")
                .contains("stroma: " + file + ", line " + (observation + 1) + ": Patient/" + FHIR_PATIENT
                        + " is not screened");

        // a line cut before it says whose it is could belong to anyone: nobody is screened on part of a record
        lines[observation] = intact.substring(0, intact.indexOf("\"subject\""));
        Files.writeString(file, String.join("\n", lines) + "\n");
        Cli.Run cut = screen("--patients", file.toString());
        assertThat(cut.exit()).isEqualTo(2);
        assertThat(cut.out()).doesNotContain("Patient ");
        assertThat(cut.err()).contains("stroma: " + file + ", line " + (observation + 1) + ": not JSON")
                .contains("no patient is screened: this part of the input cannot be read and does not say whose");
    }

    @Test
    void enteredDataWithAnUnknownConceptNamesItsPlace() throws IOException {
        Files.writeString(entered, Files.readString(entered, StandardCharsets.UTF_8).replace("\"edss\"", "\"edds\""));
        Cli.Run run = screen("--patients", entered.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("patients[0].observations[0]: no concept 'edds' in the concept dictionary");
    }

    @Test
    void answersForAPatientNotScreenedAreAMistake() throws IOException {
        Path answers = tmp.resolve("answers.json");
        Files.writeString(answers, "{\"someone-else\": {\"I1\": true}}");
        Cli.Run run = screen("--patients", bundle.toString(), "--answers", answers.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("answers for patients not among those screened: someone-else");
    }

    /** A study team's rule, written into the protocol file, replaces the compiled one and is kept on re-import. */
    private Path protocolWithRule(String criterion, String rule) throws IOException {
        JsonNode protocol = JSON.readTree(stroma("import", "--format", "protocol", Cli.MESAMI2.toString()).out());
        for (JsonNode c : protocol.at("/eligibility/inclusion")) {
            if (c.get("id").asText().equals(criterion)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("rule", rule);
            }
        }
        Path file = tmp.resolve("mesami2-protocol.json");
        JSON.writeValue(file.toFile(), protocol);
        return file;
    }

    @Test
    void aHandWrittenRuleInTheProtocolFileIsScreenedAndKept() throws IOException {
        Path protocol = protocolWithRule("I5", "measure lvef <= 45 % within 12 months");
        Cli.Run run = stroma("screen", "--trial", protocol.toString(), "--patients", bundle.toString(), "--date",
                "2026-06-01");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsPattern("I5 +inclusion +MET +left ventricular ejection fraction 40 %");
        JsonNode again = JSON.readTree(stroma("import", "--format", "protocol", protocol.toString()).out());
        assertThat(again.at("/eligibility/inclusion/4/rule").asText()).isEqualTo("measure lvef <= 45 % within 12 months");
    }

    @Test
    void aBrokenHandWrittenRuleNamesTheFileAndTheCriterion() throws IOException {
        Path protocol = protocolWithRule("I5", "measure lvef <= 45 % within a year");
        Cli.Run run = stroma("screen", "--trial", protocol.toString(), "--patients", bundle.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("stroma: " + protocol + ": criterion I5: ").contains("a measure rule ends with its window");
    }

    @Test
    void aMissingFileIsNamed() {
        Cli.Run run = screen("--patients", tmp.resolve("nowhere").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nowhere: no such file");
    }
}
