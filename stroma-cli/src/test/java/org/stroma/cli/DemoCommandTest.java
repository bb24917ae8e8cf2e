package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.cli.Cli.stroma;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void helpListsTheCommands() {
        Cli.Run run = stroma("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("demo", "serve", "import", "screen", "eligibility", "bench");
    }

    @TempDir
    Path home;

    /**
     * The README's main job as it runs it: the five reference trials, the default population and the default seeds
     * (only the server, which would never return, is left out).
     */
    @Test
    void theDemoImportsCompilesScreensSimulatesAndReportsTheFiveReferenceTrials() throws Exception {
        Cli.Run run = stroma("demo", "--no-serve", "--home", home.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("NCT02462330", "NCT02403947", "NCT04776239", "NCT04325594", "NCT01854957");
        assertThat(run.out()).containsPattern("NCT02403947 +31 criteria, 28 measurable, +\\d+ compiled");
        assertThat(run.out()).containsPattern("NCT02462330 +parallel, 1:1 \\(A, B\\), permuted blocks of 1, 2 or 3 times the ratio's total, stratified by"
                + " site \\(6 sites\\), masked: participant, investigator")
                .containsPattern("NCT02403947 +crossover, 1:1 \\(AB, BA\\).*Week 24, Period 2 administration, Week 48")
                .containsPattern("NCT04325594 +single group, everyone treated alike, masked: nobody");
        // the entered MS patient meets the MS trials' relapsing-remitting branch; the diabetic patient meets ACESO's
        assertThat(run.out()).containsPattern("MS-RRMS-01 +NCT02403947 +ELIGIBLE");
        assertThat(run.out()).containsPattern("MS-RRMS-01 +NCT01854957 +ELIGIBLE");
        assertThat(run.out()).containsPattern("DM-IHD-02 +NCT04776239 +ELIGIBLE");
        assertThat(run.out()).containsPattern("DM-IHD-02 +NCT02403947 +INELIGIBLE +fails R-AGE");
        // the FHIR patient waits for the investigator's answers to MESAMI2's judgement criteria
        assertThat(run.out()).containsPattern("7d3c1a52-0000-4000-8000-000000000001 +NCT02462330 +INCOMPLETE");
        // each trial simulated and reported, and the sister trials pooled
        for (String trial : List.of("NCT02462330", "NCT02403947", "NCT04776239", "NCT04325594", "NCT01854957")) {
            Path dir = home.resolve("reports").resolve(trial);
            assertThat(Files.readString(dir.resolve("unblinded/report.html"))).contains("<section id=\"consort\"");
            assertThat(Files.readString(dir.resolve("unblinded/data/subjects.csv"))).startsWith(
                    "subject,site,state,group,");
            assertThat(Files.readString(dir.resolve("blinded/report.html"))).contains("all subjects");
            assertThat(Files.readAllBytes(dir.resolve("blinded/report.pdf"))).startsWith("%PDF".getBytes());
            // nothing beside the blinded report tells an arm
            assertThat(Files.readString(dir.resolve("blinded/data/subjects.csv"))).doesNotContain("group");
            assertThat(Files.readString(dir.resolve("blinded/data/products.csv"))).doesNotContain("kind", "cells",
                    "placebo", "viability");
        }
        assertThat(run.out()).contains("Simulating each trial on 24 made-up patients");
        assertThat(Files.readString(home.resolve("reports").resolve("pooled").resolve("cardiac-lvef.html")))
                .contains("<section id=\"pooled\"");
        assertThat(Files.readString(home.resolve("reports").resolve("pooled").resolve("mesems-gel.html")))
                .contains("NCT02403947", "NCT01854957");
        assertThat(run.out()).contains("reports: " + home.resolve("reports").resolve("NCT02462330")
                .resolve("unblinded").resolve("report.html"));
    }
}
