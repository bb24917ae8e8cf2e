package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.cli.Cli.stroma;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConceptsCommandTest {
    private static final Path DOC = Path.of(System.getProperty("user.dir")).resolve("../docs/concept-codes.md")
            .normalize();

    @Test
    void eachConceptIsARowWithItsCodes() {
        Cli.Run run = stroma("eligibility", "concepts");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("# Concepts and their codes").contains("## Observations")
                .contains("| `bmi` | body mass index | LOINC `39156-5` Body mass index (BMI) [Ratio] | kg/m2 |")
                .contains("ICD-10 `I21` and below")
                // a term's alternatives stay inside their cell
                .contains("`(?:infective \\|bacterial )?endocarditis(?! prophylaxis)`");
    }

    @Test
    void theCommittedTableIsTheOneTheCommandWritesToday(@TempDir Path tmp) throws IOException {
        Path written = tmp.resolve("concepts.md");
        assertThat(stroma("eligibility", "concepts", "--out", written.toString()).exit()).isZero();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/concept-codes.md is out of date; run " + ConceptsCommand.COMMAND)
                .isEqualTo(Files.readString(written, StandardCharsets.UTF_8));
    }
}
