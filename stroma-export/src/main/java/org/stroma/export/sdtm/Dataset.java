package org.stroma.export.sdtm;

import java.util.List;

/**
 * One SDTM dataset: its name (the domain, or SUPP-- for supplemental qualifiers), label, SDTM class and structure as
 * Define-XML states them, its variables in order and its rows, each with one cell per variable (null where there is no
 * value).
 */
record Dataset(String name, String label, String sdtmClass, String structure, List<Variable> variables,
        List<List<Object>> rows) {

    Dataset {
        variables = List.copyOf(variables);
        rows = List.copyOf(rows);
        for (List<Object> row : rows) {
            if (row.size() != variables.size()) {
                throw new IllegalStateException(name + ": a row of " + row.size() + " cells for " + variables.size()
                        + " variables");
            }
        }
    }

    /** Whether the dataset describes the trial rather than its subjects: the trial design datasets. */
    boolean referenceData() {
        return sdtmClass.equals(SdtmClass.TRIAL_DESIGN);
    }

    /** The longest value of a variable as text, at least 1: the planned length Define-XML and Dataset-JSON give. */
    int length(int column) {
        int longest = 1;
        for (List<Object> row : rows) {
            Object v = row.get(column);
            if (v != null) {
                longest = Math.max(longest, SdtmValues.text(v).length());
            }
        }
        return longest;
    }
}
