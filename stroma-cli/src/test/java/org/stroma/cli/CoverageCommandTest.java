package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.cli.Cli.stroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageCommandTest {
    private static final Path DOC = Path.of(System.getProperty("user.dir")).resolve("../docs/eligibility-coverage.md")
            .normalize();

    @Test
    void theReportCoversTheFiveReferenceTrials() {
        Cli.Run run = stroma("eligibility", "coverage");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("# Eligibility coverage").contains("## NCT02462330 (MESAMI2)")
                .contains("## NCT01854957").contains("| **all 5** |");
    }

    @Test
    void theCommittedReportIsTheOneTheCommandWritesToday(@TempDir Path tmp) throws IOException {
        Path written = tmp.resolve("coverage.md");
        assertThat(stroma("eligibility", "coverage", "--out", written.toString()).exit()).isZero();
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int chia = doc.indexOf(CoverageCommand.CHIA_SECTION);
        String generated = chia < 0 ? doc : doc.substring(0, chia - 1);
        assertThat(generated)
                .as("docs/eligibility-coverage.md is out of date; run " + CoverageCommand.REFERENCE_COMMAND)
                .isEqualTo(Files.readString(written, StandardCharsets.UTF_8));
    }

    @Test
    void rewritingTheReportKeepsTheChiaSectionThatFollowsIt(@TempDir Path tmp) throws IOException {
        Path written = tmp.resolve("coverage.md");
        Files.writeString(written, "old report\n\n" + CoverageCommand.CHIA_SECTION + "\n\nfigures\n");
        assertThat(stroma("eligibility", "coverage", "--out", written.toString()).exit()).isZero();
        String rewritten = Files.readString(written, StandardCharsets.UTF_8);
        assertThat(rewritten).startsWith("# Eligibility coverage").doesNotContain("old report")
                .endsWith("\n" + CoverageCommand.CHIA_SECTION + "\n\nfigures\n");
    }

    @Test
    void asJsonEachCriterionIsAnObjectOnItsOwnLine() throws IOException {
        Cli.Run run = stroma("eligibility", "coverage", Cli.MESEMS.toString(), "--format", "json");
        assertThat(run.exit()).isZero();
        String[] lines = run.out().split("\n");
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.get("trial").asText()).isEqualTo("NCT02403947");
        assertThat(first.get("criterion").asText()).isEqualTo("R-AGE");
        assertThat(first.get("kind").asText()).isEqualTo("inclusion");
        assertThat(first.get("compilation").asText()).isEqualTo("computed");
        assertThat(first.get("rule").asText()).isEqualTo("age 18..50");
        JsonNode last = json.readTree(lines[lines.length - 1]);
        assertThat(last.get("kind").asText()).isEqualTo("exclusion");
        assertThat(last.get("text").asText()).startsWith("Inability to give written informed consent");
        assertThat(last.get("compilation").asText()).isEqualTo("attestation");
        assertThat(lines).as("one line per criterion, nested ones too").hasSize(31);
    }

    @Test
    void givenRecordsAreReportedInstead() {
        Cli.Run run = stroma("eligibility", "coverage", Cli.MESEMS.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("## NCT02403947").doesNotContain("## NCT02462330").contains("| **all 1** |");
    }
}
