package org.stroma.prescreen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a FHIR Bulk Data export: one .ndjson file, or every file under a folder (each must be .ndjson; hidden
 * files aside), in name order.
 */
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
            List<Path> all = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString()
                    .startsWith(".")).sorted().toList();
            // a file left unread would leave its facts out of every record: refused by name rather than passed over
            List<Path> other = all.stream().filter(p -> !p.getFileName().toString().endsWith(".ndjson")).toList();
            if (!other.isEmpty()) {
                throw new NoSuchFileException(other.get(0).toString(), null, "not an .ndjson file; a bulk export is"
                        + " read whole, so every file in its folder must be one (decompress .ndjson.gz files first)"
                        + (other.size() > 1 ? "; " + (other.size() - 1) + " more such file(s)" : ""));
            }
            List<Path> files = all;
            if (files.isEmpty()) {
                throw new NoSuchFileException(path.toString(), null, "no .ndjson file in this folder: a FHIR bulk"
                        + " export has one per resource type (Patient.ndjson, Observation.ndjson, …)");
            }
            return files;
        }
    }
}
