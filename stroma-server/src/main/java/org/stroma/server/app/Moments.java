package org.stroma.server.app;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Moments as people give and read them. A time is given as an instant ("2026-06-01T09:30:00Z") or as a site's local
 * date and time ("2026-06-01T09:30", what a page's date-time field sends), taken in the site's zone; it is shown to the
 * minute, in the site's zone, with the zone's name: "2026-06-01 11:30 CEST".
 */
public final class Moments {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z",
            Locale.ROOT);

    private Moments() {
    }

    /** The moment a field gives, or null when blank; local times are the site's. */
    public static Instant parse(String field, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$") ? OffsetDateTime.parse(t).toInstant()
                    : LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw RequestException.badRequest(field, "'" + field + "': '" + Texts.shown(t) + "' is not a date and"
                    + " time (2026-06-01T09:30)");
        }
    }

    /** A moment as a person at the site reads it, to the minute: "2026-06-01 11:30 CEST". */
    public static String show(Instant at, ZoneId zone) {
        return at == null ? "" : MINUTE.format(at.atZone(zone));
    }
}
