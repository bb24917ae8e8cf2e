package org.stroma.trial.capture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One saved state of a form: the values (in the order given: the form's), the day the assessment was made (null when
 * it was not given: the form is then dated by its visit), who saved them and when, and (for every change after the
 * first) why.
 */
public record FormVersion(int number, Map<String, String> values, LocalDate assessedOn, String by, Instant at,
        String reason) {
    public FormVersion {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
