package org.stroma.export;

import java.util.ArrayList;
import java.util.List;

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
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            String v = values.get(i);
            s.append(v.matches(".*[,\"\r\n].*") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        s.append("\r\n");
    }
}
