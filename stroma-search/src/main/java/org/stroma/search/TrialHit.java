package org.stroma.search;

import java.util.List;

/** A trial found in the registry index: what a result list shows of it, and how well it matched. */
public record TrialHit(String nctId, String title, String status, List<String> phases, List<String> conditions,
        List<String> cellProducts, float score) {
    public TrialHit {
        phases = List.copyOf(phases);
        conditions = List.copyOf(conditions);
        cellProducts = List.copyOf(cellProducts);
    }
}
