package org.stroma.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.PlannedDose;
import org.stroma.trial.lock.ProductOutcome;
import org.stroma.trial.product.ProductKind;

/**
 * The dose planned and the dose given, subject by subject and period by period: the plan of the period's arm (for a
 * dose per kilogram, at the subject's baseline weight), the cells the product given held, their ratio, and whether the
 * cells given fall outside the planned range widened by the plan's own tolerance — the margin the bedside check holds
 * a product to — so that the report flags exactly the doses the bedside would have.
 *
 * <p>Only the unblinded report lists it. A blinded reader may not see it even without its arm column: a placebo's
 * planned and given cells are none, so each row's figures would name its subject's arm (and in a crossover, the
 * sequence). The blinded report says where the listing is.
 */
final class SubjectDoses {

    /** One period of one subject: what was planned, what was given, and whether it lies outside the tolerance. */
    record Row(String subject, int period, String arm, String planned, Double plannedLow, Double plannedHigh,
            Double given, String notGiven, Double ratio, boolean outside) {
    }

    private SubjectDoses() {
    }

    /** A row for each period planned for each randomized subject, in the order of the subjects and their periods. */
    static List<Row> rows(LockedTrial t) {
        List<Row> rows = new ArrayList<>();
        for (LockedTrial.SubjectRow s : t.subjects()) {
            for (PlannedDose dose : s.plannedDoses()) {
                LockedTrial.ProductRow product = t.products().stream().filter(p -> p.subject().equals(s.subject())
                        && p.period() == dose.period()).reduce((a, b) -> b).orElse(null);
                rows.add(row(s, dose, product));
            }
        }
        return rows;
    }

    private static Row row(LockedTrial.SubjectRow s, PlannedDose dose, LockedTrial.ProductRow product) {
        String arm = dose.arm() + ": " + dose.treatment();
        double[] range = dose.cells(s.baselineWeightKg());
        String planned = dose.plan() == null ? "no cells" + (product != null && product.kind() == ProductKind.PLACEBO
                ? " (placebo)" : "") : dose.plan().describeCells() + (dose.plan().perKilogram()
                && s.baselineWeightKg() != null ? " × " + Html.num(s.baselineWeightKg()) + " kg" : "");
        Double low = range == null ? null : range[0];
        Double high = range == null ? null : range[1];
        boolean given = product != null && product.outcome() == ProductOutcome.ADMINISTERED
                && product.cellsGiven() != null;
        if (!given) {
            String why = product == null ? "no product" : product.outcome() == ProductOutcome.ADMINISTERED
                    ? "cells not counted" : "not given (" + product.outcome().words() + ")";
            return new Row(s.subject(), dose.period(), arm, planned, low, high, null, why, null, false);
        }
        double cells = product.cellsGiven();
        if (range == null) {
            // nothing planned to hold the cells against: a placebo is outside as soon as it holds any
            return new Row(s.subject(), dose.period(), arm, planned, null, null, cells, null, null,
                    dose.plan() == null && cells > 0);
        }
        double tolerance = dose.plan().tolerance();
        boolean outside = cells < range[0] * (1 - tolerance) || cells > range[1] * (1 + tolerance);
        return new Row(s.subject(), dose.period(), arm, planned, low, high, cells, null, cells / ((range[0]
                + range[1]) / 2), outside);
    }

    /** The report's part: the listing, unblinded; where to find it, blinded. */
    static String html(LockedTrial t, boolean blinded) {
        String title = "<h3>Dose planned and given, by subject</h3>";
        if (blinded) {
            return title + "<p class=\"muted\">In the unblinded report: a placebo is planned and given no cells, so"
                    + " any subject's figures would tell their arm.</p>";
        }
        List<Row> rows = rows(t);
        if (rows.isEmpty()) {
            return title + "<p class=\"muted\">No subject was randomized.</p>";
        }
        List<String> headers = new ArrayList<>(List.of("Subject"));
        if (t.crossover()) {
            headers.add("Period");
        }
        headers.addAll(List.of("Arm", "Planned", "Planned cells", "Given cells", "Given / planned", "Outside the"
                + " tolerance"));
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            List<String> row = new ArrayList<>(List.of(Html.esc(r.subject())));
            if (t.crossover()) {
                row.add(String.valueOf(r.period()));
            }
            row.add(Html.esc(r.arm()));
            row.add(Html.esc(r.planned()));
            row.add(r.plannedLow() == null ? "none" : r.plannedLow().equals(r.plannedHigh()) ? Html.cells(
                    r.plannedLow()) : Html.cells(r.plannedLow()) + "–" + Html.cells(r.plannedHigh()));
            row.add(r.given() == null ? Html.esc(r.notGiven()) : r.given() == 0 ? "0" : Html.cells(r.given()));
            row.add(r.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f", r.ratio()));
            row.add(r.outside() ? "<strong>outside</strong>" : "");
            cells.add(row);
        }
        long outside = rows.stream().filter(Row::outside).count();
        return title + "<p class=\"muted\">Planned: the arm's dose, per kilogram at the subject's baseline weight;"
                + " given over planned is taken against the middle of the planned range. Outside: the cells given fall"
                + " outside the planned range widened by the protocol's tolerance, as the bedside check holds it. "
                + outside + " of " + rows.stream().filter(r -> r.given() != null).count() + " doses given were"
                + " outside.</p>" + Html.table(headers, cells);
    }
}
