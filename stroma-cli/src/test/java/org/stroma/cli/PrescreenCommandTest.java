package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroma.fhir.FhirPatientReader;
import org.stroma.prescreen.FactTableFile;
import org.stroma.prescreen.Prescreen;
import org.stroma.prescreen.PrescreenPopulation;
import org.stroma.prescreen.TrialFile;

/**
 * {@code stroma prescreen} as a user runs it, on a bulk export made up from two reference trials' rules: both engines
 * write the same verdicts; a damaged line leaves out its patient only, with the problem in the patient's rows; a line
 * that names no patient and cannot be read screens nobody; a missing trial file is refused before anything is read.
 */
class PrescreenCommandTest {
    private static final String DATE = "2026-01-01";

    @TempDir
    static Path work;
    static Path export;

    @BeforeAll
    static void population() throws IOException {
        export = work.resolve("export");
        Prescreen prescreen = new Prescreen(List.of(TrialFile.read(Cli.MESAMI2), TrialFile.read(Cli.MESEMS)),
                LocalDate.parse(DATE));
        PrescreenPopulation.write(prescreen.eligibilities(), 12, 120, LocalDate.parse(DATE), 3, export);
    }

    private static Cli.Run prescreen(Path patients, Path out, String... engine) {
        List<String> args = new ArrayList<>(List.of("prescreen", "--trial", Cli.MESAMI2.toString(), "--trial",
                Cli.MESEMS.toString(), "--patients", patients.toString(), "--date", DATE, "--out", out.toString()));
        args.addAll(List.of(engine));
        return Cli.stroma(args.toArray(String[]::new));
    }

    /** The CSV's rows, sorted: the in-process engine writes one file, Spark a folder of parts. */
    private static List<String> rows(Path csv) throws IOException {
        List<Path> files = Files.isDirectory(csv) ? Files.list(csv).filter(p -> p.toString().endsWith(".csv"))
                .toList() : List.of(csv);
        List<String> rows = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo("patient,trial,verdict,failing,unknown,problem");
            rows.addAll(lines.subList(1, lines.size()));
        }
        return rows.stream().sorted().toList();
    }

    @Test
    void bothEnginesWriteTheSameVerdicts() throws IOException {
        Cli.Run local = prescreen(export, work.resolve("local"), "--engine", "local");
        Cli.Run spark = prescreen(export, work.resolve("spark"), "--engine", "spark", "--master", "local[2]");

        assertThat(local.exit()).as(local.err()).isZero();
        assertThat(spark.exit()).as(spark.err()).isZero();
        assertThat(local.out()).contains("NCT02462330", "INELIGIBLE=", "INCOMPLETE=");
        List<String> rows = rows(work.resolve("local/verdicts.csv"));
        assertThat(rows).hasSize(240).isEqualTo(rows(work.resolve("spark/verdicts.csv")));
        assertThat(Files.size(work.resolve("local/verdicts.parquet"))).isPositive();
        // the tallies printed are the rows written
        long ineligible = rows.stream().filter(r -> r.contains(",INELIGIBLE,")).count();
        assertThat(spark.out()).contains("INELIGIBLE=");
        assertThat(local.out().lines().filter(l -> l.contains("INELIGIBLE=")).mapToLong(l -> Long.parseLong(l
                .replaceAll(".*INELIGIBLE=(\\d+).*", "$1"))).sum()).isEqualTo(ineligible);
    }

    /** The same patients as a Parquet table of facts: the same rows; a table of other columns refused by name. */
    @Test
    void aTableOfFactsIsPrescreenedAsTheExportItWasMadeFrom() throws IOException {
        Path table = work.resolve("facts.parquet");
        FactTableFile.write(new FhirPatientReader().read(export), table);
        Cli.Run fromExport = prescreen(export, work.resolve("from-export"), "--engine", "local");
        Cli.Run local = prescreen(table, work.resolve("table-local"), "--engine", "local");
        Cli.Run spark = prescreen(table, work.resolve("table-spark"), "--engine", "spark", "--master", "local[2]");
        assertThat(fromExport.exit()).as(fromExport.err()).isZero();
        assertThat(local.exit()).as(local.err()).isZero();
        assertThat(spark.exit()).as(spark.err()).isZero();
        List<String> rows = rows(work.resolve("from-export/verdicts.csv"));
        assertThat(rows).hasSize(240);
        assertThat(rows(work.resolve("table-local/verdicts.csv"))).isEqualTo(rows);
        assertThat(rows(work.resolve("table-spark/verdicts.csv"))).isEqualTo(rows);

        Path verdicts = work.resolve("from-export/verdicts.parquet");
        Cli.Run notFacts = prescreen(verdicts, work.resolve("not-facts"), "--engine", "local");
        assertThat(notFacts.exit()).isEqualTo(2);
        assertThat(notFacts.err()).contains(verdicts + ": column 'trial' is not a column of a table of facts");
    }

    @Test
    void aDamagedLineLeavesOutItsPatientAlone() throws IOException {
        Path damaged = copy("damaged");
        Path observations = damaged.resolve("Observation.ndjson");
        List<String> lines = new ArrayList<>(Files.readAllLines(observations));
        String first = lines.get(0);
        String patient = first.replaceAll(".*\"reference\":\"Patient/([^\"]+)\".*", "$1");
        lines.set(0, first.replace("\"status\":\"final\"", "\"status\":\"final\",\"bogus\":1"));
        Files.write(observations, lines);

        for (String engine : List.of("local", "spark")) {
            Cli.Run run = prescreen(damaged, work.resolve("damaged-" + engine), "--engine", engine, "--master",
                    "local[2]");
            assertThat(run.exit()).as(engine).isEqualTo(2);
            assertThat(run.err()).contains("some patients were not screened");
            List<String> rows = rows(work.resolve("damaged-" + engine + "/verdicts.csv"));
            assertThat(rows).hasSize(240);
            assertThat(rows).filteredOn(r -> r.contains("NOT_SCREENED")).hasSize(2).allSatisfy(r -> assertThat(r)
                    .startsWith(patient + ",").contains("Observation.ndjson").contains("line 1").contains("bogus"));
        }
    }

    @Test
    void aLineOfNobodyThatCannotBeReadScreensNobody() throws IOException {
        Path garbled = copy("garbled");
        Files.writeString(garbled.resolve("Condition.ndjson"), "{\"resourceType\": \"Condition\", \n",
                StandardOpenOption.APPEND);
        for (String engine : List.of("local", "spark")) {
            Cli.Run run = prescreen(garbled, work.resolve("garbled-" + engine), "--engine", engine, "--master",
                    "local[1]");
            assertThat(run.exit()).as(engine).isEqualTo(2);
            List<String> rows = rows(work.resolve("garbled-" + engine + "/verdicts.csv"));
            assertThat(rows).allSatisfy(r -> assertThat(r).contains("NOT_SCREENED"));
            assertThat(rows).anySatisfy(r -> assertThat(r).contains("no patient is screened"));
        }
    }

    @Test
    void aTrialThatCannotBeReadIsRefusedFirst() {
        Cli.Run run = Cli.stroma("prescreen", "--trial", work.resolve("nope.json").toString(), "--patients",
                export.toString(), "--out", work.resolve("nope").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nope.json: no such file");
        assertThat(work.resolve("nope")).doesNotExist();
    }

    @Test
    void theBenchmarkRunsEveryEngineOnTheSameExportAndTheyAgree() {
        Cli.Run run = Cli.stroma("bench", "prescreen", "--population", "200", "--base", "20", "--cores", "1,2");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("200 patients (20 made up from the trials' rules, replicated), 5 trials")
                .contains("in process (one thread)").contains("Spark local[1]").contains("Spark local[2]")
                .contains("every engine gave the same 1000 rows");
    }

    private static Path copy(String name) throws IOException {
        Path copy = work.resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(export)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }
}
