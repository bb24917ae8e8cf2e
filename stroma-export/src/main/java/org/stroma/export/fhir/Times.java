package org.stroma.export.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * Stroma's instants as FHIR date-times and instants, always in UTC: HAPI would otherwise write them in the JVM's zone,
 * and the same trial exported on two machines would differ in its bytes.
 */
final class Times {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Times() {
    }

    static DateTimeType dateTime(Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, UTC);
    }

    /** An instant to the millisecond, as FHIR's instant type wants it: in UTC, whatever the JVM's own zone. */
    static InstantType instant(Instant at) {
        return new InstantType(Date.from(at), TemporalPrecisionEnum.MILLI, UTC);
    }
}
