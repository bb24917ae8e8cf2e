package org.stroma.fhir;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Type;

/**
 * FHIR dates as the calendar dates screening works in. A date-time keeps the date it was written with (its own time
 * zone), not the date in the machine's zone. A partial date ("2015", "2015-03") is taken at its first day: a
 * diagnosis "in 2015" counts as present from 1 January 2015.
 */
final class FhirDates {
    private FhirDates() {
    }

    static LocalDate of(BaseDateTimeType value) {
        if (value == null || value.isEmpty() || value.getValueAsString() == null) {
            return null;
        }
        String s = value.getValueAsString();
        int year = Integer.parseInt(s.substring(0, 4));
        int month = s.length() >= 7 ? Integer.parseInt(s.substring(5, 7)) : 1;
        int day = s.length() >= 10 ? Integer.parseInt(s.substring(8, 10)) : 1;
        return LocalDate.of(year, month, day);
    }

    static LocalDate start(Period period) {
        return period == null || period.isEmpty() ? null : of(period.getStartElement());
    }

    static LocalDate end(Period period) {
        return period == null || period.isEmpty() ? null : of(period.getEndElement());
    }

    /** A choice of dateTime or Period (effective[x], onset[x], performed[x]): the date, or the period's start. */
    static LocalDate startOf(Type choice) {
        if (choice instanceof BaseDateTimeType dt) {
            return of(dt);
        }
        if (choice instanceof Period p) {
            return start(p);
        }
        return null;
    }

    /** As {@link #startOf}, the end of a period. */
    static LocalDate endOf(Type choice) {
        if (choice instanceof BaseDateTimeType dt) {
            return of(dt);
        }
        if (choice instanceof Period p) {
            return end(p);
        }
        return null;
    }
}
