package org.stroma.export.sdtm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Values as SDTM writes them: ISO 8601 dates and date-times, numbers without needless digits, study days. */
final class SdtmValues {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private SdtmValues() {
    }

    static String date(LocalDate day) {
        return day == null ? null : day.toString();
    }

    /** A moment as the site's local date and time to the minute: SDTM's --DTC keeps the clock of where it happened. */
    static String dateTime(Instant at, ZoneId zone) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.MINUTES).format(MINUTES);
    }

    /** The study day of a date: day 1 is the reference start date, the day before it day -1; there is no day 0. */
    static Integer studyDay(LocalDate day, LocalDate reference) {
        if (day == null || reference == null) {
            return null;
        }
        long between = ChronoUnit.DAYS.between(reference, day);
        return Math.toIntExact(between >= 0 ? between + 1 : between);
    }

    /** A number from a captured value, or null when it is not one. */
    static Double number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A cell as text (CSV, lengths): numbers without a trailing ".0" or an exponent. */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return cell.toString();
    }
}
