package org.stroma.prescreen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stroma.fhir.NdjsonLine;

/**
 * The in-process engine: one pass over the export's lines (or a table of facts' rows) gathers them patient by patient
 * in memory, then each
 * patient is read, and screened a batch at a time, on this thread. It holds the whole export's lines of the resource types screening
 * reads, which bounds it to what one machine's memory holds; beyond that, {@link SparkPrescreen}.
 */
public final class LocalPrescreen {
    private LocalPrescreen() {
    }

    public static List<PrescreenRow> run(Prescreen prescreen, Path patients) throws IOException {
        if (FactTable.isTable(patients)) {
            return runTable(prescreen, patients);
        }
        Map<String, List<NdjsonLine>> groups = new LinkedHashMap<>();
        for (Path file : BulkExport.files(patients)) {
            // bytes that are not UTF-8 become U+FFFD, and a byte order mark is dropped, as Spark's reading does
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16)) {
                long number = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    number++;
                    if (number == 1 && line.startsWith("\uFEFF")) {
                        line = line.substring(1);
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    NdjsonLine read = new NdjsonLine(file.toString(), number, line);
                    String key = ResourceRoute.of(read);
                    if (key != null) {
                        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(read);
                    }
                }
            }
        }
        List<NdjsonLine> unreadable = groups.remove(ResourceRoute.UNREADABLE);
        if (unreadable != null) {
            return prescreen.unreadable(unreadable);
        }
        List<NdjsonLine> shared = groups.getOrDefault(ResourceRoute.SHARED, List.of());
        groups.remove(ResourceRoute.SHARED);
        List<PrescreenRow> rows = new ArrayList<>();
        prescreen.screenInBatches(groups.entrySet().stream().map(g -> prescreen.read(g.getKey(),
                withShared(g.getValue(), shared))).iterator()).forEachRemaining(rows::add);
        return rows;
    }

    /** A table of facts: its rows gathered patient by patient, each patient's read into a record, then screened. */
    private static List<PrescreenRow> runTable(Prescreen prescreen, Path table) throws IOException {
        Map<String, List<FactRow>> groups = new LinkedHashMap<>();
        List<FactRow> ofNobody = new ArrayList<>();
        for (Path file : FactTable.files(table)) {
            for (FactRow row : FactTableFile.read(file)) {
                if (row.patient() == null || row.patient().isBlank()) {
                    ofNobody.add(row);
                } else {
                    groups.computeIfAbsent(row.patient(), k -> new ArrayList<>()).add(row);
                }
            }
        }
        if (!ofNobody.isEmpty()) {
            return FactTable.rowsOfNoPatient(ofNobody);
        }
        List<PrescreenRow> rows = new ArrayList<>();
        prescreen.screenInBatches(groups.entrySet().stream().map(g -> FactTable.read(prescreen, g.getKey(),
                g.getValue())).iterator()).forEachRemaining(rows::add);
        return rows;
    }

    static List<NdjsonLine> withShared(List<NdjsonLine> lines, List<NdjsonLine> shared) {
        if (shared.isEmpty()) {
            return lines;
        }
        List<NdjsonLine> all = new ArrayList<>(lines);
        all.addAll(shared);
        return all;
    }
}
