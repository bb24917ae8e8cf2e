package org.stroma.cli;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.eligibility.CriterionResult;
import org.stroma.trial.eligibility.Evidence;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.eligibility.ScreeningResult;

/** Screening results as a coordinator reads them (a log, patient by patient, then a summary), or as CSV. */
final class ScreeningLog {
    private ScreeningLog() {
    }

    static void table(List<ScreeningResult> results, PrintWriter out) {
        for (ScreeningResult r : results) {
            out.println("Patient " + r.patient() + " · trial " + r.trial() + " · " + r.date() + ": " + r.verdict()
                    + (r.failing().isEmpty() ? "" : " (fails " + String.join(", ", r.failing()) + ")")
                    + (r.verdict() == PatientVerdict.INCOMPLETE ? " (open: " + String.join(", ", r.open()) + ")" : ""));
            int width = r.criteria().stream().mapToInt(c -> c.id().length() + (c.nested() ? 2 : 0)).max().orElse(4);
            for (CriterionResult c : r.criteria()) {
                String id = (c.nested() ? "  " : "") + c.id();
                out.printf("  %-" + width + "s  %-9s  %-7s  %s%n", id, c.kind() == CriterionKind.INCLUSION ? "inclusion"
                        : "exclusion", c.verdict(), c.reason());
            }
            out.println();
        }
        summary(results, out);
    }

    static void summary(List<ScreeningResult> results, PrintWriter out) {
        Map<String, List<ScreeningResult>> byTrial = results.stream().collect(Collectors.groupingBy(
                r -> String.valueOf(r.trial()), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<ScreeningResult>> trial : byTrial.entrySet()) {
            Map<PatientVerdict, Long> counts = new EnumMap<>(PatientVerdict.class);
            for (PatientVerdict v : PatientVerdict.values()) {
                counts.put(v, trial.getValue().stream().filter(r -> r.verdict() == v).count());
            }
            out.println("Summary for " + trial.getKey() + ": " + trial.getValue().size()
                    + (trial.getValue().size() == 1 ? " patient" : " patients") + " screened — "
                    + counts.get(PatientVerdict.ELIGIBLE) + " eligible, " + counts.get(PatientVerdict.INELIGIBLE)
                    + " ineligible, " + counts.get(PatientVerdict.INCOMPLETE) + " incomplete");
            out.println("  ruled out by: " + tally(trial.getValue().stream().flatMap(r -> r.failing().stream())
                    .toList()));
            out.println("  still open:   " + tally(trial.getValue().stream().flatMap(r -> r.open().stream()).toList()));
        }
    }

    /** "E5 (10), I4 (10), R-AGE (3)": the most frequent first. */
    private static String tally(List<String> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        Map<String, Long> counts = ids.stream().collect(Collectors.groupingBy(id -> id, LinkedHashMap::new,
                Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }

    static void csv(List<ScreeningResult> results, PrintWriter out) {
        out.println("patient,trial,date,patient_verdict,criterion,kind,nested,verdict,reason,evidence");
        for (ScreeningResult r : results) {
            for (CriterionResult c : r.criteria()) {
                String evidence = c.evidence().stream().map(Evidence::toString).collect(Collectors.joining("; "));
                out.println(String.join(",", cell(r.patient()), cell(r.trial()), r.date().toString(),
                        r.verdict().name(), cell(c.id()), c.kind().name(), Boolean.toString(c.nested()),
                        c.verdict().name(), cell(c.reason()), cell(evidence)));
            }
        }
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
