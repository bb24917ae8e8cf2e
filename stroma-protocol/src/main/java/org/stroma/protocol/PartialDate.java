package org.stroma.protocol;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar date known to the year, the month or the day. Registry dates are often month-only ("December 2022");
 * keeping the precision means an exported record says exactly what the registry said.
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public PartialDate {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is not a four-digit year");
        }
        if (month == null && day != null) {
            throw new IllegalArgumentException("a day needs a month");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("month " + month + " is not between 1 and 12");
        }
        if (day != null) {
            LocalDate.of(year, month, day); // throws DateTimeException for 31 February and the like
        }
    }

    public static PartialDate of(int year, int month, int day) {
        return new PartialDate(year, month, day);
    }

    public static PartialDate ofMonth(int year, int month) {
        return new PartialDate(year, month, null);
    }

    /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; returns null for anything else. */
    public static PartialDate parseIso(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ISO.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            return new PartialDate(Integer.parseInt(m.group(1)),
                    m.group(2) == null ? null : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? null : Integer.parseInt(m.group(3)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The first day this date may denote (a month-only date denotes its first day). */
    public LocalDate earliest() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    @Override
    public int compareTo(PartialDate other) {
        return earliest().compareTo(other.earliest());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%04d", year));
        if (month != null) {
            s.append(String.format(Locale.ROOT, "-%02d", month));
        }
        if (day != null) {
            s.append(String.format(Locale.ROOT, "-%02d", day));
        }
        return s.toString();
    }
}
