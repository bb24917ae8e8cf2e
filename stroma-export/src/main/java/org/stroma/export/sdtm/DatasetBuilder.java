package org.stroma.export.sdtm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a dataset row by row, each row as values by variable name; a name the dataset does not have is refused, so
 * that a value cannot silently fall out. --SEQ, where the dataset has it and the row does not set it, numbers each
 * subject's rows in the order they were added, from 1.
 */
final class DatasetBuilder {
    private final String name;
    private final String label;
    private final String sdtmClass;
    private final String structure;
    private final List<Variable> variables;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    DatasetBuilder(String name, String label, String sdtmClass, String structure, List<Variable> variables) {
        this.name = name;
        this.label = label;
        this.sdtmClass = sdtmClass;
        this.structure = structure;
        this.variables = List.copyOf(variables);
    }

    /** A new row, with STUDYID and DOMAIN (or RDOMAIN's dataset's) filled in by the caller. */
    Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        rows.add(row);
        return row;
    }

    boolean has(String variable) {
        return variables.stream().anyMatch(v -> v.name().equals(variable));
    }

    int size() {
        return rows.size();
    }

    Dataset build() {
        String sequence = name + "SEQ";
        boolean numbered = variables.stream().anyMatch(v -> v.name().equals(sequence));
        Map<Object, Integer> perSubject = new HashMap<>();
        List<List<Object>> cells = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            for (String n : row.keySet()) {
                if (variables.stream().noneMatch(v -> v.name().equals(n))) {
                    throw new IllegalStateException(name + " has no variable " + n);
                }
            }
            if (numbered && !row.containsKey(sequence)) {
                row.put(sequence, perSubject.merge(Objects.requireNonNullElse(row.get("USUBJID"), ""), 1,
                        Integer::sum));
            }
            List<Object> line = new ArrayList<>();
            for (Variable v : variables) {
                line.add(cell(v, row.get(v.name())));
            }
            cells.add(line);
        }
        return new Dataset(name, label, sdtmClass, structure, variables, cells);
    }

    /** A value in the variable's type: numbers as numbers, the rest as text; blank text is no value. */
    private Object cell(Variable v, Object value) {
        if (value == null) {
            return null;
        }
        if (v.type() == VariableType.INTEGER) {
            return ((Number) value).longValue();
        }
        if (v.type() == VariableType.FLOAT) {
            return ((Number) value).doubleValue();
        }
        String text = value.toString();
        return text.isBlank() ? null : text;
    }
}
