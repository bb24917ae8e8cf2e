package org.stroma.trial.patient;

import java.time.LocalDate;
import java.util.List;

/**
 * A medication the patient takes or took: its codes and name, from when, until when (null while it goes on).
 * Drug classes are matched by code and by the ingredient names in {@code text}.
 */
public record Medication(List<Code> codes, String text, LocalDate start, LocalDate end, String source) {
    public Medication {
        codes = List.copyOf(codes);
    }

    public static Medication of(Code code, LocalDate start, LocalDate end) {
        return new Medication(List.of(code), code.display(), start, end, null);
    }

    /** Whether the patient was taking it at any time in [from, to]. */
    public boolean takenBetween(LocalDate from, LocalDate to) {
        return (start == null || !start.isAfter(to)) && (end == null || !end.isBefore(from));
    }
}
