package org.stroma.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RegistryImporter;

/**
 * Registry records read one at a time from files of any size: a record per file (any format the importer reads), or
 * the registry's bulk download, {@code ctg-studies.json}, a JSON array of hundreds of thousands of studies, streamed
 * element by element so that only one study is in memory at a time. A record that cannot be read is reported with
 * its file and place and passed over: one bad record does not keep the rest of the registry out of the index.
 */
public final class RegistryRecords {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(50_000_000).build()).build());

    /** A record that could not be read: where, and why. */
    public record Unread(String where, String problem) {
    }

    /** What reading came to: records read, and those passed over. */
    public record Tally(int read, List<Unread> unread) {
    }

    private RegistryRecords() {
    }

    /** Reads every record under the paths (files, or folders walked for .json, .xml and .txt), in name order. */
    public static Tally read(List<Path> paths, Consumer<Protocol> each) throws IOException {
        int[] read = {0};
        List<Unread> unread = new java.util.ArrayList<>();
        for (Path path : paths) {
            for (Path file : files(path)) {
                if (file.toString().endsWith(".json") && startsWithArray(file)) {
                    streamArray(file, each, read, unread);
                } else {
                    importOne(file.toString(), Files.readAllBytes(file), each, read, unread);
                }
            }
        }
        return new Tally(read[0], unread);
    }

    /** Reads the records of one file's content, named {@code where} in problems. */
    public static Tally read(String where, byte[] content, Consumer<Protocol> each) {
        int[] read = {0};
        List<Unread> unread = new java.util.ArrayList<>();
        importOne(where, content, each, read, unread);
        return new Tally(read[0], unread);
    }

    private static void streamArray(Path file, Consumer<Protocol> each, int[] read, List<Unread> unread)
            throws IOException {
        int element = 0;
        try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
            parser.nextToken();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null;
                    token = parser.nextToken()) {
                element++;
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    unread.add(new Unread(file + " element " + element, "not a study (a JSON " + token + ")"));
                    continue;
                }
                byte[] study = JSON.writeValueAsBytes(parser.readValueAsTree());
                importOne(file + " element " + element, study, each, read, unread);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // the rest of the file cannot be read past broken JSON: what came before it is kept
            unread.add(new Unread(file + " after element " + element, "the file's JSON is broken here, the rest is"
                    + " not read: " + e.getOriginalMessage()));
        }
    }

    private static void importOne(String where, byte[] content, Consumer<Protocol> each, int[] read,
            List<Unread> unread) {
        try {
            for (ImportedRecord r : new RegistryImporter().read(content)) {
                try {
                    each.accept(r.protocol());
                    read[0]++;
                } catch (IllegalArgumentException e) {
                    unread.add(new Unread(where, e.getMessage()));
                }
            }
        } catch (RecordFormatException e) {
            unread.add(new Unread(where, e.getMessage()));
        }
    }

    private static boolean startsWithArray(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '[';
        }
    }

    private static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".json") || n.endsWith(".xml") || n.endsWith(".txt");
            }).sorted().toList();
        }
    }
}
