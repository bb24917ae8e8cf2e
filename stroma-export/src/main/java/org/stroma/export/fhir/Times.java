package org.stroma.export.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.DateTimeType;

/** Stroma's instants as FHIR date-times: to the second, in UTC, so that every export writes them alike. */
final class Times {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Times() {
    }

    static DateTimeType dateTime(Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, UTC);
    }
}
