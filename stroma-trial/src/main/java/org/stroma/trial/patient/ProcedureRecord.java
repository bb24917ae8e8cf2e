package org.stroma.trial.patient;

import java.time.LocalDate;
import java.util.List;

/** A procedure done on a date, or planned for one ({@code planned}). */
public record ProcedureRecord(List<Code> codes, LocalDate date, boolean planned, String source) {
    public ProcedureRecord {
        codes = List.copyOf(codes);
    }

    public static ProcedureRecord done(Code code, LocalDate date) {
        return new ProcedureRecord(List.of(code), date, false, null);
    }

    public static ProcedureRecord plannedFor(Code code, LocalDate date) {
        return new ProcedureRecord(List.of(code), date, true, null);
    }
}
