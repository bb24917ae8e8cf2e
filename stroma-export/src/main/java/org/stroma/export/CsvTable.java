package org.stroma.export;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A CSV table (RFC 4180): a header row and rows, each value quoted only where it must be. */
public final class CsvTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public CsvTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; a null value is an empty cell. */
    public CsvTable row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + header.size()
                    + " columns " + header);
        }
        List<String> row = new ArrayList<>();
        for (Object v : values) {
            row.add(v == null ? "" : String.valueOf(v));
        }
        rows.add(row);
        return this;
    }

    public int rows() {
        return rows.size();
    }

    public ExportedFile file(String name) {
        StringBuilder s = new StringBuilder();
        line(s, header);
        rows.forEach(r -> line(s, r));
        return ExportedFile.text(name, s.toString());
    }

    private static void line(StringBuilder s, List<String> values) {
        s.append(values.stream().map(CsvTable::field).collect(Collectors.joining(","))).append("\r\n");
    }

    /** A field as CSV writes it: quoted, its quotes doubled, when it holds a comma, a quote or a line break. */
    public static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
