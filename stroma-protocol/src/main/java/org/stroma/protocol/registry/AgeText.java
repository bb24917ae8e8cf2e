package org.stroma.protocol.registry;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Age;
import org.stroma.protocol.TimeUnit;

/** Age limits as registries write them: "18 Years", "6 Months", "18 years", "N/A" (no limit). */
public final class AgeText {
    private static final Pattern AGE = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(years?|months?|weeks?|days?|hours?|minutes?)", Pattern.CASE_INSENSITIVE);

    private AgeText() {
    }

    /** The age, or null when the text is not one (including "N/A", which means no limit). */
    public static Age parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = AGE.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        TimeUnit timeUnit = unit.startsWith("y") ? TimeUnit.YEAR : unit.startsWith("mo") ? TimeUnit.MONTH
                : unit.startsWith("w") ? TimeUnit.WEEK : unit.startsWith("d") ? TimeUnit.DAY
                : unit.startsWith("h") ? TimeUnit.HOUR : TimeUnit.MINUTE;
        return new Age(Double.parseDouble(m.group(1)), timeUnit);
    }

    public static boolean meansNoLimit(String text) {
        return text == null || text.isBlank() || text.trim().matches("(?i)n/?a|none|no limit|not applicable");
    }
}
