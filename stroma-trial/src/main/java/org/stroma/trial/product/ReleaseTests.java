package org.stroma.trial.product;

import java.util.Map;

/**
 * A product's release test results: viability (%), total viable cells, sterility and mycoplasma, endotoxin (EU/mL),
 * and the phenotype (% of cells carrying each marker: CD73, CD90, CD105, CD45, …). A result not yet known is null.
 */
public record ReleaseTests(Double viabilityPercent, Double viableCells, Finding sterility, Finding mycoplasma,
        Double endotoxinEuPerMl, Map<String, Double> markers) {

    /** A microbiological result. */
    public enum Finding { NEGATIVE, POSITIVE, PENDING }

    public ReleaseTests {
        markers = markers == null ? Map.of() : Map.copyOf(markers);
    }
}
