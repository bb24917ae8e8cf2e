package org.stroma.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.PlannedDose;
import org.stroma.trial.product.ProductKind;

/**
 * The dose given against the dose planned, arm by arm (by the arm of each period in a crossover): what the design
 * planned, the cells the products given held, their ratio, and the subjects given a dose outside the tolerance. The
 * planned cells of a product are the middle of the protocol's range at its subject's baseline weight — the dose the
 * lab makes a product up to — and a dose counts as outside when it falls outside the range itself widened by the
 * tolerance, as the bedside check has it.
 *
 * <p>Only the unblinded report shows it. A placebo is planned no cells and gives none, so any figure of cells, planned
 * or given, even pooled over all subjects, moves with how many subjects are on cells: the blinded report says where
 * the comparison is instead, as it leaves out the cells given.
 */
final class DoseComparison {
    /**
     * How far the cells given may stray from the plan and still be the planned dose: ±10 %. Cell counts before an
     * infusion carry about that much error, and it is the margin the bedside check allows when the protocol states
     * none ({@code DosePlan.DEFAULT_TOLERANCE}), so the report calls off-plan exactly the doses the bedside would have
     * flagged; a tighter margin would count counting error as deviation.
     */
    static final double TOLERANCE = 0.10;

    /**
     * One arm's line: its name, its plan in words, the products given, the mean planned and given cells (null where
     * none are planned), the mean, lowest and highest ratio of given to planned, and the subjects given a product
     * of the arm and those of them given a dose outside the tolerance.
     */
    record Row(String arm, String planned, int products, Double plannedCells, Double givenCells, Double ratio,
            Double lowestRatio, Double highestRatio, int subjects, int subjectsOutside) {
    }

    private DoseComparison() {
    }

    /** The rows, in the order of the arms' codes, for every arm a product was given in. */
    static List<Row> rows(LockedTrial t) {
        Map<String, List<LockedTrial.ProductRow>> given = new HashMap<>();
        for (LockedTrial.ProductRow p : t.products()) {
            if (p.administered() != null && p.cellsGiven() != null) {
                given.computeIfAbsent(p.subject(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, Tally> byArm = new TreeMap<>();
        for (LockedTrial.SubjectRow s : t.subjects()) {
            for (LockedTrial.ProductRow p : given.getOrDefault(s.subject(), List.of())) {
                PlannedDose planned = s.plannedDose(p.period());
                if (planned != null) {
                    byArm.computeIfAbsent(planned.arm(), k -> new Tally(planned.arm() + ": " + planned.treatment()))
                            .add(s, p, planned);
                }
            }
        }
        return byArm.values().stream().map(Tally::row).toList();
    }

    /** The report's part: the table, unblinded; where to find it, blinded. */
    static String html(LockedTrial t, boolean blinded) {
        String title = "<h3>Dose given against dose planned</h3>";
        if (blinded) {
            return title + "<p class=\"muted\">In the unblinded report: a placebo is planned no cells, so a figure"
                    + " of cells planned or given would tell the arms apart.</p>";
        }
        List<Row> rows = rows(t);
        if (rows.isEmpty()) {
            return title + "<p class=\"muted\">No product was given.</p>";
        }
        String outside = "Subjects outside ±" + Math.round(TOLERANCE * 100) + " %";
        List<List<String>> cells = rows.stream().map(r -> List.of(Html.esc(r.arm()), Html.esc(r.planned()),
                String.valueOf(r.products()), Html.cells(r.plannedCells()), Html.cells(r.givenCells()), ratio(r),
                r.subjectsOutside() + " of " + r.subjects())).toList();
        return title + "<p class=\"muted\">Planned: the middle of the protocol's range at the subject's baseline"
                + " weight. Outside: given outside the planned range widened by " + Math.round(TOLERANCE * 100)
                + " %.</p>" + Html.table(List.of("Arm", "Planned", "Products given", "Planned cells, mean",
                "Given cells, mean", "Given / planned, mean (range)", outside), cells);
    }


    private static String ratio(Row r) {
        if (r.ratio() == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", r.ratio(), r.lowestRatio(), r.highestRatio());
    }

    /** What one arm's products add up to as they are counted. */
    private static final class Tally {
        private final String arm;
        private String planned;
        private int products;
        private int compared;
        private double plannedSum;
        private double givenSum;
        private double ratioSum;
        private double lowest = Double.POSITIVE_INFINITY;
        private double highest = Double.NEGATIVE_INFINITY;
        private final Set<String> subjects = new LinkedHashSet<>();
        private final Set<String> outside = new LinkedHashSet<>();

        Tally(String arm) {
            this.arm = arm;
        }

        void add(LockedTrial.SubjectRow s, LockedTrial.ProductRow p, PlannedDose dose) {
            if (planned == null) {
                planned = dose.plan() != null ? dose.plan().describeCells() : p.kind() == ProductKind.PLACEBO
                        ? "no cells (placebo)" : "not stated";
            }
            products++;
            subjects.add(s.subject());
            double given = p.cellsGiven();
            double[] range = dose.cells(s.baselineWeightKg());
            if (range == null) {
                // nothing to hold the cells against but the placebo's none
                if (dose.plan() == null && given > 0) {
                    outside.add(s.subject());
                }
                return;
            }
            double middle = (range[0] + range[1]) / 2;
            double ratio = given / middle;
            compared++;
            plannedSum += middle;
            givenSum += given;
            ratioSum += ratio;
            lowest = Math.min(lowest, ratio);
            highest = Math.max(highest, ratio);
            if (given < range[0] * (1 - TOLERANCE) || given > range[1] * (1 + TOLERANCE)) {
                outside.add(s.subject());
            }
        }

        Row row() {
            return compared == 0 ? new Row(arm, planned, products, null, null, null, null, null, subjects.size(),
                    outside.size()) : new Row(arm, planned, products, plannedSum / compared, givenSum / compared,
                    ratioSum / compared, lowest, highest, subjects.size(), outside.size());
        }
    }
}
