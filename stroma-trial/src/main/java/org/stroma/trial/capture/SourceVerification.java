package org.stroma.trial.capture;

import java.time.Instant;
import java.util.Set;

/**
 * A monitor's source data verification of one saved version of a form: the values of the items named (every item's,
 * when {@code items} is empty) agree with the source documents.
 */
public record SourceVerification(int version, Set<String> items, String by, Instant at) {
    public SourceVerification {
        items = Set.copyOf(items);
    }

    /** Whether this verification covers an item: it names it, or names none (the whole form). */
    public boolean covers(String item) {
        return items.isEmpty() || items.contains(item);
    }
}
