package org.stroma.export.sdtm;

import java.util.List;
import java.util.stream.Collectors;
import org.stroma.export.CsvTable;

/**
 * A dataset as CSV (RFC 4180): a header row of the variable names, then one line per row; a missing value is an empty
 * field, numbers are written without needless digits, and a field with a comma, quote or line break is quoted.
 */
final class DatasetCsv {
    private DatasetCsv() {
    }

    static String write(Dataset dataset) {
        StringBuilder out = new StringBuilder();
        out.append(dataset.variables().stream().map(Variable::name).collect(Collectors.joining(","))).append("\r\n");
        for (List<Object> row : dataset.rows()) {
            out.append(row.stream().map(c -> CsvTable.field(SdtmValues.text(c))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }
}
