package org.stroma.prescreen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroma.fhir.FhirPatientReader;
import org.stroma.trial.patient.PatientRecord;

/**
 * A population given as a Parquet table of facts is prescreened as the bulk export it was made from, by both engines;
 * a table whose columns are not those of a table of facts is refused by name, and a patient whose rows cannot be read
 * is not screened, with the row and the reason.
 */
class PrescreenFactTableTest {
    private static final LocalDate DATE = LocalDate.of(2026, 1, 1);

    @TempDir
    static Path work;
    static SparkSession spark;
    static Prescreen prescreen;

    @BeforeAll
    static void start() throws IOException, URISyntaxException {
        List<TrialFile> trials = new ArrayList<>();
        for (Path seed : PrescreenEnginesTest.seeds()) {
            trials.add(TrialFile.read(seed));
        }
        prescreen = new Prescreen(trials, DATE);
        spark = SparkSession.builder().master("local[2]").appName("prescreen-table-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void aTableOfFactsGivesTheRowsOfTheExportItWasMadeFrom() throws IOException {
        Path export = work.resolve("export");
        PrescreenPopulation.write(prescreen.eligibilities(), 300, 6_000, DATE, 5, export);
        List<PatientRecord> records = new FhirPatientReader().read(export);
        Path file = work.resolve("facts.parquet");
        FactTableFile.write(records, file);
        // and the same as a folder of two parts, as Spark writes a table
        Path folder = Files.createDirectories(work.resolve("facts"));
        FactTableFile.write(records.subList(0, 2_500), folder.resolve("part-0.parquet"));
        FactTableFile.write(records.subList(2_500, records.size()), folder.resolve("part-1.parquet"));
        Files.writeString(folder.resolve("_SUCCESS"), "");

        List<PrescreenRow> fromExport = sorted(LocalPrescreen.run(prescreen, export));
        assertThat(fromExport).hasSize(6_000 * 5).noneMatch(r -> r.verdict().equals(PrescreenRow.NOT_SCREENED));
        for (Path table : List.of(file, folder)) {
            assertThat(sorted(LocalPrescreen.run(prescreen, table))).as(table + " in process").isEqualTo(fromExport);
            assertThat(sorted(SparkPrescreen.run(spark, prescreen, table).collect())).as(table + " on Spark")
                    .isEqualTo(fromExport);
        }
    }

    @Test
    void aColumnNotOfATableOfFactsIsRefusedByName() throws IOException {
        Path misspelled = work.resolve("misspelled.parquet");
        write(misspelled, "message facts { required binary patient (STRING); required binary kind (STRING);"
                + " optional int32 end_dat (DATE); }", List.of(Map.of("patient", "p1", "kind", "patient")));
        Path wrongType = work.resolve("wrong-type.parquet");
        write(wrongType, "message facts { required binary patient (STRING); required binary kind (STRING);"
                + " optional binary value (STRING); }", List.of(Map.of("patient", "p1", "kind", "patient")));
        Path noKind = work.resolve("no-kind.parquet");
        write(noKind, "message facts { required binary patient (STRING); }", List.of(Map.of("patient", "p1")));
        for (Path table : List.of(misspelled, wrongType, noKind)) {
            String expected = table == misspelled ? "column 'end_dat' is not a column of a table of facts"
                    : table == wrongType ? "column 'value' holds text, not numbers" : "no column 'kind'";
            assertThatThrownBy(() -> LocalPrescreen.run(prescreen, table)).hasMessageContaining(table.toString())
                    .hasMessageContaining(expected);
            assertThatThrownBy(() -> SparkPrescreen.run(spark, prescreen, table)).hasMessageContaining(expected);
        }
    }

    @Test
    void aPatientWhoseRowsCannotBeReadIsNotScreenedAndTheOthersAre() throws IOException {
        Path table = work.resolve("damaged.parquet");
        String schema = "message facts { required binary patient (STRING); required binary kind (STRING);"
                + " optional binary sex (STRING); optional int32 date (DATE); optional binary code (STRING);"
                + " optional binary system (STRING); }";
        int born = (int) LocalDate.of(1960, 5, 1).toEpochDay();
        write(table, schema, List.of(
                Map.of("patient", "fine", "kind", "patient", "sex", "female", "date", born),
                Map.of("patient", "fine", "kind", "condition", "system", "http://snomed.info/sct", "code",
                        "24700007", "date", born + 12_000),
                Map.of("patient", "no-demographics", "kind", "condition", "code", "24700007"),
                Map.of("patient", "twice", "kind", "patient", "sex", "male"),
                Map.of("patient", "twice", "kind", "patient", "sex", "male"),
                Map.of("patient", "odd-kind", "kind", "patient", "sex", "male"),
                Map.of("patient", "odd-kind", "kind", "labs", "code", "2160-0"),
                Map.of("patient", "odd-sex", "kind", "patient", "sex", "x")));
        for (List<PrescreenRow> rows : List.of(LocalPrescreen.run(prescreen, table),
                SparkPrescreen.run(spark, prescreen, table).collect())) {
            assertThat(rows).filteredOn(r -> r.patient().equals("fine")).hasSize(5)
                    .noneMatch(r -> r.verdict().equals(PrescreenRow.NOT_SCREENED));
            assertThat(problem(rows, "no-demographics")).contains("no row of kind 'patient' for patient"
                    + " no-demographics").contains("row 3");
            assertThat(problem(rows, "twice")).contains("two rows of kind 'patient'").contains("row 4")
                    .contains("row 5");
            assertThat(problem(rows, "odd-kind")).contains("row 7: kind 'labs' is not one of patient, observation");
            assertThat(problem(rows, "odd-sex")).contains("row 8: sex 'x' is not female, male, other or unknown");
        }
    }

    @Test
    void aRowOfNoPatientScreensNobody() throws IOException {
        Path table = work.resolve("nobody.parquet");
        write(table, "message facts { required binary patient (STRING); required binary kind (STRING); }",
                List.of(Map.of("patient", "p1", "kind", "patient"), Map.of("patient", " ", "kind", "condition")));
        for (List<PrescreenRow> rows : List.of(LocalPrescreen.run(prescreen, table),
                SparkPrescreen.run(spark, prescreen, table).collect())) {
            assertThat(rows).allMatch(r -> r.verdict().equals(PrescreenRow.NOT_SCREENED) && r.patient().isEmpty());
            assertThat(rows).extracting(PrescreenRow::problem).anyMatch(p -> p.contains("row 2: a row without a"
                    + " patient")).anyMatch(p -> p.startsWith("no patient is screened"));
        }
    }

    /** The patient's rows, each NOT_SCREENED for every trial, and their one problem. */
    private static String problem(List<PrescreenRow> rows, String patient) {
        List<PrescreenRow> theirs = rows.stream().filter(r -> r.patient().equals(patient)).toList();
        assertThat(theirs).as(patient).hasSize(5).allMatch(r -> r.verdict().equals(PrescreenRow.NOT_SCREENED));
        return theirs.get(0).problem();
    }

    private static List<PrescreenRow> sorted(List<PrescreenRow> rows) {
        List<PrescreenRow> all = new ArrayList<>(rows);
        all.sort(null);
        return all;
    }

    /** A Parquet file of the given schema and rows (text, dates as days since 1970, as the schema says). */
    private static void write(Path file, String schema, List<Map<String, Object>> rows) throws IOException {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> out = ExampleParquetWriter.builder(new LocalParquetFile(file)).withType(type)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (Map<String, Object> row : rows) {
                Group g = groups.newGroup();
                row.forEach((column, value) -> {
                    if (value instanceof Integer i) {
                        g.append(column, i);
                    } else {
                        g.append(column, (String) value);
                    }
                });
                out.write(g);
            }
        }
    }
}
