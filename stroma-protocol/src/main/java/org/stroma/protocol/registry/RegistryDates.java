package org.stroma.protocol.registry;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.PartialDate;

/** Dates as the registry's formats write them: "2015-06-08", "2015-06", "June 8, 2015", "June 2015", "8 June 2015". */
public final class RegistryDates {
    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(MONTH + "\\s+(\\d{1,2}),?\\s+(\\d{4})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})\\s+" + MONTH + ",?\\s+(\\d{4})");
    private static final Pattern MONTH_YEAR = Pattern.compile(MONTH + ",?\\s+(\\d{4})");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private RegistryDates() {
    }

    /** The date, or null when the text is not one of the registry's date forms. */
    public static PartialDate parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        PartialDate iso = PartialDate.parseIso(t);
        if (iso != null) {
            return iso;
        }
        try {
            Matcher m = MONTH_DAY_YEAR.matcher(t);
            if (m.matches()) {
                return PartialDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = DAY_MONTH_YEAR.matcher(t);
            if (m.matches()) {
                return PartialDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
            }
            m = MONTH_YEAR.matcher(t);
            if (m.matches()) {
                return PartialDate.ofMonth(Integer.parseInt(m.group(2)), month(m.group(1)));
            }
        } catch (RuntimeException impossibleDate) {
            return null; // "February 30, 2015"
        }
        return null;
    }

    private static int month(String abbreviation) {
        return MONTHS.indexOf(abbreviation) / 3 + 1;
    }
}
