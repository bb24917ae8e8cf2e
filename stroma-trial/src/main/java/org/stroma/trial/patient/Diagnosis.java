package org.stroma.trial.patient;

import java.time.LocalDate;
import java.util.List;

/** A condition on the patient's record: since when, until when (null while it lasts), and where it came from. */
public record Diagnosis(List<Code> codes, LocalDate onset, LocalDate abatement, String source) {
    public Diagnosis {
        codes = List.copyOf(codes);
    }

    public static Diagnosis of(Code code, LocalDate onset) {
        return new Diagnosis(List.of(code), onset, null, null);
    }

    /** Whether the condition is present on a date: begun by then, and not yet over. */
    public boolean activeOn(LocalDate date) {
        return (onset == null || !onset.isAfter(date)) && (abatement == null || abatement.isAfter(date));
    }
}
