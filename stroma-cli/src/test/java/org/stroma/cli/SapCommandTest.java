package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.cli.Cli.stroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SapCommandTest {
    @TempDir
    Path tmp;

    @Test
    void mesami2sPlanPutsThePrimaryEndpointFirstWithItsPrespecifiedAnalysis() {
        Cli.Run run = stroma("sap", "--trial", Cli.MESAMI2.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("# Statistical analysis plan: MESAMI2 (NCT02462330)")
                .contains("| P1 (primary) | Peak oxygen uptake (mL/kg/min), change from baseline | 3 months |");
    }

    @Test
    void asJsonEachEndpointHasItsEstimand() throws IOException {
        Cli.Run run = stroma("sap", "--trial", Cli.MESEMS.toString(), "--format", "json");
        assertThat(run.exit()).isZero();
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertThat(plan.get("trial").asText()).isEqualTo("NCT02403947");
        JsonNode p2 = plan.get("endpoints").get(1);
        assertThat(p2.get("method").asText()).isEqualTo("CROSSOVER");
        assertThat(p2.at("/estimand/summaryMeasure").asText()).isEqualTo("within-subject difference between"
                + " treatments");
    }

    @Test
    void aRecordThatCannotBeReadIsOneLineAndExitCodeTwo() throws IOException {
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"protocolSection\": [");
        Cli.Run run = stroma("sap", "--trial", broken.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("stroma: " + broken).doesNotContain("Exception");
        assertThat(stroma("sap", "--trial", tmp.resolve("none.json").toString()).err()).contains("no such file");
    }
}
