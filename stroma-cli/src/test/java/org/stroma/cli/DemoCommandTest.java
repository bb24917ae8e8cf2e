package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.cli.Cli.stroma;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void helpListsTheCommands() {
        Cli.Run run = stroma("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("demo", "serve", "import", "screen", "eligibility", "bench");
    }

    @Test
    void theDemoImportsCompilesAndScreensTheFiveReferenceTrials() {
        Cli.Run run = stroma("demo", "--no-serve");
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
    }
}
