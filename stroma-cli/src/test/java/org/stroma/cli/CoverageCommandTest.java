package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.cli.Cli.stroma;

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
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/eligibility-coverage.md is out of date; run " + CoverageCommand.REFERENCE_COMMAND)
                .isEqualTo(Files.readString(written, StandardCharsets.UTF_8));
    }

    @Test
    void givenRecordsAreReportedInstead() {
        Cli.Run run = stroma("eligibility", "coverage", Cli.MESEMS.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("## NCT02403947").doesNotContain("## NCT02462330").contains("| **all 1** |");
    }
}
