package org.stroma.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stroma.protocol.json.ProtocolJson;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.protocol.registry.v2.ApiV2Writer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stroma import FILE...}: reads registry records and prints a summary, Stroma's protocol JSON or API v2 JSON.
 * A file that cannot be read is reported on one line, naming the file, the place and the problem; the other files are
 * still imported, and the exit code is 2 (1 when reading a file met an internal error, reported the same way).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import registry records (API v2 JSON, classic API JSON, legacy XML, registry pages).")
final class ImportCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    enum Format { summary, protocol, ctgov_v2 }

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Registry record files.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "summary",
            converter = FormatConverter.class,
            description = "summary (default), protocol (Stroma's protocol JSON) or ctgov-v2 (API v2 JSON).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RegistryImporter importer = new RegistryImporter();
        Map<Path, List<ImportedRecord>> imported = new LinkedHashMap<>();
        int exit = 0;
        for (Path file : files) {
            try {
                imported.put(file, importer.read(Files.readAllBytes(file)));
            } catch (RecordFormatException e) {
                err.println("stroma: " + file + ": " + e.getMessage());
                exit = exit == 0 ? 2 : exit;
            } catch (NoSuchFileException e) {
                err.println("stroma: " + file + ": no such file");
                exit = exit == 0 ? 2 : exit;
            } catch (IOException e) {
                err.println("stroma: " + file + ": cannot be read (" + e.getMessage() + ")");
                exit = exit == 0 ? 2 : exit;
            } catch (RuntimeException | StackOverflowError e) {
                // Stroma's fault, not the file's; still, the other files' records are imported and printed
                err.println("stroma: " + file + ": " + Unexpected.describe(e));
                exit = 1;
            }
        }
        print(imported, out);
        out.flush();
        return exit;
    }

    private void print(Map<Path, List<ImportedRecord>> imported, PrintWriter out) throws IOException {
        if (format == Format.summary) {
            imported.forEach((file, records) -> records.forEach(r -> out.println(ImportSummary.render(file, r))));
            return;
        }
        List<JsonNode> documents = new ArrayList<>();
        imported.values().forEach(records -> records.forEach(r -> documents.add(document(r))));
        if (documents.size() == 1) {
            out.println(JSON.writeValueAsString(documents.get(0)));
        } else if (!documents.isEmpty()) {
            ArrayNode array = JSON.createArrayNode();
            documents.forEach(array::add);
            out.println(JSON.writeValueAsString(array));
        }
    }

    private JsonNode document(ImportedRecord record) {
        if (format == Format.protocol) {
            return ProtocolJson.toTree(record.protocol());
        }
        Map<String, JsonNode> unmodelled = new LinkedHashMap<>();
        record.unmodelledJson().forEach((pointer, json) -> {
            try {
                unmodelled.put(pointer, JSON.readTree(json));
            } catch (IOException e) {
                throw new IllegalStateException("unmodelled JSON kept at import is not JSON", e);
            }
        });
        return ApiV2Writer.write(record.protocol(), unmodelled);
    }

    /** Accepts the documented spelling "ctgov-v2" for the enum constant {@code ctgov_v2}. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a format; use summary, protocol or ctgov-v2");
            }
        }
    }
}
