package org.stroma.analysis.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.data.DataSet;

/**
 * The rows of a data set an analysis uses: those with a value in every column it names. Reads those rows' columns as
 * numbers, events, groups and design matrices, each with the checks that make a clear error (a column missing, not a
 * number, constant; an event that is not 0 or 1; a group with one level).
 */
final class Frame {
    private final DataSet data;
    private final int[] rows;
    final List<String> notes = new ArrayList<>();

    Frame(DataSet data, String... columns) {
        this(data, Arrays.asList(columns));
    }

    Frame(DataSet data, List<String> columns) {
        this.data = data;
        List<String> used = new ArrayList<>(new LinkedHashSet<>(columns.stream().filter(Objects::nonNull).toList()));
        used.forEach(data::text); // a missing column is named before anything else
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) {
            if (data.complete(i, used)) {
                kept.add(i);
            }
        }
        rows = kept.stream().mapToInt(Integer::intValue).toArray();
        int dropped = data.rows() - rows.length;
        if (dropped > 0) {
            notes.add(dropped + " of " + data.rows() + " rows left out for a missing value in " + used);
        }
        if (rows.length == 0) {
            throw new DataException("no row has a value in every one of " + used);
        }
    }

    int n() {
        return rows.length;
    }

    /** The data set's row number (from 1) of a used row. */
    int row(int i) {
        return rows[i] + 1;
    }

    double[] numbers(String column) {
        Double[] all = data.numbers(column);
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = all[rows[i]];
        }
        return values;
    }

    /** A numeric column that must vary (an outcome, a covariate). */
    double[] varying(String column) {
        double[] values = numbers(column);
        for (double v : values) {
            if (v != values[0]) {
                return values;
            }
        }
        throw new DataException("column '" + column + "' is constant (every used row is " + values[0] + ")");
    }

    boolean[] events(String column) {
        double[] values = numbers(column);
        boolean[] events = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0 && values[i] != 1) {
                throw new DataException("column '" + column + "', row " + row(i) + ": " + values[i] + " is not 0"
                        + " (censored) or 1 (event)");
            }
            events[i] = values[i] == 1;
        }
        return events;
    }

    String[] text(String column) {
        List<String> all = data.text(column);
        String[] values = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = all.get(rows[i]);
        }
        return values;
    }

    /** A grouping column's levels, the reference first; at least two are needed. */
    List<String> levels(String column, String reference) {
        // the distinct values first, in the order met, then sorted: compareLevels tries each value as a number, and a
        // text value fails with an exception, so comparing every row (a million rows, two arms) took seconds where
        // hashing takes milliseconds. Values that compare equal ("1" and "1.0") still make one level, the first met.
        TreeSet<String> distinct = new TreeSet<>(DataSet::compareLevels);
        distinct.addAll(new LinkedHashSet<>(List.of(text(column))));
        List<String> levels = new ArrayList<>(distinct);
        if (levels.size() < 2) {
            throw new DataException("column '" + column + "' has one value ('" + levels.get(0) + "'); groups to"
                    + " compare need two or more");
        }
        if (reference != null) {
            if (!levels.remove(reference)) {
                throw new DataException("column '" + column + "' has no level '" + reference + "'; its levels are "
                        + levels);
            }
            levels.add(0, reference);
        }
        return levels;
    }

    /** Exactly two groups: the reference and the other. */
    List<String> twoLevels(String column, String reference) {
        List<String> levels = levels(column, reference);
        if (levels.size() != 2) {
            throw new DataException("column '" + column + "' has " + levels.size() + " groups " + levels + "; this"
                    + " method compares two");
        }
        return levels;
    }

    double[] valuesOf(double[] values, String[] groups, String level) {
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (groups[i].equals(level)) {
                kept.add(values[i]);
            }
        }
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A design matrix without the intercept: a 0/1 column for each non-reference level of the group, then each
     * covariate, a numeric one as it is and a text one by its levels.
     */
    Design design(String group, String reference, List<String> covariates) {
        List<String> terms = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        if (group != null) {
            addFactor(group, levels(group, reference), terms, columns);
        }
        for (String c : covariates) {
            if (isNumeric(c)) {
                terms.add(c);
                columns.add(varying(c));
            } else {
                addFactor(c, levels(c, null), terms, columns);
            }
        }
        double[][] x = new double[rows.length][terms.size()];
        for (int j = 0; j < terms.size(); j++) {
            for (int i = 0; i < rows.length; i++) {
                x[i][j] = columns.get(j)[i];
            }
        }
        return new Design(terms, x);
    }

    private void addFactor(String column, List<String> levels, List<String> terms, List<double[]> columns) {
        String[] values = text(column);
        for (String level : levels.subList(1, levels.size())) {
            double[] indicator = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                indicator[i] = values[i].equals(level) ? 1 : 0;
            }
            terms.add(column + "=" + level);
            columns.add(indicator);
        }
    }

    boolean isNumeric(String column) {
        try {
            numbers(column);
            return true;
        } catch (DataException e) {
            return false;
        }
    }

    record Design(List<String> terms, double[][] x) {
    }
}
