package org.stroma.trial.product;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stroma.protocol.ScientificNotation;

/**
 * What a product must show to be released. The defaults are the ISCT minimal criteria for MSC (≥ 95 % CD73, CD90,
 * CD105; ≤ 2 % CD45, CD34, CD14, CD19, HLA-DR) and usual release specifications (viability ≥ 70 %, sterility and
 * mycoplasma negative, endotoxin < 0.5 EU/mL); every threshold is the protocol's to set.
 */
public record ReleaseSpecification(double minViabilityPercent, double maxEndotoxinEuPerMl,
        Map<String, Double> minPositive, Map<String, Double> maxNegative) {

    public ReleaseSpecification {
        // kept in the order given, so that failures read in the specification's order
        minPositive = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(minPositive));
        maxNegative = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(maxNegative));
    }

    public static ReleaseSpecification isctDefaults() {
        Map<String, Double> positive = new LinkedHashMap<>();
        for (String marker : List.of("CD73", "CD90", "CD105")) {
            positive.put(marker, 95.0);
        }
        Map<String, Double> negative = new LinkedHashMap<>();
        for (String marker : List.of("CD45", "CD34", "CD14", "CD19", "HLA-DR")) {
            negative.put(marker, 2.0);
        }
        return new ReleaseSpecification(70, 0.5, positive, negative);
    }

    /**
     * Why the results do not allow release: each failed or missing result. A placebo is tested for what it shares with
     * a cell product (sterility, mycoplasma, endotoxin); cells also for viability, count and phenotype.
     */
    public List<String> failures(ReleaseTests t, boolean cells, double cellsNeeded) {
        List<String> failures = new ArrayList<>();
        microbiology("sterility", t.sterility(), failures);
        microbiology("mycoplasma", t.mycoplasma(), failures);
        if (t.endotoxinEuPerMl() == null) {
            failures.add("endotoxin not measured");
        } else if (t.endotoxinEuPerMl() >= maxEndotoxinEuPerMl) {
            failures.add("endotoxin " + num(t.endotoxinEuPerMl()) + " EU/mL, the limit is below " + num(maxEndotoxinEuPerMl));
        }
        if (!cells) {
            return failures;
        }
        if (t.viabilityPercent() == null) {
            failures.add("viability not measured");
        } else if (t.viabilityPercent() < minViabilityPercent) {
            failures.add("viability " + num(t.viabilityPercent()) + " %, at least " + num(minViabilityPercent) + " % needed");
        }
        if (t.viableCells() == null) {
            failures.add("viable cell count not measured");
        } else if (t.viableCells() < cellsNeeded) {
            failures.add(ScientificNotation.format(t.viableCells()) + " viable cells, the dose needs "
                    + ScientificNotation.format(cellsNeeded));
        }
        minPositive.forEach((marker, min) -> {
            Double v = t.markers().get(marker);
            if (v == null) {
                failures.add(marker + " not measured");
            } else if (v < min) {
                failures.add(marker + " on " + num(v) + " % of cells, at least " + num(min) + " % needed");
            }
        });
        maxNegative.forEach((marker, max) -> {
            Double v = t.markers().get(marker);
            if (v == null) {
                failures.add(marker + " not measured");
            } else if (v > max) {
                failures.add(marker + " on " + num(v) + " % of cells, at most " + num(max) + " % allowed");
            }
        });
        return failures;
    }

    private static void microbiology(String test, ReleaseTests.Finding f, List<String> failures) {
        if (f == null || f == ReleaseTests.Finding.PENDING) {
            failures.add(test + " result pending");
        } else if (f == ReleaseTests.Finding.POSITIVE) {
            failures.add(test + " positive");
        }
    }

    private static String num(double v) {
        return ScientificNotation.plain(v);
    }
}
