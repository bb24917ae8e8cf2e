package org.stroma.export.sdtm;

/**
 * A variable's logical type, as Dataset-JSON v1.1 names it in {@code dataType} and Define-XML in ItemDef/@DataType.
 * Dates are ISO 8601 strings in both; numbers are JSON numbers.
 */
enum VariableType {
    TEXT("string", "text"),
    INTEGER("integer", "integer"),
    FLOAT("float", "float"),
    DATE("date", "date"),
    DATETIME("datetime", "datetime");

    private final String datasetJson;
    private final String define;

    VariableType(String datasetJson, String define) {
        this.datasetJson = datasetJson;
        this.define = define;
    }

    String datasetJson() {
        return datasetJson;
    }

    String define() {
        return define;
    }

    boolean numeric() {
        return this == INTEGER || this == FLOAT;
    }
}
