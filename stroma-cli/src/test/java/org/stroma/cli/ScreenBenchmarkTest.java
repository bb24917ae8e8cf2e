package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.cli.Cli.stroma;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.PatientRecord;

/** The screening benchmark runs end to end on a small population, and its three sides agree; no time is asserted. */
class ScreenBenchmarkTest {

    @Test
    void replicasShareFactsAndDifferInIdentityAndBirthDate() {
        PatientRecord original = new PatientRecord("p", LocalDate.of(1960, 1, 1), AdministrativeSex.MALE, List.of(),
                List.of(), List.of(), List.of(), Map.of());
        List<PatientRecord> all = ScreenBenchmark.replicate(List.of(original), 3);
        assertThat(all).extracting(PatientRecord::id).containsExactly("p#0", "p#1", "p#2");
        assertThat(all).extracting(PatientRecord::birthDate).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(r -> assertThat(r.observations()).isSameAs(original.observations()));
        assertThat(all).allSatisfy(r -> assertThat(Math.abs(r.birthDate().toEpochDay() - original.birthDate()
                .toEpochDay())).isLessThanOrEqualTo(1825));
    }

    @Test
    void bothSidesScreenTheSamePopulationAndAgree(@TempDir Path tmp) throws IOException {
        Path bundle = tmp.resolve("cardiac-candidate.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/patients/cardiac-candidate.json")) {
            Files.write(bundle, in.readAllBytes());
        }
        Cli.Run run = stroma("bench", "screen", "--patients", bundle.toString(), "--population", "40", "--warmup",
                "0", "--rounds", "1", "--date", "2026-06-01");
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("and 20 made up from the trials' rules, replicated to 40; 5 trials; 200"
                + " patient-trial evaluations per round").contains("Java and SQL agree on every tally")
                .contains("The program and the screening agree on every verdict of every patient, criterion, failing"
                        + " and open criterion (200 patient-trial pairs)")
                .containsPattern("Program/SQL throughput ratio \\d");
        // the made-up patients give each trial eligible patients as well as ineligible ones
        assertThat(run.out().lines().filter(l -> l.startsWith("  NCT"))).hasSize(5)
                .allSatisfy(l -> assertThat(l).doesNotContain("{ELIGIBLE=0,"));
    }
}
