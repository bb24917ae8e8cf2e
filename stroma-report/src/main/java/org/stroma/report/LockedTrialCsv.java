package org.stroma.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.stroma.protocol.text.Words;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.ProductOutcome;

/**
 * A locked trial as CSV tables a statistician can take elsewhere (and give back to {@code stroma analyse}): subjects,
 * measurements (one row per item per visit), adverse events and products. The unblinded tables hold the arms and what
 * only a cell product has (culture, viability, cells given); the blinded ones leave out every column that would tell
 * an arm, and say of a product only whether it was released and when it was given.
 */
public final class LockedTrialCsv {
    private LockedTrialCsv() {
    }

    public static List<Path> write(LockedTrial t, Path dir, boolean blinded) throws IOException {
        Files.createDirectories(dir);
        Path subjects = dir.resolve("subjects.csv");
        Path measurements = dir.resolve("measurements.csv");
        Path adverse = dir.resolve("adverse_events.csv");
        Path products = dir.resolve("products.csv");
        if (blinded) {
            write(subjects, "subject,site,state,randomized,first_administration,baseline_weight_kg,exit_reason,"
                    + "age_years,sex", t.subjects().stream().map(s -> row(s.subject(), s.site(), s.state(),
                    s.randomized(), s.firstAdministration(), s.baselineWeightKg(), s.exitReason(), s.ageYears(),
                    sex(s))).toList());
            write(measurements, "subject,visit,day,months,form,item,value", t.measurements().stream().map(m -> row(
                    m.subject(), m.visit(), m.day(), months(m), m.form(), m.item(), m.value())).toList());
            write(adverse, "subject,id,term,grade,serious,related,expected,susar,onset,days_from_administration,"
                    + "outcome", t.adverseEvents().stream().map(a -> row(a.subject(), a.event().id(), a.event().term(),
                    a.event().grade().number(), a.event().isSerious() ? 1 : 0, a.related() ? 1 : 0,
                    a.event().expected() ? 1 : 0, a.susar() ? 1 : 0, a.event().onset(), a.daysFromAdministration(),
                    a.event().outcome())).toList());
            write(products, "product,subject,period,outcome,administered", t.products().stream().map(p -> row(
                    p.product(), p.subject(), p.period(), blindedOutcome(p.outcome()), p.administered())).toList());
        } else {
            write(subjects, "subject,site,state,group,treatments,randomized,first_administration,baseline_weight_kg,"
                    + "exit_reason,age_years,sex", t.subjects().stream().map(s -> row(s.subject(), s.site(),
                    s.state(), s.group(), s.treatments(), s.randomized(), s.firstAdministration(),
                    s.baselineWeightKg(), s.exitReason(), s.ageYears(), sex(s))).toList());
            write(measurements, "subject,group,visit,day,months,form,item,value", t.measurements().stream().map(m -> row(
                    m.subject(), m.group(), m.visit(), m.day(), months(m), m.form(), m.item(), m.value())).toList());
            write(adverse, "subject,group,id,term,grade,serious,related,expected,susar,onset,"
                    + "days_from_administration,outcome", t.adverseEvents().stream().map(a -> row(a.subject(),
                    a.group(), a.event().id(), a.event().term(), a.event().grade().number(), a.event().isSerious() ? 1
                    : 0, a.related() ? 1 : 0, a.event().expected() ? 1 : 0, a.susar() ? 1 : 0, a.event().onset(),
                    a.daysFromAdministration(), a.event().outcome())).toList());
            write(products, "product,subject,group,period,kind,outcome,culture_days,viability_percent,cells_given,"
                    + "administered", t.products().stream().map(p -> row(p.product(), p.subject(), p.group(),
                    p.period(), p.kind() == null ? null : Words.of(p.kind()), p.outcome().words(), p.cultureDays(),
                    p.viabilityPercent(), p.cellsGiven(), p.administered())).toList());
        }
        return List.of(subjects, measurements, adverse, products);
    }

    /** The sex the screening record gave, in words; empty where there was no record (not recorded). */
    private static String sex(LockedTrial.SubjectRow s) {
        return s.sex() == null ? null : Words.of(s.sex());
    }

    /** A product's outcome as those blinded may know it: whatever kept it from release, it was not released. */
    static String blindedOutcome(ProductOutcome outcome) {
        return outcome == ProductOutcome.REJECTED ? "not released" : outcome.words();
    }

    private static Double months(LockedTrial.MeasurementRow m) {
        return m.months() == null ? null : Math.round(m.months() * 100) / 100.0;
    }

    private static void write(Path file, String header, List<String> rows) throws IOException {
        Files.writeString(file, lines(header, rows), StandardCharsets.UTF_8);
    }

    private static String lines(String header, List<String> rows) {
        return header + "\n" + String.join("\n", rows) + (rows.isEmpty() ? "" : "\n");
    }

    /** A CSV row: empty for a missing value, quoted where a value holds a comma, a quote or a line break. */
    private static String row(Object... values) {
        return Arrays.stream(values).map(v -> {
            if (v == null) {
                return "";
            }
            String s = v.toString();
            return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }).collect(Collectors.joining(","));
    }
}
