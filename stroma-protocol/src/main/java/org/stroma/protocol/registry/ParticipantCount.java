package org.stroma.protocol.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of participants as a page states it among other words ("60 participants", "1,250 (Actual)"). */
public final class ParticipantCount {
    private static final Pattern COUNT = Pattern.compile("\\d[\\d,]*");

    private ParticipantCount() {
    }

    /** The first whole number in the text (commas separating thousands), null if there is none. */
    public static Integer in(String text, String place) {
        Matcher m = COUNT.matcher(text == null ? "" : text);
        if (!m.find()) {
            return null;
        }
        String digits = m.group().replace(",", "");
        if (digits.length() > 9) {
            throw new RecordFormatException(place, "a count of participants of " + digits.length() + " digits is not"
                    + " one a trial has");
        }
        return Integer.parseInt(digits);
    }
}
