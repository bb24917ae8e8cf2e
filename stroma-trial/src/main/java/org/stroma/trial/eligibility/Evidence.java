package org.stroma.trial.eligibility;

import java.time.LocalDate;

/** A patient fact a verdict used: what it is, its value, its date, and the record it came from. */
public record Evidence(String what, String value, LocalDate date, String source) {
    @Override
    public String toString() {
        return what + " " + value + (date == null ? "" : " on " + date) + (source == null ? "" : " [" + source + "]");
    }
}
