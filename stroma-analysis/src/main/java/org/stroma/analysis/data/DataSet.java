package org.stroma.analysis.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A table of named columns, as a statistician brings it: a CSV file with a header row. Cells stay text until an
 * analysis asks for a column as numbers or as groups; an empty cell, "NA" or "." is missing. Rows are counted from 1,
 * the header being row 0, so that an error names the row a person sees in a spreadsheet (plus one).
 */
public final class DataSet {
    private final Map<String, List<String>> columns;
    private final int rows;

    public DataSet(Map<String, List<String>> columns) {
        this.columns = new LinkedHashMap<>(columns);
        this.rows = columns.isEmpty() ? 0 : columns.values().iterator().next().size();
        for (Map.Entry<String, List<String>> c : columns.entrySet()) {
            if (c.getValue().size() != rows) {
                throw new DataException("column '" + c.getKey() + "' has " + c.getValue().size() + " rows, not " + rows);
            }
        }
    }

    /** Reads a CSV table with a header row; {@code name} is how errors refer to it. */
    public static DataSet readCsv(Reader in, String name) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new DataException(name + ": no header row");
            }
            Map<String, List<String>> columns = new LinkedHashMap<>();
            header.forEach(h -> columns.put(h, new ArrayList<>()));
            for (CSVRecord r : parser) {
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue; // a blank line
                }
                if (r.size() != header.size()) {
                    throw new DataException(name + ", line " + parser.getCurrentLineNumber() + ": " + r.size()
                            + " cells, the header has " + header.size());
                }
                for (int i = 0; i < header.size(); i++) {
                    columns.get(header.get(i)).add(r.get(i));
                }
            }
            if (columns.values().iterator().next().isEmpty()) {
                throw new DataException(name + ": no rows under the header");
            }
            return new DataSet(columns);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DataException(name + ": not a CSV table with a header row (" + e.getMessage() + ")");
        }
    }

    public int rows() {
        return rows;
    }

    public Set<String> names() {
        return columns.keySet();
    }

    /** Whether a row has a value in every one of these columns. */
    public boolean complete(int row, List<String> names) {
        for (String n : names) {
            if (missing(text(n).get(row))) {
                return false;
            }
        }
        return true;
    }

    public List<String> text(String name) {
        List<String> c = columns.get(name);
        if (c == null) {
            throw new DataException("no column '" + name + "'; the columns are " + columns.keySet());
        }
        return c;
    }

    /** A column as numbers; null where the cell is missing. */
    public Double[] numbers(String name) {
        List<String> c = text(name);
        Double[] values = new Double[rows];
        for (int i = 0; i < rows; i++) {
            String cell = c.get(i);
            if (missing(cell)) {
                continue;
            }
            try {
                values[i] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new DataException("column '" + name + "', row " + (i + 1) + ": '" + cell + "' is not a number");
            }
            if (!Double.isFinite(values[i])) {
                throw new DataException("column '" + name + "', row " + (i + 1) + ": '" + cell + "' is not finite");
            }
        }
        return values;
    }

    /** The distinct values of a column, in their sorted order (numbers by value, then text). */
    public List<String> levels(String name) {
        Set<String> seen = new LinkedHashSet<>();
        for (String v : text(name)) {
            if (!missing(v)) {
                seen.add(v);
            }
        }
        List<String> levels = new ArrayList<>(seen);
        levels.sort(DataSet::compareLevels);
        return levels;
    }

    public static int compareLevels(String a, String b) {
        Double x = parse(a);
        Double y = parse(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static Double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static boolean missing(String cell) {
        return cell == null || cell.isEmpty() || cell.equalsIgnoreCase("NA") || cell.equals(".");
    }
}
