package org.stroma.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.stroma.protocol.text.Words;
import org.stroma.trial.capture.FormLibrary;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.capture.ItemType;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.patient.AdministrativeSex;

/**
 * The baseline table of the randomized subjects, a column per arm and one for all of them (blinded: that one alone):
 * age at randomization (mean ± SD, median and range), sex, each stratification factor's levels, the weight the
 * products were dosed by, and each item measured at the baseline visit — a number as mean ± SD, median, range, a
 * class (NYHA, CCS) as counts. A subject whose screening record gave no age or sex is counted as not recorded: the
 * table never fills in a value the trial did not hold, and its counts always add up to the arm's subjects.
 */
final class BaselineTable {
    /** The column of every randomized subject: the only one of the blinded report. */
    static final String ALL = "all subjects";

    private static final Map<String, ItemDef> ITEMS = items();

    private BaselineTable() {
    }

    private static Map<String, ItemDef> items() {
        Map<String, ItemDef> items = new LinkedHashMap<>();
        for (FormLibrary.Entry e : FormLibrary.standard().entries()) {
            e.form().items().forEach(i -> items.putIfAbsent(i.id(), i));
        }
        return items;
    }

    /**
     * The section. {@code arms} names each group's column ("A: placebo"); {@code label} names an item with its unit.
     */
    static String html(LockedTrial t, boolean blinded, Map<String, String> arms, Function<String, String> label) {
        List<LockedTrial.SubjectRow> randomized = t.subjects().stream().filter(s -> s.group() != null).toList();
        Map<String, String> columnOf = new LinkedHashMap<>();
        randomized.forEach(s -> columnOf.put(s.subject(), blinded ? ALL : arms.getOrDefault(s.group(), s.group())));
        List<String> columns = new ArrayList<>();
        if (!blinded) {
            columns.addAll(new TreeMap<>(arms).values().stream().distinct().toList());
        }
        columns.add(ALL);
        Map<String, Integer> n = new LinkedHashMap<>();
        columns.forEach(c -> n.put(c, 0));
        for (LockedTrial.SubjectRow s : randomized) {
            n.merge(columnOf.get(s.subject()), 1, Integer::sum);
            if (!blinded) {
                n.merge(ALL, 1, Integer::sum);
            }
        }
        List<String> headers = new ArrayList<>(List.of("Characteristic"));
        columns.forEach(c -> headers.add(c + " (n = " + n.get(c) + ")"));
        Table table = new Table(columns, n, blinded);

        Map<String, List<Double>> ages = table.numbers();
        Map<String, Map<String, Integer>> sexes = table.counts();
        for (LockedTrial.SubjectRow s : randomized) {
            String c = columnOf.get(s.subject());
            if (s.ageYears() != null) {
                table.add(ages, c, s.ageYears().doubleValue());
            }
            table.count(sexes, c, sex(s.sex()));
        }
        table.numberRow("Age at randomization (years)", ages);
        table.classRows("Sex", sexes, List.of("female", "male", "other", "not recorded"));

        Map<String, Map<String, Map<String, Integer>>> strata = new LinkedHashMap<>();
        for (LockedTrial.SubjectRow s : randomized) {
            for (Map.Entry<String, String> level : s.strata().entrySet()) {
                table.count(strata.computeIfAbsent(level.getKey(), k -> table.counts()), columnOf.get(s.subject()),
                        level.getValue());
            }
        }
        strata.forEach((factor, counts) -> table.classRows("Stratum: " + factor, counts, List.of()));

        Map<String, List<Double>> weights = table.numbers();
        randomized.stream().filter(s -> s.baselineWeightKg() != null).forEach(s -> table.add(weights,
                columnOf.get(s.subject()), s.baselineWeightKg()));
        if (weights.values().stream().anyMatch(v -> !v.isEmpty())) {
            table.numberRow("Weight at randomization (kg)", weights);
        }

        Map<String, Map<String, List<Double>>> numbers = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Integer>>> classes = new LinkedHashMap<>();
        for (String item : ITEMS.keySet()) {
            if (ITEMS.get(item).type() == ItemType.CODED) {
                classes.put(item, table.counts());
            } else if (ITEMS.get(item).numeric() && !item.startsWith("item_")) {
                numbers.put(item, table.numbers());
            }
        }
        for (LockedTrial.MeasurementRow m : t.measurements()) {
            String c = columnOf.get(m.subject());
            if (c == null || !m.visit().equals("Baseline") || m.value() == null) {
                continue;
            }
            Map<String, List<Double>> values = numbers.get(m.item());
            Map<String, Map<String, Integer>> counts = classes.get(m.item());
            if (values != null) {
                try {
                    table.add(values, c, Double.parseDouble(m.value()));
                } catch (NumberFormatException notANumber) {
                    // the edit checks refuse a number that does not read; nothing to summarise
                }
            } else if (counts != null) {
                table.count(counts, c, m.value());
            }
        }
        numbers.forEach((item, values) -> {
            if (values.values().stream().anyMatch(v -> !v.isEmpty())) {
                table.numberRow(label.apply(item), values);
            }
        });
        classes.forEach((item, counts) -> {
            if (counts.values().stream().anyMatch(v -> !v.isEmpty())) {
                table.classRows(label.apply(item), counts, ITEMS.get(item).codes());
            }
        });
        String note = "<p class=\"muted\">Randomized subjects. Age and sex as the record read at screening gave them"
                + " (age in completed years on the day of randomization); a subject whose record did not give them is"
                + " counted as not recorded. A number: mean ± SD, median (range), and how many had it; a class: n (%"
                + " of the column's subjects)." + (blinded ? " Blinded: every subject in one column." : "") + "</p>";
        return "<section id=\"baseline\"><h2>Baseline</h2>" + note + Html.table(headers, table.rows) + "</section>";
    }

    private static String sex(AdministrativeSex sex) {
        return sex == null || sex == AdministrativeSex.UNKNOWN ? "not recorded" : Words.of(sex);
    }

    /** The rows as they are added, each value counted in its column and, unblinded, in the column of all. */
    private static final class Table {
        private final List<String> columns;
        private final Map<String, Integer> n;
        private final boolean blinded;
        final List<List<String>> rows = new ArrayList<>();

        Table(List<String> columns, Map<String, Integer> n, boolean blinded) {
            this.columns = columns;
            this.n = n;
            this.blinded = blinded;
        }

        Map<String, List<Double>> numbers() {
            Map<String, List<Double>> m = new LinkedHashMap<>();
            columns.forEach(c -> m.put(c, new ArrayList<>()));
            return m;
        }

        Map<String, Map<String, Integer>> counts() {
            Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
            columns.forEach(c -> m.put(c, new LinkedHashMap<>()));
            return m;
        }

        void add(Map<String, List<Double>> values, String column, double v) {
            values.get(column).add(v);
            if (!blinded) {
                values.get(ALL).add(v);
            }
        }

        void count(Map<String, Map<String, Integer>> counts, String column, String level) {
            counts.get(column).merge(level, 1, Integer::sum);
            if (!blinded) {
                counts.get(ALL).merge(level, 1, Integer::sum);
            }
        }

        /** One row: mean ± SD, median (range), n; and how many had no value, where any had none. */
        void numberRow(String name, Map<String, List<Double>> values) {
            List<String> row = new ArrayList<>(List.of(Html.esc(name)));
            for (String c : columns) {
                row.add(Html.esc(summary(values.get(c))));
            }
            rows.add(row);
            if (columns.stream().anyMatch(c -> values.get(c).size() < n.get(c))) {
                List<String> missing = new ArrayList<>(List.of("&nbsp;&nbsp;not recorded"));
                columns.forEach(c -> missing.add(share(n.get(c) - values.get(c).size(), n.get(c))));
                rows.add(missing);
            }
        }

        /**
         * A heading row, then a row per level: the levels given in their order first (those seen), then any other in
         * alphabetical order, "not recorded" last.
         */
        void classRows(String name, Map<String, Map<String, Integer>> counts, List<String> order) {
            Set<String> seen = new LinkedHashSet<>();
            counts.values().forEach(m -> seen.addAll(m.keySet()));
            List<String> levels = new ArrayList<>(order.stream().filter(seen::contains).toList());
            seen.stream().filter(l -> !levels.contains(l)).sorted(Comparator.comparing((String l) -> l.equals(
                    "not recorded")).thenComparing(Comparator.naturalOrder())).forEach(levels::add);
            if (levels.remove("not recorded")) {
                levels.add("not recorded");
            }
            List<String> head = new ArrayList<>(List.of("<strong>" + Html.esc(name) + "</strong>"));
            columns.forEach(c -> head.add(""));
            rows.add(head);
            for (String level : levels) {
                List<String> row = new ArrayList<>(List.of("&nbsp;&nbsp;" + Html.esc(level)));
                columns.forEach(c -> row.add(share(counts.get(c).getOrDefault(level, 0), n.get(c))));
                rows.add(row);
            }
        }

        private static String share(int count, int of) {
            return of == 0 ? String.valueOf(count) : count + " (" + String.format(Locale.ROOT, "%.1f", 100.0 * count
                    / of) + " %)";
        }

        private static String summary(List<Double> v) {
            if (v.isEmpty()) {
                return "—";
            }
            List<Double> sorted = v.stream().sorted().toList();
            double mean = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double sd = v.size() > 1 ? Math.sqrt(v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum()
                    / (v.size() - 1)) : 0;
            int k = sorted.size();
            double median = k % 2 == 1 ? sorted.get(k / 2) : (sorted.get(k / 2 - 1) + sorted.get(k / 2)) / 2;
            return fixed(mean) + " ± " + fixed(sd) + "; " + fixed(median) + " (" + fixed(sorted.get(0)) + "–"
                    + fixed(sorted.get(k - 1)) + "); n = " + k;
        }

        /** One decimal, as a baseline table writes a mean and its SD; large values (an NT-proBNP) to the unit. */
        private static String fixed(double x) {
            return Math.abs(x) >= 1000 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f",
                    x);
        }
    }
}
