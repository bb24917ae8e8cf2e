package org.stroma.server.app;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Moments as people give and read them. A time is given as an instant ("2026-06-01T09:30:00Z") or as a site's local
 * date and time ("2026-06-01T09:30", what a page's date-time field sends), taken in the site's zone; it is shown to the
 * minute, in the site's zone, with the zone's name: "2026-06-01 11:30 CEST", or as the person's locale writes it.
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
        return show(at, zone, Locale.ROOT);
    }

    /**
     * A moment in the site's zone, to the minute, written as the person's locale writes dates and times ("Jun 1, 2026,
     * 11:30 AM CEST", "1 juin 2026, 11:30 CEST"); with no locale ({@link Locale#ROOT}), as ISO writes them.
     */
    public static String show(Instant at, ZoneId zone, Locale locale) {
        if (at == null) {
            return "";
        }
        if (locale == null || locale.equals(Locale.ROOT) || locale.getLanguage().isEmpty()) {
            return MINUTE.format(at.atZone(zone));
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(
                at.atZone(zone)) + " " + DateTimeFormatter.ofPattern("z", locale).format(at.atZone(zone));
    }

    /**
     * The locale a browser's Accept-Language header asks for first ("fr-FR,fr;q=0.9,en;q=0.8" is French, France); a
     * header that is absent, "*" or cannot be read asks for none ({@link Locale#ROOT}).
     */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 200) {
            return Locale.ROOT;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream().map(Locale.LanguageRange::getRange).filter(r
                    -> !r.startsWith("*")).map(Locale::forLanguageTag).filter(l -> !l.getLanguage().isEmpty())
                    .findFirst().orElse(Locale.ROOT);
        } catch (IllegalArgumentException unreadable) {
            return Locale.ROOT;
        }
    }
}
