package org.stroma.trial.eligibility.compile;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.eligibility.rule.Window;

/** The time window a stretch of criterion text gives: "within the last 3 months", "planned for the next 30 days". */
final class TextWindows {
    private static final String UNIT = "(days?|weeks?|months?|years?)";
    private static final Pattern NEXT = Pattern.compile(
            "(?:planned|scheduled|expected|foreseen|anticipated)\\s+(?:for|within|in)\\s+(?:the\\s+)?next\\s+(\\d+)\\s*"
                    + UNIT, Pattern.CASE_INSENSITIVE);
    private static final Pattern PAST = Pattern.compile(
            "(?:during|within|in|over|for)\\s+(?:the\\s+)?(?:last|past|previous|preceding|prior)\\s+(\\d+)\\s*" + UNIT
                    + "|\\bin\\s+(?:the\\s+)?(?:last|past)\\s+(\\d+)\\s*" + UNIT
                    + "|(?:within|during)\\s+(?:the\\s+)?(\\d+)\\s*" + UNIT
                    + "|(\\d+)\\s*" + UNIT + "\\s+(?:prior to|before|preceding)"
                    + "|[<≤]\\s*(\\d+)\\s*" + UNIT, Pattern.CASE_INSENSITIVE);
    private static final Pattern EVER = Pattern.compile("\\b(?:history|previous(?:ly)?|prior|ever|past)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOW = Pattern.compile("\\b(?:current(?:ly)?|on-?going|at present)\\b",
            Pattern.CASE_INSENSITIVE);

    private TextWindows() {
    }

    /** The window the text states explicitly, or null. */
    static Window find(String text) {
        Matcher next = NEXT.matcher(text);
        if (next.find()) {
            return Window.next(Double.parseDouble(next.group(1)), unit(next.group(2)));
        }
        Matcher past = PAST.matcher(text);
        if (past.find()) {
            for (int g = 1; g < past.groupCount(); g += 2) {
                if (past.group(g) != null) {
                    return Window.past(Double.parseDouble(past.group(g)), unit(past.group(g + 1)));
                }
            }
        }
        if (NOW.matcher(text).find()) {
            return Window.now();
        }
        if (EVER.matcher(text).find()) {
            return Window.ever();
        }
        return null;
    }

    /** The text without its window phrases. */
    static String strip(String text) {
        return PAST.matcher(NEXT.matcher(text).replaceAll(" ")).replaceAll(" ")
                .replaceAll("(?i)\\b(?:prior to|before|preceding)?\\s*(?:randomi[sz]ation|enrol+ment|screening|inclusion"
                        + "|study entry)\\b", " ");
    }

    /** Whether the text plans something ("planned for the next 30 days"). */
    static boolean planned(String text) {
        return NEXT.matcher(text).find();
    }

    static TimeUnit unit(String text) {
        String u = text.toLowerCase(Locale.ROOT);
        return u.startsWith("d") ? TimeUnit.DAY : u.startsWith("w") ? TimeUnit.WEEK : u.startsWith("m") ? TimeUnit.MONTH
                : TimeUnit.YEAR;
    }
}
