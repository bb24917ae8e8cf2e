package org.stroma.trial.eligibility;

import java.time.LocalDate;

/**
 * A patient fact a verdict used: what it is, its value, its date, and the record it came from. {@code matchedByName}
 * is the record's display text when its codes were unknown and that text named the concept: a match to check.
 */
public record Evidence(String what, String value, LocalDate date, String source, String matchedByName) {
    public Evidence(String what, String value, LocalDate date, String source) {
        this(what, value, date, source, null);
    }

    @Override
    public String toString() {
        return what + " " + value + (date == null ? "" : " on " + date) + (source == null ? "" : " [" + source + "]")
                + (matchedByName == null ? "" : " (matched by name: '" + matchedByName + "')");
    }
}
