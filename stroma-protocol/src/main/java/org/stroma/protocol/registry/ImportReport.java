package org.stroma.protocol.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stroma.protocol.Certainty;
import org.stroma.protocol.FieldOrigin;
import org.stroma.protocol.Provenance;

/**
 * What a person should review after an import: the fields Stroma inferred (and why), the fields the record lacks,
 * warnings about values it could not use, and the parts of the record the protocol model does not hold.
 */
public record ImportReport(List<Item> inferred, List<Item> missing, List<String> warnings, List<String> unmodelled) {
    public ImportReport {
        inferred = List.copyOf(inferred);
        missing = List.copyOf(missing);
        warnings = List.copyOf(warnings);
        unmodelled = List.copyOf(unmodelled);
    }

    /** One field to review. */
    public record Item(String field, String source, String note) {
    }

    public static ImportReport of(Provenance provenance, List<String> warnings, List<String> unmodelled) {
        return new ImportReport(items(provenance, Certainty.INFERRED), items(provenance, Certainty.MISSING), warnings,
                unmodelled);
    }

    private static List<Item> items(Provenance provenance, Certainty certainty) {
        List<Item> items = new ArrayList<>();
        for (Map.Entry<String, FieldOrigin> e : provenance.withCertainty(certainty).entrySet()) {
            items.add(new Item(e.getKey(), e.getValue().source(), e.getValue().note()));
        }
        return items;
    }

    public boolean needsReview() {
        return !inferred.isEmpty() || !missing.isEmpty() || !warnings.isEmpty();
    }
}
