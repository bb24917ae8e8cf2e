package org.stroma.export.sdtm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.stroma.export.ExportSource;
import org.stroma.trial.capture.FormDef;
import org.stroma.trial.capture.FormRecord;
import org.stroma.trial.capture.ItemDef;

/**
 * The findings domains (VS, LB, CV, RS, FT, QS, NV …) from the subjects' case report forms, as the mapping table
 * sends each item: one row per value of the form's current version, dated by the day the visit was done. --BLFL marks,
 * per subject and test, the last value on or before the day of the first administration. Items the table does not map
 * are collected as {@link Unmapped}, for the export's report.
 */
final class FindingsDomains {
    private static final String REFERENCE = "_reference";
    private static final String DAY = "_day";

    /** A form item with no mapping, and how many of its values the export left out. */
    record Unmapped(String form, String item, String label, int values) {
    }

    private final ExportSource source;
    private final SdtmMapping mapping;
    private final Visits visits;
    private final Map<String, Unmapped> unmapped = new LinkedHashMap<>();

    FindingsDomains(ExportSource source, SdtmMapping mapping, Visits visits) {
        this.source = source;
        this.mapping = mapping;
        this.visits = visits;
    }

    List<Dataset> of(List<SubjectTimeline> subjects) {
        Map<String, DatasetBuilder> builders = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        planned().forEach(this::noteUnmapped);
        for (SubjectTimeline t : subjects) {
            List<FormRecord> forms = new ArrayList<>(source.forms(t.subject().id()));
            forms.sort(Comparator.comparing(f -> Optional.ofNullable(visits.number(f.visit())).orElse(
                    Integer.MAX_VALUE)));
            for (FormRecord f : forms) {
                if (f.versions().isEmpty()) {
                    continue;
                }
                LocalDate day = f.assessedOn() != null ? f.assessedOn() : t.visitDone(f.visit());
                if (day == null) {
                    day = t.day(f.versions().get(0).at());
                }
                for (Map.Entry<String, String> value : f.current().values().entrySet()) {
                    Optional<ItemMapping> m = mapping.of(f.form().id(), value.getKey());
                    if (m.isEmpty()) {
                        countUnmapped(f.form(), value.getKey());
                        continue;
                    }
                    String d = m.get().domain();
                    DatasetBuilder b = builders.computeIfAbsent(d, this::builder);
                    Map<String, Object> row = b.row();
                    rows.computeIfAbsent(d, x -> new ArrayList<>()).add(row);
                    finding(b, row, m.get(), t, f, value.getKey(), value.getValue(), day);
                }
            }
        }
        List<Dataset> datasets = new ArrayList<>();
        for (String d : mapping.domains()) {
            if (builders.containsKey(d)) {
                baseline(d, rows.get(d));
                datasets.add(builders.get(d).build());
            }
        }
        return datasets;
    }

    /** One value as a row of its domain: the test, the result as captured and as a number, the visit and its day. */
    private void finding(DatasetBuilder b, Map<String, Object> row, ItemMapping map, SubjectTimeline t, FormRecord f,
            String item, String value, LocalDate day) {
        String d = map.domain();
        ItemDef def = f.form().item(item).orElse(null);
        String unit = map.unit() != null ? map.unit() : def == null || def.unit() == null || def.unit().isBlank()
                ? null : def.unit();
        Double number = SdtmValues.number(value);
        row.put("STUDYID", source.design().trial());
        row.put("DOMAIN", d);
        row.put("USUBJID", Identifiers.usubjid(source.design().trial(), t.subject().id()));
        row.put(d + "TESTCD", map.testCode(item));
        row.put(d + "TEST", map.test(item));
        putIfPresent(b, row, d + "CAT", map.category());
        putIfPresent(b, row, d + "SPEC", map.specimen());
        putIfPresent(b, row, d + "LOC", map.location());
        putIfPresent(b, row, d + "METHOD", map.method());
        row.put(d + "ORRES", value);
        row.put(d + "ORRESU", unit);
        row.put(d + "STRESC", number == null ? value : SdtmValues.text(number));
        row.put(d + "STRESN", number);
        row.put(d + "STRESU", unit);
        row.put("VISITNUM", visits.number(f.visit()));
        row.put("VISIT", f.visit());
        row.put("EPOCH", t.epoch(day, f.visit()));
        row.put(d + "DTC", SdtmValues.date(day));
        row.put(d + "DY", t.studyDay(day));
        // kept until --BLFL is set, then removed: the day of the value and the subject's day 1
        row.put(REFERENCE, t.reference());
        row.put(DAY, day);
    }

    /** A value the table sends nowhere, counted for the report. */
    private void countUnmapped(FormDef form, String item) {
        ItemDef def = form.item(item).orElse(null);
        unmapped.merge(key(form.id(), item), new Unmapped(form.id(), item, def == null ? null : def.label(), 1),
                (a, b) -> new Unmapped(a.form(), a.item(), a.label(), a.values() + 1));
    }

    /** The items of the trial's planned forms with no mapping, whether or not anything was entered in them. */
    List<Unmapped> unmapped() {
        return List.copyOf(unmapped.values());
    }

    private List<FormDef> planned() {
        Set<FormDef> forms = new LinkedHashSet<>();
        source.formPlan().values().forEach(forms::addAll);
        return List.copyOf(forms);
    }

    private void noteUnmapped(FormDef f) {
        for (ItemDef i : f.items()) {
            if (mapping.of(f.id(), i.id()).isEmpty()) {
                unmapped.putIfAbsent(key(f.id(), i.id()), new Unmapped(f.id(), i.id(), i.label(), 0));
            }
        }
    }

    private static String key(String form, String item) {
        return form + "." + item;
    }

    private static void putIfPresent(DatasetBuilder b, Map<String, Object> row, String name, String value) {
        if (b.has(name)) {
            row.put(name, value);
        }
    }

    /** A domain's columns: the qualifiers any of its mappings uses, the rest as every findings domain has them. */
    private DatasetBuilder builder(String d) {
        List<String> names = new ArrayList<>(List.of("STUDYID", "DOMAIN", "USUBJID", d + "SEQ", d + "TESTCD",
                d + "TEST"));
        if (uses(d, ItemMapping::category)) {
            names.add(d + "CAT");
        }
        names.addAll(List.of(d + "ORRES", d + "ORRESU", d + "STRESC", d + "STRESN", d + "STRESU"));
        if (uses(d, ItemMapping::specimen)) {
            names.add(d + "SPEC");
        }
        if (uses(d, ItemMapping::location)) {
            names.add(d + "LOC");
        }
        if (uses(d, ItemMapping::method)) {
            names.add(d + "METHOD");
        }
        names.addAll(List.of(d + "BLFL", "VISITNUM", "VISIT", "EPOCH", d + "DTC", d + "DY"));
        List<String> keys = new ArrayList<>(List.of("STUDYID", "USUBJID", d + "TESTCD"));
        if (names.contains(d + "METHOD")) {
            keys.add(d + "METHOD");
        }
        keys.add("VISITNUM");
        return new DatasetBuilder(d, mapping.label(d), SdtmClass.FINDINGS,
                "One record per test per visit per subject", VariableCatalog.of(d, names, keys));
    }

    private boolean uses(String domain, Function<ItemMapping, String> qualifier) {
        return mapping.items().stream().anyMatch(m -> m.domain().equals(domain) && qualifier.apply(m) != null);
    }

    /**
     * --BLFL: for each subject and test (and method), the row of the latest day on or before day 1 with a result. A
     * subject never treated has no baseline.
     */
    private static void baseline(String d, List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> latest = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            LocalDate reference = (LocalDate) row.get(REFERENCE);
            LocalDate day = (LocalDate) row.get(DAY);
            if (reference != null && day != null && !day.isAfter(reference) && row.get(d + "ORRES") != null) {
                String key = row.get("USUBJID") + "|" + row.get(d + "TESTCD") + "|" + row.get(d + "METHOD");
                Map<String, Object> before = latest.get(key);
                if (before == null || !day.isBefore((LocalDate) before.get(DAY))) {
                    latest.put(key, row);
                }
            }
        }
        latest.values().forEach(r -> r.put(d + "BLFL", "Y"));
        rows.forEach(r -> {
            r.remove(REFERENCE);
            r.remove(DAY);
        });
    }
}
