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
        // a file of no rows is checked as well, on its footer
        Path emptyMisspelled = work.resolve("empty-misspelled.parquet");
        write(emptyMisspelled, "message facts { required binary patient (STRING); required binary kind (STRING);"
                + " optional int32 end_dat (DATE); }", List.of());
        Path repeated = work.resolve("repeated.parquet");
        write(repeated, "message facts { required binary patient (STRING); required binary kind (STRING);"
                + " repeated binary code (STRING); }", List.of(Map.of("patient", "p1", "kind", "patient")));
        Path notParquet = work.resolve("not.parquet");
        Files.writeString(notParquet, "patient,kind\np1,patient\n");
        Map<Path, String> expected = Map.of(misspelled, "column 'end_dat' is not a column of a table of facts",
                wrongType, "column 'value' holds text, not numbers", noKind, "no column 'kind'",
                emptyMisspelled, "column 'end_dat' is not a column of a table of facts",
                repeated, "column 'code' holds values of another type, not text",
                notParquet, "not a Parquet file that can be read");
        expected.forEach((table, problem) -> {
            assertThatThrownBy(() -> LocalPrescreen.run(prescreen, table)).isInstanceOf(UnreadableTableException.class)
                    .hasMessageContaining(table.toString()).hasMessageContaining(problem);
            assertThatThrownBy(() -> SparkPrescreen.run(spark, prescreen, table))
                    .isInstanceOf(UnreadableTableException.class).hasMessageContaining(table.toString())
                    .hasMessageContaining(problem);
        });
        // a table partitioned into folders would be read short of them
        Path partitioned = Files.createDirectories(work.resolve("partitioned/kind=observation"));
        FactTableFile.write(List.of(), work.resolve("partitioned/part-0.parquet"));
        FactTableFile.write(List.of(), partitioned.resolve("part-0.parquet"));
        assertThatThrownBy(() -> LocalPrescreen.run(prescreen, work.resolve("partitioned")))
                .hasMessageContaining("kind=observation").hasMessageContaining("a folder inside a table of facts");
    }

    /**
     * The rows of one fact (its codings) make one fact, with the first row's value and dates; blank text is empty;
     * a float is the decimal written; flags left empty take their defaults; dates before the Gregorian calendar are
     * read by both engines alike.
     */
    @Test
    void aFactsRowsMakeOneFactAndCellsAreReadAsWritten() throws IOException {
        Path table = work.resolve("codings.parquet");
        int born = (int) LocalDate.of(1955, 3, 1).toEpochDay();
        int measured = (int) LocalDate.of(2025, 11, 2).toEpochDay();
        write(table, "message facts { required binary patient (STRING); required binary kind (STRING);"
                + " optional binary fact (STRING); optional binary system (STRING); optional binary code (STRING);"
                + " optional binary display; optional float value; optional binary unit (STRING);"
                + " optional int32 date (DATE); optional binary text (STRING); optional binary sex (STRING); }",
                List.of(Map.of("patient", "p", "kind", "patient", "date", born, "sex", " "),
                        Map.of("patient", "p", "kind", "observation", "fact", "o1", "system", "http://loinc.org",
                                "code", "2160-0", "value", 1.3f, "unit", "mg/dL", "date", measured),
                        Map.of("patient", "p", "kind", "observation", "fact", "o1", "system", "http://loinc.org",
                                "code", "38483-4", "value", 9.9f, "date", measured + 5),
                        Map.of("patient", "p", "kind", "medication", "code", "", "display", "Metformin 500 MG"),
                        Map.of("patient", "p", "kind", "allergy", "text", "penicillin"),
                        Map.of("patient", "old", "kind", "patient", "date", (int) LocalDate.of(1, 1, 1).toEpochDay())));
        Map<String, List<FactRow>> byPatient = new java.util.TreeMap<>();
        FactTableFile.read(table).forEach(r -> byPatient.computeIfAbsent(r.patient(), k -> new ArrayList<>()).add(r));
        PatientRecord p = FactTable.read(prescreen, "p", byPatient.get("p")).patients().get(0);
        assertThat(p.sex()).isNull();
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(1955, 3, 1));
        assertThat(p.observations()).singleElement().satisfies(o -> {
            assertThat(o.codes()).extracting(c -> c.code()).containsExactly("2160-0", "38483-4");
            assertThat(o.value()).isEqualTo(1.3);
            assertThat(o.unit()).isEqualTo("mg/dL");
            assertThat(o.date()).isEqualTo(LocalDate.of(2025, 11, 2));
        });
        assertThat(p.medications()).singleElement().satisfies(m -> {
            assertThat(m.codes()).singleElement().satisfies(c -> assertThat(c.code()).isNull());
            assertThat(m.text()).isEqualTo("Metformin 500 MG");
            assertThat(m.endUnknown()).isFalse();
        });
        assertThat(p.allergies()).singleElement().satisfies(a -> {
            assertThat(a.drug()).isTrue();
            assertThat(a.active()).isTrue();
            assertThat(a.text()).isEqualTo("penicillin");
        });
        assertThat(sorted(SparkPrescreen.run(spark, prescreen, table).collect()))
                .isEqualTo(sorted(LocalPrescreen.run(prescreen, table)));
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
                Map.of("patient", "odd-sex", "kind", "patient", "sex", "x"),
                Map.of("patient", "bad-bytes", "kind", "patient", "sex", "male"),
                Map.of("patient", "bad-bytes", "kind", "condition", "code", new byte[] {'E', '1', (byte) 0xC3, '('})));
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
            assertThat(problem(rows, "bad-bytes")).contains("row 10: text whose bytes are not UTF-8");
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

    /** A Parquet file of the given schema and rows (text, floats, dates as days since 1970, as the schema says). */
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
                    } else if (value instanceof Float f) {
                        g.append(column, f);
                    } else if (value instanceof byte[] bytes) {
                        g.append(column, org.apache.parquet.io.api.Binary.fromConstantByteArray(bytes));
                    } else {
                        g.append(column, (String) value);
                    }
                });
                out.write(g);
            }
        }
    }
}
