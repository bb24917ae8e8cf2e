package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.stroma.cli.Cli.stroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stroma analyse} on CSV files: the documented JSON keys, the table, and one-line errors with exit code 2. */
class AnalyseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA = Path.of(System.getProperty("user.dir"))
            .resolve("../stroma-analysis/src/test/resources/data").normalize();

    @TempDir
    Path tmp;

    @Test
    void coxAsJsonHasTheDocumentedKeys() throws IOException {
        Cli.Run run = stroma("analyse", "--data", DATA.resolve("gehan.csv").toString(), "--method", "cox", "--time",
                "weeks", "--event", "relapse", "--group", "drug", "--reference", "placebo", "--ties", "breslow",
                "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        JsonNode a = JSON.readTree(run.out());
        assertThat(List.of(a.fieldNames().next(), a.size())).containsExactly("method", 6);
        assertThat(a.get("method").asText()).isEqualTo("cox");
        assertThat(a.get("n").asInt()).isEqualTo(42);
        JsonNode hr = a.get("estimates").get(1);
        assertThat(hr.get("term").asText()).isEqualTo("hazard ratio drug=6-MP");
        assertThat(hr.get("estimate").asDouble()).isCloseTo(.2210887, within(1e-6));
        for (String key : List.of("se", "ciLow", "ciHigh", "statistic", "df", "p")) {
            assertThat(hr.has(key)).as(key).isTrue();
        }
        assertThat(a.at("/tests/0/name").asText()).isEqualTo("likelihood ratio");
        assertThat(a.at("/details/logLikelihood").asDouble()).isCloseTo(-86.379622, within(1e-5));
    }

    @Test
    void mmrmGivesEachArmAgainstTheReferenceAtEachVisitAsRDoes() throws IOException {
        // R's values (nlme::gls corSymm + varIdent, REML; emmeans; data/mmrm/fit.R): cells − placebo at V4
        Cli.Run run = stroma("analyse", "--data", DATA.resolve("mmrm/two_arms.csv").toString(), "--method", "mmrm",
                "--subject", "id", "--group", "arm", "--reference", "placebo", "--visit", "visit", "--outcome", "y",
                "--baseline", "baseline", "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        JsonNode a = JSON.readTree(run.out());
        JsonNode v4 = a.get("estimates").get(3);
        assertThat(v4.get("term").asText()).isEqualTo("cells − placebo at V4");
        assertThat(v4.get("estimate").asDouble()).isCloseTo(0.1501720133538, within(1e-4));
        assertThat(v4.get("se").asDouble()).isCloseTo(2.24087808939, within(1e-4));
        assertThat(v4.get("p").asDouble()).isCloseTo(0.946754667020, within(1e-4));
        assertThat(a.at("/details/covariance").asText()).isEqualTo("unstructured");
        assertThat(a.at("/details/subjects").asInt()).isEqualTo(80);
    }

    @Test
    void ancovaOfThreeArmsGivesTheGroupsF() {
        // R: anova(lm(y ~ baseline + site + arm)) at V3 of data/mmrm/three_arms.csv: F(2, 74) = 8.3508, p = 0.000537
        Path lastVisit = tmp.resolve("v3.csv");
        try {
            List<String> lines = java.nio.file.Files.readAllLines(DATA.resolve("mmrm/three_arms.csv"));
            List<String> kept = new java.util.ArrayList<>(List.of(lines.get(0)));
            lines.stream().skip(1).filter(l -> l.split(",")[3].equals("V3")).forEach(kept::add);
            java.nio.file.Files.write(lastVisit, kept);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Cli.Run run = stroma("analyse", "--data", lastVisit.toString(), "--method", "ancova", "--group", "arm",
                "--reference", "placebo", "--outcome", "y", "--baseline", "baseline", "--covariate", "site");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("F for arm (2, 74 df)", "8.3508");
    }

    @Test
    void ordinalClassesByArmAdjustedForBaselineAsMassPolr() throws IOException {
        // R: polr(nyha ~ arm + baseline) on data/ordinal/nyha.csv (fit.R there): OR high vs placebo 0.373846307316,
        // likelihood-ratio test of arm: chi-square 5.80694952946 on 2 df, p 0.0548323591024
        Cli.Run run = stroma("analyse", "--data", DATA.resolve("ordinal/nyha.csv").toString(), "--method", "ordinal",
                "--outcome", "nyha", "--group", "arm", "--reference", "placebo", "--baseline", "baseline",
                "--levels", "I,II,III,IV", "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        JsonNode a = JSON.readTree(run.out());
        JsonNode high = java.util.stream.StreamSupport.stream(a.get("estimates").spliterator(), false)
                .filter(e -> e.get("term").asText().contains("arm=high")).findFirst().orElseThrow();
        assertThat(high.get("estimate").asDouble()).isCloseTo(0.373846307316, within(1e-5));
        assertThat(a.at("/tests/0/statistic").asDouble()).isCloseTo(5.80694952946, within(1e-4));
        assertThat(a.at("/tests/0/p").asDouble()).isCloseTo(0.0548323591024, within(1e-5));
    }

    @Test
    void proportionsGiveNewcombesIntervalForTheDifference() throws IOException {
        // Newcombe (1998), Table II: 56/70 vs 48/80, difference 0.2000, 95 % CI 0.0524 to 0.3339 (method 10)
        StringBuilder csv = new StringBuilder("arm,event\n");
        for (int i = 0; i < 70; i++) {
            csv.append("cells,").append(i < 56 ? 1 : 0).append('\n');
        }
        for (int i = 0; i < 80; i++) {
            csv.append("placebo,").append(i < 48 ? 1 : 0).append('\n');
        }
        Path file = java.nio.file.Files.writeString(tmp.resolve("events.csv"), csv);
        Cli.Run run = stroma("analyse", "--data", file.toString(), "--method", "proportions", "--outcome", "event",
                "--group", "arm", "--reference", "placebo", "--format", "json");
        assertThat(run.exit()).isZero();
        JsonNode d = JSON.readTree(run.out()).get("estimates").get(0);
        assertThat(d.get("term").asText()).isEqualTo("cells − placebo (Newcombe)");
        assertThat(d.get("estimate").asDouble()).isCloseTo(0.2, within(1e-9));
        assertThat(d.get("ciLow").asDouble()).isCloseTo(0.0524, within(5e-5));
        assertThat(d.get("ciHigh").asDouble()).isCloseTo(0.3339, within(5e-5));
    }

    @Test
    void theTableShowsEstimatesTestsAndNotes() {
        Cli.Run run = stroma("analyse", "--data", DATA.resolve("senn.csv").toString(), "--method", "crossover",
                "--subject", "subject", "--period", "period", "--sequence", "sequence", "--outcome", "pef", "--group",
                "treatment");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("crossover, n = 13").contains("formoterol − salbutamol", "46.6071",
                "22.8881 to 70.3262", "period 1 − period 2", "carryover");
    }

    @Test
    void aBadColumnOrFileIsOneLineAndExitCodeTwo() throws IOException {
        Cli.Run missing = stroma("analyse", "--data", DATA.resolve("arms.csv").toString(), "--method", "ttest",
                "--group", "arm", "--outcome", "lvef");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("stroma: no column 'lvef'; the columns are [subject, arm,");
        assertThat(missing.err().lines()).hasSize(1);
        Path text = tmp.resolve("text.csv");
        Files.writeString(text, "arm,y\na,1\nb,two\n");
        Cli.Run notNumber = stroma("analyse", "--data", text.toString(), "--method", "mannwhitney", "--group", "arm",
                "--outcome", "y");
        assertThat(notNumber.err()).isEqualTo("stroma: column 'y', row 2: 'two' is not a number\n");
        Cli.Run method = stroma("analyse", "--data", text.toString(), "--method", "anova");
        assertThat(method.exit()).isEqualTo(2);
        assertThat(method.err()).contains("no method 'anova'");
        Cli.Run file = stroma("analyse", "--data", tmp.resolve("none.csv").toString(), "--method", "km");
        assertThat(file.err()).contains("none.csv: no such file");
    }
}
