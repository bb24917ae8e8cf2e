package org.stroma.trial.patient;

import java.time.LocalDate;
import java.util.List;

/**
 * A measurement or assessment: a number with its unit, or a coded value (NYHA class "III"), on a date. The reference
 * range's upper limit, when the laboratory gives one, is what "× upper limit of normal" criteria compare against.
 * {@code source} names the record it came from (a FHIR resource id), so that a verdict can cite it.
 */
public record Observation(List<Code> codes, Double value, String unit, String valueCode, LocalDate date,
        Double referenceHigh, String source) {
    public Observation {
        codes = List.copyOf(codes);
    }

    public static Observation of(Code code, double value, String unit, LocalDate date) {
        return new Observation(List.of(code), value, unit, null, date, null, null);
    }
}
