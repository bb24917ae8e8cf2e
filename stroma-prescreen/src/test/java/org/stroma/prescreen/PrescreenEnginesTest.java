package org.stroma.prescreen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroma.fhir.FhirPatientReader;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.patient.PatientRecord;

/**
 * The in-process engine and Spark (local mode, two cores) prescreen the same bulk export of 100 000 patients made up
 * from the five reference trials' rules, and give the same rows: every patient × trial verdict, with its failing and
 * unknown criteria. The files each writes are read back by Spark and hold the same rows.
 */
class PrescreenEnginesTest {
    private static final LocalDate DATE = LocalDate.of(2026, 1, 1);
    private static final int POPULATION = Integer.getInteger("stroma.prescreen.population", 100_000);

    @TempDir
    static Path work;
    static SparkSession spark;
    static Prescreen prescreen;
    static Path export;

    @BeforeAll
    static void population() throws IOException, URISyntaxException {
        List<TrialFile> trials = new ArrayList<>();
        for (Path seed : seeds()) {
            trials.add(TrialFile.read(seed));
        }
        prescreen = new Prescreen(trials, DATE);
        export = work.resolve("export");
        PrescreenPopulation.write(prescreen.eligibilities(), 300, POPULATION, DATE, 42, export);
        spark = SparkSession.builder().master("local[2]").appName("prescreen-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static List<Path> seeds() throws IOException, URISyntaxException {
        Path folder = Path.of(PrescreenEnginesTest.class.getResource("/fixtures/seeds").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void sparkAndTheInProcessEngineGiveTheSameVerdictForEveryPatientAndTrial() throws IOException {
        List<PrescreenRow> local = new ArrayList<>(LocalPrescreen.run(prescreen, export));
        List<PrescreenRow> distributed = new ArrayList<>(SparkPrescreen.run(spark, prescreen, export).collect());
        local.sort(null);
        distributed.sort(null);

        assertThat(local).hasSize(POPULATION * 5);
        assertThat(distributed).hasSize(local.size());
        for (int i = 0; i < local.size(); i++) {
            if (!local.get(i).equals(distributed.get(i))) {
                assertThat(distributed.get(i)).as("row %d", i).isEqualTo(local.get(i));
            }
        }
        // a population worth the comparison: each trial has patients of every outcome a health record can give
        Map<String, Map<String, Long>> tally = local.stream().collect(Collectors.groupingBy(PrescreenRow::trial,
                TreeMap::new, Collectors.groupingBy(PrescreenRow::verdict, TreeMap::new, Collectors.counting())));
        System.out.println("prescreen verdicts by trial: " + tally);
        assertThat(tally).hasSize(5);
        tally.values().forEach(verdicts -> assertThat(verdicts).containsKeys("INELIGIBLE", "INCOMPLETE"));
        assertThat(local).allSatisfy(r -> assertThat(r.problem()).isEmpty());
        assertThat(local).filteredOn(r -> r.verdict().equals("INELIGIBLE")).allSatisfy(r ->
                assertThat(r.failing()).isNotEmpty());
    }

    /**
     * The rows are {@link Screening}'s: an export of 9 000 patients (three batches in process) read whole
     * as an upload is, each patient screened on their own for each trial, gives the rows both engines give.
     */
    @Test
    void theEnginesRowsAreTheScreeningOfEachPatientOnTheirOwn() throws IOException {
        Path export = work.resolve("screened-alone");
        PrescreenPopulation.write(prescreen.eligibilities(), 300, 9_000, DATE, 11, export);
        ConceptDictionary dictionary = ConceptDictionary.standard();
        List<Screening> screenings = prescreen.eligibilities().stream().map(e -> new Screening(dictionary, e))
                .toList();
        List<PrescreenRow> alone = new ArrayList<>();
        for (PatientRecord patient : new FhirPatientReader().read(export)) {
            for (Screening screening : screenings) {
                ScreeningResult r = screening.screen(patient, DATE);
                alone.add(new PrescreenRow(patient.id(), r.trial(), r.verdict().name(), String.join(";", r.failing()),
                        String.join(";", r.open()), ""));
            }
        }
        alone.sort(null);
        List<PrescreenRow> local = new ArrayList<>(LocalPrescreen.run(prescreen, export));
        List<PrescreenRow> distributed = new ArrayList<>(SparkPrescreen.run(spark, prescreen, export).collect());
        local.sort(null);
        distributed.sort(null);
        assertThat(alone).hasSize(9_000 * 5);
        assertThat(local).isEqualTo(alone);
        assertThat(distributed).isEqualTo(alone);
    }

    @Test
    void eachEngineWritesTheRowsAsCsvAndParquet() throws IOException {
        Path small = work.resolve("small");
        PrescreenPopulation.write(prescreen.eligibilities(), 30, 200, DATE, 7, small);
        List<PrescreenRow> rows = LocalPrescreen.run(prescreen, small);
        VerdictFiles.write(rows, work.resolve("local-out"));
        VerdictFiles.write(SparkPrescreen.table(spark, SparkPrescreen.run(spark, prescreen, small)),
                work.resolve("spark-out"));

        for (Path out : List.of(work.resolve("local-out"), work.resolve("spark-out"))) {
            Dataset<Row> parquet = spark.read().parquet(out.resolve(VerdictFiles.PARQUET).toString());
            Dataset<Row> csv = spark.read().option("header", true).option("escape", "\"")
                    .csv(out.resolve(VerdictFiles.CSV).toString());
            assertThat(parquet.columns()).containsExactly(PrescreenRow.COLUMNS);
            assertThat(csv.columns()).containsExactly(PrescreenRow.COLUMNS);
            assertThat(sorted(parquet)).as(out + " parquet").isEqualTo(sortedRows(rows));
            assertThat(sorted(csv)).as(out + " csv").isEqualTo(sortedRows(rows));
        }
    }

    private static List<String> sorted(Dataset<Row> table) {
        return table.collectAsList().stream().map(r -> {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.length(); i++) {
                cells.add(r.isNullAt(i) ? "" : r.getString(i));
            }
            return String.join("|", cells);
        }).sorted().toList();
    }

    private static List<String> sortedRows(List<PrescreenRow> rows) {
        return rows.stream().map(r -> Stream.of(r.values()).map(String::valueOf).collect(Collectors.joining("|")))
                .sorted().toList();
    }
}
