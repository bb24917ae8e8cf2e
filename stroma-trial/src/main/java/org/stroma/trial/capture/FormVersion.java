package org.stroma.trial.capture;

import java.time.Instant;
import java.util.Map;

/** One saved state of a form: the values, who saved them and when, and (for every change after the first) why. */
public record FormVersion(int number, Map<String, String> values, String by, Instant at, String reason) {
    public FormVersion {
        values = Map.copyOf(values);
    }
}
