package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.cli.Cli.stroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Cli.FIXTURES;
    private static final Path MESAMI2 = Cli.MESAMI2;
    private static final Path MESEMS = Cli.MESEMS;
    private static final Path V2 = FIXTURES.resolve("ctgov/api-v2/NCT02753764.json");

    @TempDir
    Path tmp;

    @Test
    void theSummarySaysWhatTheStudyIsAndWhatToReview() {
        Cli.Run run = stroma("import", MESAMI2.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("NCT02462330", "MESAMI2", "Enrollment: 90 (estimated)",
                "6×10^7 cells, intramyocardial", "To review:", "inferred  interventions[1].cellProduct.dose");
    }

    @Test
    void oneFileGivesOneProtocolDocumentAndSeveralGiveAnArray() throws IOException {
        JsonNode one = JSON.readTree(stroma("import", "--format", "protocol", MESAMI2.toString()).out());
        assertThat(one.isObject()).isTrue();
        assertThat(one.at("/identification/nctId").asText()).isEqualTo("NCT02462330");
        assertThat(one.at("/provenance/fields").size()).isGreaterThan(20);

        JsonNode two = JSON.readTree(stroma("import", "--format", "protocol", MESAMI2.toString(), MESEMS.toString())
                .out());
        assertThat(two.isArray()).isTrue();
        assertThat(two).extracting(n -> n.at("/identification/nctId").asText())
                .containsExactly("NCT02462330", "NCT02403947");
    }

    @Test
    void anApiV2RecordExportsAsTheSameJson() throws IOException {
        Cli.Run run = stroma("import", "--format", "ctgov-v2", V2.toString());
        assertThat(run.exit()).isZero();
        assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree(Files.readAllBytes(V2)));
    }

    @Test
    void aPageExportsAsApiV2Json() throws IOException {
        JsonNode v2 = JSON.readTree(stroma("import", "--format", "ctgov-v2", MESEMS.toString()).out());
        assertThat(v2.at("/protocolSection/identificationModule/nctId").asText()).isEqualTo("NCT02403947");
        assertThat(v2.at("/protocolSection/designModule/designInfo/interventionModel").asText()).isEqualTo("CROSSOVER");
        assertThat(v2.at("/protocolSection/designModule/enrollmentInfo/count").asInt()).isEqualTo(12);
    }

    @Test
    void aBadFileIsOneLineNamingFileAndPlaceWhileTheOthersStillImport() throws IOException {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"protocolSection\": {\"designModule\": {\"enrollmentInfo\": {\"count\": \"ninety\"}}}}");
        Cli.Run run = stroma("import", "--format", "protocol", MESAMI2.toString(), broken.toString(), MESEMS.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly("stroma: " + broken
                + ": $.protocolSection.designModule.enrollmentInfo.count: expected a whole number, found \"ninety\"");
        JsonNode out = JSON.readTree(run.out());
        assertThat(out).hasSize(2);
    }

    @Test
    void damagedRecordsOfEveryClassAreOneLineEachAndTheGoodOnesStillPrint() throws IOException {
        Path deepXml = tmp.resolve("deep.xml");
        Files.writeString(deepXml, "<clinical_study>" + "<a>".repeat(50_000) + "</a>".repeat(50_000) + "</clinical_study>");
        Path nullCondition = tmp.resolve("null-condition.json");
        Files.writeString(nullCondition, Files.readString(V2, StandardCharsets.UTF_8)
                .replaceFirst("\"conditions\":\\[", "\"conditions\":[null,"));
        Path hugeName = tmp.resolve("huge-name.json");
        Files.writeString(hugeName, Files.readString(V2, StandardCharsets.UTF_8)
                .replaceFirst("\"briefTitle\"\\s*:\\s*\"", "\"briefTitle\": \"" + "x".repeat(5_000_000)));
        Cli.Run run = stroma("import", deepXml.toString(), MESAMI2.toString(), nullCondition.toString(),
                hugeName.toString(), MESEMS.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("NCT02462330", "NCT02403947");
        assertThat(run.err().lines().toList()).containsExactly(
                "stroma: " + deepXml + ": line 1, column 209 (/clinical_study/a/a/a): elements are nested more than 64"
                        + " levels deep",
                "stroma: " + nullCondition + ": $.protocolSection.conditionsModule.conditions[0]: expected a value in the"
                        + " list, found null",
                "stroma: " + hugeName + ": $.protocolSection.identificationModule.briefTitle: a text is longer than 100000 characters");
    }

    @Test
    void truncatedJsonNamesTheLineAndColumn() throws IOException {
        Path truncated = tmp.resolve("truncated.json");
        byte[] original = Files.readAllBytes(V2);
        Files.write(truncated, java.util.Arrays.copyOf(original, original.length / 2));
        Cli.Run run = stroma("import", truncated.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("stroma: " + truncated + ": line ").contains(", column ")
                .contains("not valid JSON");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void malformedXmlNamesTheLine() throws IOException {
        Path xml = tmp.resolve("bad.xml");
        Files.writeString(xml, "<clinical_study>\n  <id_info>\n    <nct_id>NCT01234567</nct_id>\n  </id_inf>\n");
        Cli.Run run = stroma("import", xml.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("stroma: " + xml + ": line 4, column ").contains("not well-formed XML");
    }

    @Test
    void missingEmptyAndUnrecognisedFilesAreReportedPlainly() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n\n");
        Path prose = Files.writeString(tmp.resolve("notes.txt"), "Minutes of the steering committee.\n");
        Cli.Run run = stroma("import", tmp.resolve("nowhere.json").toString(), empty.toString(), prose.toString());
        assertThat(run.exit()).isEqualTo(2);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).endsWith("nowhere.json: no such file");
        assertThat(lines.get(1)).endsWith("empty.txt: the file is empty");
        assertThat(lines.get(2)).contains("notes.txt: line 1: not a recognised registry record");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anExportHoldingManyStudiesGivesOneDocumentPerStudy() throws IOException {
        ArrayNode export = JSON.createArrayNode();
        for (String id : List.of("NCT02753764", "NCT03944876", "NCT05821933")) {
            export.add(JSON.readTree(Files.readAllBytes(FIXTURES.resolve("ctgov/api-v2/" + id + ".json"))));
        }
        Path file = tmp.resolve("ctg-studies.json");
        Files.writeString(file, JSON.writeValueAsString(export), StandardCharsets.UTF_8);
        JsonNode out = JSON.readTree(stroma("import", "--format", "protocol", file.toString()).out());
        assertThat(out).extracting(n -> n.at("/identification/nctId").asText())
                .containsExactly("NCT02753764", "NCT03944876", "NCT05821933");
    }

    @Test
    void anUnknownOutputFormatIsAUsageError() {
        Cli.Run run = stroma("import", "--format", "yaml", MESAMI2.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'yaml' is not a format; use summary, protocol or ctgov-v2");
    }
}
