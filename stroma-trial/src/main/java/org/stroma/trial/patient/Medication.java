package org.stroma.trial.patient;

import java.time.LocalDate;
import java.util.List;

/**
 * A medication the patient takes or took: its codes and name, from when, until when. {@code end} is null while it
 * goes on — unless {@code endUnknown}: the record says the drug was stopped, but not when (all that is known is that
 * it was taken on its start date). Drug classes are matched by code and by the ingredient names in {@code text}.
 */
public record Medication(List<Code> codes, String text, LocalDate start, LocalDate end, boolean endUnknown,
        String source) {

    public Medication {
        codes = List.copyOf(codes);
    }

    public static Medication of(Code code, LocalDate start, LocalDate end) {
        return new Medication(List.of(code), code.display(), start, end, false, null);
    }

    /** The last day the patient is known to have taken it; null while it goes on. */
    public LocalDate knownEnd() {
        return end != null ? end : endUnknown ? start : null;
    }

    /** Whether the patient is known to have taken it at some time in [from, to]. */
    public boolean takenBetween(LocalDate from, LocalDate to) {
        LocalDate last = knownEnd();
        return (start == null || !start.isAfter(to)) && (last == null || !last.isBefore(from));
    }

    /** Whether it may have been taken in [from, to] without the record showing it: stopped on a date not given. */
    public boolean possiblyTakenBetween(LocalDate from, LocalDate to) {
        return endUnknown && end == null && start != null && !start.isAfter(to) && !takenBetween(from, to);
    }
}
