package org.stroma.store.conduct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.store.study.StudyStore;

/** MESAMI2 imported, reviewed and published in a store: the trial the conduct tests run. */
public final class PublishedSeed {
    private static final Path MESAMI2 = Path.of("..", "fixtures", "seeds", "000_b4a57771c457638a.txt");

    private PublishedSeed() {
    }

    /** Publishes MESAMI2 and returns its study id. */
    public static String mesami2(StudyStore studies) throws IOException, SQLException {
        ImportedRecord record = new RegistryImporter().read(Files.readAllBytes(MESAMI2)).get(0);
        String study = studies.importProtocol("admin", record.protocol(), record.report()).study();
        studies.review("dm", study, 1);
        studies.publish("admin", study, 1);
        return study;
    }
}
