package org.stroma.trial.capture;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One saved state of a form: the values (in the order given: the form's), who saved them and when, and (for every
 * change after the first) why.
 */
public record FormVersion(int number, Map<String, String> values, String by, Instant at, String reason) {
    public FormVersion {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
