package org.stroma.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RegistryImporter;

/** The test fixtures: the five seeds, the copied registry records, and the shared registry folder when present. */
public final class Fixtures {
    public static final List<String> SEEDS = List.of("000_b4a57771c457638a", "001_1ab109ef512b8771",
            "002_70a1459048f6b63c", "003_4c6cadfb0611a693", "004_58ec9ded4b3b1533");

    private Fixtures() {
    }

    public static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] seed(String name) {
        return resource("fixtures/seeds/" + name + ".txt");
    }

    public static ImportedRecord importSeed(String name) {
        List<ImportedRecord> records = new RegistryImporter().read(seed(name));
        if (records.size() != 1) {
            throw new IllegalStateException(name + " should hold one study, not " + records.size());
        }
        return records.get(0);
    }

    /** The copied registry records under fixtures/ctgov/, as files. */
    public static List<Path> copiedRecords() {
        try {
            Path root = Path.of(Fixtures.class.getClassLoader().getResource("fixtures/ctgov").toURI());
            return recordsUnder(root);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared folder of real registry records, or null when this checkout has none beside it. */
    public static Path sharedRecords() {
        String shared = System.getProperty("stroma.shared.dir");
        if (shared == null) {
            return null;
        }
        Path ctgov = Path.of(shared, "ctgov").toAbsolutePath().normalize();
        return Files.isDirectory(ctgov) ? ctgov : null;
    }

    public static List<Path> recordsUnder(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared records when present, else the copied ones; says which in the test output. */
    public static List<Path> allRecords(String who) {
        return allRecords(who, "");
    }

    /** As {@link #allRecords(String)}, only those in a format folder ("api-v2", "legacy-xml"…). */
    public static List<Path> allRecords(String who, String formatFolder) {
        Path shared = sharedRecords();
        List<Path> records = (shared == null ? copiedRecords() : recordsUnder(shared)).stream()
                .filter(p -> formatFolder.isEmpty() || p.getParent().getFileName().toString().equals(formatFolder))
                .toList();
        System.out.println(who + ": covering " + records.size() + (formatFolder.isEmpty() ? "" : " " + formatFolder)
                + " records " + (shared == null ? "copied into the fixtures (../shared/ctgov is not beside this checkout)"
                : "in " + shared));
        return records;
    }
}
