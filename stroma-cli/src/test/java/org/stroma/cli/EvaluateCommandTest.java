package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.cli.Cli.stroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation on 20 trials of the Chia corpus (Kury et al., Scientific Data 7, 281 (2020), CC BY 4.0), drawn with a
 * fixed seed: every figure is printed and its parts add up. The figures' values are not asserted — they are what the
 * evaluation measures. The corpus is not part of Stroma's sources; without it (CHIA_DIR, else the shared copy) the
 * test is skipped.
 */
class EvaluateCommandTest {
    private static final Path CHIA = Path.of(System.getenv().getOrDefault("CHIA_DIR",
            "/work/shared/corpora/chia-dev"));

    @Test
    void twentyRealTrialsGiveFiguresWhosePartsAddUp() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CHIA), "the Chia corpus is not at " + CHIA);
        Cli.Run run = stroma("eligibility", "evaluate", "--chia", CHIA.toString(), "--sample", "20", "--seed", "7",
                "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode f = new ObjectMapper().readTree(run.out());
        assertThat(f.get("trials").asInt()).isEqualTo(20);

        JsonNode d = f.get("dataRules");
        assertThat(d.get("criteria").asInt()).isPositive();
        assertThat(d.get("dataRule").asInt()).isBetween(d.get("computed").asInt(), d.get("criteria").asInt());
        assertThat(d.get("notFlaggedNonQueryable").asInt()).isLessThanOrEqualTo(d.get("criteria").asInt());
        assertThat(d.get("notFlaggedDataRule").asInt()).isLessThanOrEqualTo(d.get("dataRule").asInt());

        JsonNode m = f.get("measurements");
        assertThat(m.get("exact").asInt() + m.get("wrong").asInt() + m.get("missed").asInt()
                + m.get("notNumeric").asInt()).isEqualTo(m.get("pairs").asInt());

        JsonNode c = f.get("conditions");
        assertThat(c.get("recalled").asInt()).isBetween(0, c.get("conditions").asInt());

        JsonNode w = f.get("windows");
        assertThat(w.get("notCompiled").asInt() + w.get("notAWindow").asInt() + w.get("recovered").asInt()
                + w.get("wrong").asInt()).isEqualTo(w.get("facts").asInt());

        JsonNode p = f.get("polarity");
        assertThat(p.get("notCompiled").asInt() + p.get("absent").asInt() + p.get("shared").asInt()
                + p.get("errors").asInt())
                .isEqualTo(p.get("negated").asInt());
        assertThat(p.get("examples").size()).isEqualTo(p.get("errors").asInt());
    }

    @Test
    void anAuditDrawsDataRulesForJudgingByHandTheSameForTheSameSeed() {
        Assumptions.assumeTrue(Files.isDirectory(CHIA), "the Chia corpus is not at " + CHIA);
        Cli.Run run = stroma("eligibility", "evaluate", "--chia", CHIA.toString(), "--sample", "40", "--audit", "12",
                "--seed", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        java.util.List<String> rows = run.out().lines().filter(l -> l.matches("\\| \\d+ \\|.*")).toList();
        assertThat(rows).hasSize(12);
        // every row is a data rule: its rule is not only questions for the investigator
        assertThat(rows).allSatisfy(r -> assertThat(r).containsPattern("`[^`]*(measure|condition|procedure|medication"
                + "|class|count|duration|exposure|increase|age|sex|allergy)[^`]*`"));
        assertThat(run.out()).contains("--audit 12 --seed 3");
        assertThat(stroma("eligibility", "evaluate", "--chia", CHIA.toString(), "--sample", "40", "--audit", "12",
                "--seed", "3").out()).isEqualTo(run.out());
    }

    @Test
    void theTextReportNamesEachFigureAndTheCommand() {
        Assumptions.assumeTrue(Files.isDirectory(CHIA), "the Chia corpus is not at " + CHIA);
        Cli.Run run = stroma("eligibility", "evaluate", "--chia", CHIA.toString(), "--sample", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Kury").contains("--sample 3 --seed 1").contains("1. Criteria compiled")
                .contains("2. Numeric thresholds").contains("3. Conditions").contains("4. Time windows")
                .contains("5. Polarity errors");
    }

    @Test
    void aDirectoryWithoutChiaTrialsIsRefused(@TempDir Path empty) {
        Cli.Run run = stroma("eligibility", "evaluate", "--chia", empty.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no Chia trials");
    }
}
