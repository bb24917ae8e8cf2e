package org.stroma.prescreen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and unusual exports, each prescreened by both engines, which must give the same rows — and never a verdict
 * on a record short of one of its lines: a byte order mark, bytes that are not UTF-8, references written otherwise,
 * a misspelled resource type, a line naming two patients, a Medication referred to, a folder whose name Hadoop would
 * read as a pattern.
 */
class PrescreenRoutingTest {
    private static final LocalDate DATE = LocalDate.of(2026, 1, 1);

    @TempDir
    static Path work;
    static SparkSession spark;
    static Prescreen prescreen;
    static Path clean;

    @BeforeAll
    static void start() throws IOException, URISyntaxException {
        List<TrialFile> trials = new ArrayList<>();
        for (Path seed : PrescreenEnginesTest.seeds()) {
            trials.add(TrialFile.read(seed));
        }
        prescreen = new Prescreen(trials.subList(0, 2), DATE);
        clean = work.resolve("clean");
        PrescreenPopulation.write(prescreen.eligibilities(), 6, 6, DATE, 5, clean);
        spark = SparkSession.builder().master("local[2]").appName("prescreen-routing")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Both engines' rows, which must be the same; the in-process engine's are returned. */
    private static List<PrescreenRow> both(Path export) throws IOException {
        List<PrescreenRow> local = new ArrayList<>(LocalPrescreen.run(prescreen, export));
        List<PrescreenRow> distributed = new ArrayList<>(SparkPrescreen.run(spark, prescreen, export).collect());
        local.sort(null);
        distributed.sort(null);
        assertThat(distributed).isEqualTo(local);
        return local;
    }

    private static Path copy(String name) throws IOException {
        Path copy = work.resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(clean)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static List<PrescreenRow> notScreened(List<PrescreenRow> rows) {
        return rows.stream().filter(r -> r.verdict().equals(PrescreenRow.NOT_SCREENED)).toList();
    }

    @Test
    void aCleanExportIsScreenedWhole() throws IOException {
        List<PrescreenRow> rows = both(clean);
        assertThat(rows).hasSize(12);
        assertThat(notScreened(rows)).isEmpty();
    }

    @Test
    void aByteOrderMarkIsNoDamage() throws IOException {
        Path export = copy("bom");
        Path patients = export.resolve("Patient.ndjson");
        byte[] content = Files.readAllBytes(patients);
        byte[] marked = new byte[content.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(content, 0, marked, 3, content.length);
        Files.write(patients, marked);
        assertThat(both(export)).isEqualTo(both(clean));
    }

    @Test
    void bytesThatAreNotUtf8LeaveOutTheirPatient() throws IOException {
        Path export = copy("latin1");
        Path conditions = export.resolve("Observation.ndjson");
        List<String> lines = Files.readAllLines(conditions);
        String first = lines.get(0);
        String patient = first.replaceAll(".*\"reference\":\"Patient/([^\"]+)\".*", "$1");
        lines.set(0, first.replace("\"status\":\"final\"", "\"status\":\"final\",\"note\":[{\"text\":\"caf\u00e9\"}]"));
        Files.write(conditions, String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
        List<PrescreenRow> rows = both(export);
        assertThat(notScreened(rows)).hasSize(2).allSatisfy(r -> assertThat(r.patient()).isEqualTo(patient))
                .allSatisfy(r -> assertThat(r.problem()).contains("line 1").contains("not UTF-8"));
        assertThat(rows).hasSize(12);
    }

    @Test
    void referencesAreResolvedAsTheReaderResolvesThem() throws IOException {
        Path export = copy("references");
        Path observations = export.resolve("Observation.ndjson");
        String text = Files.readString(observations);
        // a trailing slash, an absolute URL with a version: the same patient as "Patient/p0"
        text = text.replaceFirst("\"Patient/p0\"", "\"Patient/p0/\"").replaceFirst("\"Patient/p1\"",
                "\"https://ehr.example.org/fhir/Patient/p1/_history/3\"");
        Files.writeString(observations, text);
        assertThat(both(export)).isEqualTo(both(clean));
    }

    @Test
    void aMisspelledResourceTypeLeavesOutThePatientItNames() throws IOException {
        Path export = copy("misspelled");
        Path conditions = export.resolve("Condition.ndjson");
        List<String> lines = new ArrayList<>(Files.readAllLines(conditions));
        String patient = lines.get(0).replaceAll(".*\"reference\":\"Patient/([^\"]+)\".*", "$1");
        lines.set(0, lines.get(0).replace("\"resourceType\":\"Condition\"", "\"resourceType\":\"Conditon\""));
        Files.write(conditions, lines);
        List<PrescreenRow> rows = both(export);
        assertThat(notScreened(rows)).isNotEmpty().allSatisfy(r -> assertThat(r.patient()).isEqualTo(patient));
        assertThat(rows.stream().filter(r -> !r.patient().equals(patient))).hasSize(10)
                .allSatisfy(r -> assertThat(r.verdict()).isNotEqualTo(PrescreenRow.NOT_SCREENED));
    }

    @Test
    void aDamagedLineNamingTwoPatientsScreensNobody() throws IOException {
        Path export = copy("two");
        Files.writeString(export.resolve("Observation.ndjson"), "{\"resourceType\":\"Observation\",\"focus\":"
                + "[{\"reference\":\"Patient/p1\"}],\"subject\":{\"reference\":\"Patient/p0\"\n",
                StandardOpenOption.APPEND);
        List<PrescreenRow> rows = both(export);
        assertThat(rows).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(PrescreenRow.NOT_SCREENED));
        assertThat(rows).anySatisfy(r -> assertThat(r.problem()).startsWith("no patient is screened"));
    }

    @Test
    void aBundleInABulkExportScreensNobodyNotEvenThePatientItHolds() throws IOException {
        Path export = copy("bundle");
        Files.writeString(export.resolve("Bundle.ndjson"), "{\"resourceType\":\"Bundle\",\"type\":\"collection\","
                + "\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"b1\"}}]}\n");
        assertThat(both(export)).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(PrescreenRow.NOT_SCREENED))
                .noneSatisfy(r -> assertThat(r.patient()).isEqualTo("b1"));
    }

    @Test
    void aSubjectWrittenAsTextScreensNobody() throws IOException {
        Path export = copy("text-subject");
        Files.writeString(export.resolve("Condition.ndjson"), "{\"resourceType\":\"Condition\",\"id\":\"x\","
                + "\"subject\":\"somebody\",\"code\":{\"text\":\"asthma\"}}\n", StandardOpenOption.APPEND);
        assertThat(both(export)).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(PrescreenRow.NOT_SCREENED));
    }

    @Test
    void aResourceNamingNoPatientIsReportedAndSpoilsNobody() throws IOException {
        Path export = copy("no-subject");
        Files.writeString(export.resolve("Condition.ndjson"), "{\"resourceType\":\"Condition\",\"id\":\"x\","
                + "\"code\":{\"text\":\"asthma\"}}\n", StandardOpenOption.APPEND);
        List<PrescreenRow> rows = both(export);
        assertThat(notScreened(rows)).singleElement().satisfies(r -> {
            assertThat(r.patient()).isEmpty();
            assertThat(r.problem()).contains("names no patient");
        });
        assertThat(rows).hasSize(13);
    }

    @Test
    void aMedicationReferredToIsReadIntoEveryRecordThatNamesIt() throws IOException {
        Path export = copy("medication");
        Files.writeString(export.resolve("Medication.ndjson"), "{\"resourceType\":\"Medication\",\"id\":\"m1\","
                + "\"code\":{\"coding\":[{\"system\":\"http://www.whocc.no/atc\",\"code\":\"H02AB06\"}]}}\n");
        Files.writeString(export.resolve("MedicationRequest.ndjson"), "{\"resourceType\":\"MedicationRequest\","
                + "\"id\":\"r1\",\"status\":\"active\",\"intent\":\"order\",\"medicationReference\":{\"reference\":"
                + "\"Medication/m1\"},\"subject\":{\"reference\":\"Patient/p2\"},\"authoredOn\":\"2025-12-01\"}\n");
        // claims are not read, not even parsed
        Files.writeString(export.resolve("Claim.ndjson"), "{\"resourceType\":\"Claim\",\"patient\":{\"reference\":"
                + "\"Patient/p3\"},\"bogus\":true}\n");
        List<PrescreenRow> rows = both(export);
        assertThat(notScreened(rows)).isEmpty();
        assertThat(rows).hasSize(12);
    }

    @Test
    void aFolderNamedLikeAPatternIsReadAsItIs() throws IOException {
        Path export = copy("export [1]{a}");
        assertThat(both(export)).isEqualTo(both(clean));
    }
}
