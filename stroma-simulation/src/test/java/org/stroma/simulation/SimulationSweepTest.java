package org.stroma.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroma.report.LockedTrialCsv;
import org.stroma.report.ReportFolder;
import org.stroma.report.TrialReport;
import org.stroma.server.app.RequestException;
import org.stroma.store.Database;
import org.stroma.store.EmbeddedDatabase;

/**
 * Every trial Stroma can run, run to its reports under many seeds: the five reference trials under six seeds each
 * (small populations of varied sizes; {@code -Dstroma.sweep.seeds=N} runs more, e.g. {@code ./mvnw -o -B verify -pl
 * stroma-simulation -am -Dtest=SimulationSweepTest -Dsurefire.failIfNoSpecifiedTests=false -Dstroma.sweep.seeds=50},
 * which prints the number of runs), and every registry record among the fixtures and in {@code ../shared/ctgov}
 * (when present). None may end in an internal error: a record Stroma cannot run is refused with its reason, anything
 * else runs to its locked data and both reports. And the same seed gives byte-identical locked data and reports,
 * whatever the machine's time zone and language.
 */
class SimulationSweepTest {
    static final Path SEEDS = Path.of("..", "fixtures", "seeds");
    /** Six seeds give each population size at least once and two of them twice; a longer sweep asks for more. */
    private static final int SWEEP_SEEDS = Integer.getInteger("stroma.sweep.seeds", 6);
    private static EmbeddedDatabase server;
    private static int databases;

    @BeforeAll
    static void start() {
        server = EmbeddedDatabase.temporary();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Runs one simulation on a fresh database of the shared server. */
    private static SimulationResult simulate(String name, byte[] record, SimulationSettings settings)
            throws Exception {
        try (Database db = Database.fresh(server, "sweep_" + (++databases))) {
            return TrialSimulation.run(db, name, record, settings, line -> { });
        }
    }

    @Test
    void everyReferenceTrialRunsToItsReportsUnderManySeeds() throws Exception {
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (Path trial : files(SEEDS)) {
            byte[] record = Files.readAllBytes(trial);
            for (long seed = 1; seed <= SWEEP_SEEDS; seed++) {
                // 4 to 16 patients: small trials reach the corners (one arm empty, nobody completing) large ones miss
                int patients = 4 + (int) (seed % 4) * 4;
                try {
                    SimulationResult r = simulate(trial.getFileName().toString(), record, SimulationSettings.of(seed,
                            patients));
                    reports(r);
                    runs++;
                } catch (Exception | AssertionError e) {
                    failures.add(trial.getFileName() + " seed " + seed + " (" + patients + " patients): " + e);
                }
            }
        }
        System.out.println("SimulationSweepTest: " + runs + " reference-trial runs to their reports");
        assertThat(failures).isEmpty();
    }

    @Test
    void everyRegistryRecordRunsOrSaysWhyNot() throws Exception {
        // the fixtures' records, and the shared ones beside them that the fixtures do not already hold
        Map<String, Path> byName = new TreeMap<>();
        Path shared = Path.of("..", "..", "shared", "ctgov");
        for (Path dir : Files.isDirectory(shared) ? List.of(Path.of("..", "fixtures", "ctgov"), shared)
                : List.of(Path.of("..", "fixtures", "ctgov"))) {
            files(dir).stream().filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".xml"))
                    .forEach(f -> byName.putIfAbsent(f.getFileName().toString(), f));
        }
        List<Path> records = List.copyOf(byName.values());
        List<String> failures = new ArrayList<>();
        Map<String, String> refused = new TreeMap<>();
        int ran = 0;
        for (Path record : records) {
            try {
                reports(simulate(record.getFileName().toString(), Files.readAllBytes(record), SimulationSettings.of(
                        5, 5)));
                ran++;
            } catch (SimulationException | RequestException e) {
                if (e instanceof RequestException r && r.status() >= 500 || !e.getMessage().contains("cannot be")) {
                    failures.add(record + ": " + e);
                } else {
                    refused.put(record.getFileName().toString(), e.getMessage());
                }
            } catch (Exception | AssertionError e) {
                failures.add(record + ": " + e);
            }
        }
        System.out.println("SimulationSweepTest: " + ran + " of " + records.size() + " registry records simulated; "
                + "refused with their reason: " + refused);
        assertThat(failures).isEmpty();
        assertThat(ran).isGreaterThan(records.size() * 3 / 4);
    }

    /**
     * One seed, run here and again in a JVM of its own — in Turkish (whose "I" does not lower-case to "i"), on
     * Kiribati time, with its own hash seeds (the order of Java's unordered sets and maps changes from one JVM to the next) —
     * gives the same bytes: locked data, reports and their PDFs.
     */
    @Test
    void theSameSeedGivesTheSameBytesInAnotherJvmZoneAndLanguage(@TempDir Path dir) throws Exception {
        for (Path trial : files(SEEDS)) {
            Path first = dir.resolve(trial.getFileName() + "-here");
            Path second = dir.resolve(trial.getFileName() + "-elsewhere");
            ReportFolder.write(simulate(trial.getFileName().toString(), Files.readAllBytes(trial),
                    SimulationSettings.of(7, 10)).locked(), first, "sweep");
            Process elsewhere = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Kiritimati", "-cp",
                    System.getProperty("java.class.path"), SeedReports.class.getName(), trial.toString(), "7", "10",
                    second.toString()).inheritIO().start();
            assertThat(elsewhere.waitFor()).as("the other JVM's run of " + trial.getFileName()).isZero();
            List<Path> written = files(first);
            assertThat(written).hasSizeGreaterThanOrEqualTo(10);
            for (Path f : written) {
                Path twin = second.resolve(first.relativize(f));
                if (!Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(twin))) {
                    fail(trial.getFileName() + ": " + first.relativize(f) + " differs between two runs of one seed");
                }
            }
        }
    }

    /** Both reports, each with every section, and the locked data as CSV: what the simulate command writes. */
    private static void reports(SimulationResult r) throws IOException {
        for (boolean blinded : new boolean[] {false, true}) {
            String html = TrialReport.html(r.locked(), blinded, "sweep");
            TrialReport.SECTIONS.forEach(section -> assertThat(html).contains("<section id=\"" + section + "\""));
        }
        Path dir = Files.createTempDirectory("sweep");
        try {
            LockedTrialCsv.write(r.locked(), dir, false);
            LockedTrialCsv.write(r.locked(), dir, true);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".tsv")
                    && !f.getFileName().toString().startsWith("MANIFEST") && !f.getFileName().toString().equals(
                    "README.md")).sorted().toList();
        }
    }
}
