package org.stroma.prescreen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a FHIR Bulk Data export: one .ndjson file, or every .ndjson file under a folder, in name order. */
final class BulkExport {
    private BulkExport() {
    }

    static List<Path> files(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder of patients");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString()
                    .endsWith(".ndjson")).sorted().toList();
            if (files.isEmpty()) {
                throw new NoSuchFileException(path.toString(), null, "no .ndjson file in this folder: a FHIR bulk"
                        + " export has one per resource type (Patient.ndjson, Observation.ndjson, …)");
            }
            return files;
        }
    }
}
