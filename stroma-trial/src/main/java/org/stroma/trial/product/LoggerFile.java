package org.stroma.trial.product;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * A temperature logger's file, as loggers export it: a header row, then one reading a row. The separator is the comma,
 * the semicolon or the tab (whichever the header uses); the time is the column whose name says time or date, the
 * temperature the one that says temperature, temp or °C — in °F when its name says so, converted. A time carries its
 * offset ("2026-06-01T08:00:00Z", "+02:00") or is the site's local time ("2026-06-01 08:00"; "22/06/2026 08:00" day
 * first, or "06/22/2026 08:00" month first when a day above 12 tells which, refused when none does); a decimal comma is
 * read where the separator is not the comma, and a row with more columns than the header is refused. Blank lines and
 * lines starting with '#' are skipped. A row that cannot be read is refused with its line and column: a shipment's
 * readings are never guessed.
 */
public final class LoggerFile {
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm[:ss]", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm[:ss]", Locale.ROOT));
    private static final List<DateTimeFormatter> MONTH_FIRST = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]", Locale.ROOT),
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm[:ss]", Locale.ROOT));
    private static final Pattern FAHRENHEIT = Pattern.compile(".*[(\\[ ]\\W?f[)\\]]?");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/\\d{4}");
    /** Readings no shipment's logger gives more of. */
    static final int MAX_READINGS = 100_000;

    private LoggerFile() {
    }

    /** The readings of a logger's file, local times taken in {@code zone}. */
    public static List<TemperatureLog.Reading> read(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("the logger's file is empty");
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        int header = 0;
        while (header < lines.length && skipped(lines[header])) {
            header++;
        }
        if (header == lines.length) {
            throw new InvalidInputException("the logger's file has no header row");
        }
        String separator = separator(lines[header]);
        List<String> names = cells(lines[header], separator);
        int time = column(names, "time", "date");
        int temperature = column(names, "temperature", "temp", "°c", "celsius", "°f", "fahrenheit");
        if (time < 0 || temperature < 0) {
            throw new InvalidInputException("line " + (header + 1) + ": the header names no " + (time < 0 ? "time"
                    : "temperature") + " column (its columns: " + String.join(", ", names) + ")");
        }
        String unit = names.get(temperature).toLowerCase(Locale.ROOT);
        // "°F", "Fahrenheit", or an F alone in brackets ("(F)", or "(?F)" when the degree sign was lost)
        boolean fahrenheit = unit.contains("°f") || unit.contains("fahrenheit") || FAHRENHEIT.matcher(unit).matches();
        boolean monthFirst = monthFirst(lines, header + 1, separator, time);
        List<TemperatureLog.Reading> readings = new ArrayList<>();
        for (int i = header + 1; i < lines.length; i++) {
            if (skipped(lines[i])) {
                continue;
            }
            List<String> row = cells(lines[i], separator);
            String where = "line " + (i + 1);
            if (row.size() != names.size()) {
                // one column too many in a comma-separated file is a decimal comma: "4,5" must not be read as 4
                throw new InvalidInputException(where + ": " + row.size() + " column" + (row.size() == 1 ? "" : "s")
                        + ", where the header has " + names.size());
            }
            Instant at = moment(row.get(time), zone, monthFirst, where + ", column " + names.get(time));
            double value = number(row.get(temperature), separator, where + ", column " + names.get(temperature));
            readings.add(new TemperatureLog.Reading(at, fahrenheit ? (value - 32) * 5 / 9 : value));
            if (readings.size() > MAX_READINGS) {
                throw new InvalidInputException("the logger's file holds more than " + MAX_READINGS + " readings");
            }
        }
        if (readings.isEmpty()) {
            throw new InvalidInputException("the logger's file holds no reading");
        }
        return readings;
    }

    private static boolean skipped(String line) {
        return line.isBlank() || line.strip().startsWith("#");
    }

    private static String separator(String header) {
        return header.contains("\t") ? "\t" : header.contains(";") ? ";" : ",";
    }

    private static List<String> cells(String line, String separator) {
        List<String> cells = new ArrayList<>();
        for (String c : line.split(Pattern.quote(separator), -1)) {
            String s = c.strip();
            cells.add(s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1)
                    .strip() : s);
        }
        return cells;
    }

    private static int column(List<String> names, String... words) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (name.contains(w)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Whether the file's slash dates put the month first (06/22/2026), as the United States write them: told by a
     * first number above 12 (day first) or a second above 12 (month first). A file whose every slash date could be
     * read both ways is refused rather than read one way by guess.
     */
    private static boolean monthFirst(String[] lines, int from, String separator, int time) {
        boolean dayFirst = false;
        boolean monthFirst = false;
        boolean slashed = false;
        for (int i = from; i < lines.length; i++) {
            List<String> row = skipped(lines[i]) ? List.of() : cells(lines[i], separator);
            Matcher m = row.size() > time ? SLASHED.matcher(row.get(time)) : null;
            if (m != null && m.lookingAt()) {
                slashed = true;
                dayFirst |= Integer.parseInt(m.group(1)) > 12;
                monthFirst |= Integer.parseInt(m.group(2)) > 12;
            }
        }
        if (dayFirst && monthFirst) {
            throw new InvalidInputException("the slash dates put the day first in some rows and the month first in"
                    + " others");
        }
        if (slashed && !dayFirst && !monthFirst) {
            throw new InvalidInputException("every slash date can be read day first or month first (03/04/2026):"
                    + " export the dates as 2026-04-03, or with a day above 12");
        }
        return monthFirst;
    }

    private static Instant moment(String text, ZoneId zone, boolean monthFirst, String where) {
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException offsetless) {
            for (DateTimeFormatter f : monthFirst ? MONTH_FIRST : LOCAL) {
                try {
                    return LocalDateTime.parse(text, f).atZone(zone).toInstant();
                } catch (DateTimeParseException e) {
                    // the next form
                }
            }
        }
        throw new InvalidInputException(where + ": '" + shown(text) + "' is not a date and time (2026-06-01 08:00,"
                + " with its offset or in the site's time)");
    }

    private static double number(String text, String separator, String where) {
        String t = separator.equals(",") ? text : text.replace(',', '.');
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v) && v > -300 && v < 300) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidInputException(where + ": '" + shown(text) + "' is not a temperature");
    }

    private static String shown(String text) {
        String s = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
