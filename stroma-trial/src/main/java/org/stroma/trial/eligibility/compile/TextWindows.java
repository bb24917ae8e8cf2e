package org.stroma.trial.eligibility.compile;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.eligibility.rule.Window;

/** The time window a stretch of criterion text gives: "within the last 3 months", "planned for the next 30 days". */
final class TextWindows {
    /**
     * A unit of time; "60 years old", "37 weeks of gestation" are an age, and "12 years of education" an amount, not a
     * time before screening.
     */
    private static final String UNIT = "(hours?|hrs?|days?|weeks?|months?|years?)\\b(?!\\s*(?:old|of age|of life"
            + "|(?:of |')?\\s*gestation|gestational|pregnant|of pregnancy|postpartum|post-?partum|postnatal"
            + "|(?:of\\s+)?(?:formal\\s+)?(?:education|schooling|school)\\b))";
    /** Ahead of the screening date: "planned within 6 months", "scheduled for the next 30 days", "in the coming year". */
    private static final Pattern NEXT = Pattern.compile(
            "(?:planned|scheduled|expected|foreseen|anticipated|intended)\\s+(?:\\w+\\s+){0,3}?(?:for|within|in|during)\\s+"
                    + "(?:the\\s+)?(?:next\\s+|following\\s+|coming\\s+|upcoming\\s+)?(\\d+)\\s*" + UNIT
                    + "|(?:within|in|during|over)\\s+the\\s+(?:next|following|coming|upcoming)\\s+(\\d+)\\s*" + UNIT,
            Pattern.CASE_INSENSITIVE);
    /** Behind it: "within the last 3 months", "in the past 2 years", "6 months prior to", "< 30 days". */
    private static final Pattern PAST = Pattern.compile(
            "(?:during|within|in|over|for)\\s+(?:the\\s+)?(?:last|past|previous|preceding|prior)\\s+(\\d+)\\s*" + UNIT
                    + "|\\bin\\s+(?:the\\s+)?(?:last|past|recent)\\s+(\\d+)\\s*" + UNIT
                    + "|(?:within|during)\\s+(?:the\\s+)?(\\d+)\\s*" + UNIT
                    // a sign the text lost before the time ("at =3 years prior") may have been ≥: no window
                    + "|(?<![≥>=]\\s?)\\b(\\d+)\\s*" + UNIT + "\\s+(?:prior to|before|preceding)"
                    // "gestational age < 37 weeks", "age < 2 years" are ages
                    + "|(?<!\\b(?:age[ds]?|gestation)\\s{0,3})[<≤]\\s*(\\d+)\\s*" + UNIT, Pattern.CASE_INSENSITIVE);
    /** "In the previous month", "during the past year": one of the unit. */
    private static final Pattern PAST_ONE = Pattern.compile("(?:in|during|within|over)\\s+(?:the\\s+)?(?:last|past|previous"
            + "|preceding)\\s+(hour|day|week|month|year)\\b", Pattern.CASE_INSENSITIVE);
    /** "Within the 6 previous months". */
    private static final Pattern PAST_REVERSED = Pattern.compile("(?:in|during|within|over)\\s+the\\s+(\\d+)\\s+(?:last|past"
            + "|previous|preceding)\\s+" + UNIT, Pattern.CASE_INSENSITIVE);
    /**
     * A least time since, which is no window: "diagnosed ≥ 6 months before screening", "more than 1 year ago",
     * "6 months or more before". Read as "within", it would take in exactly the patients the criterion leaves out.
     * "For ≥ 3 months prior to screening" is not one: it says how long, and is read as such.
     */
    private static final Pattern ELAPSED = Pattern.compile(
            "(?<!\\bfor\\s)(?<!\\bfor)[≥>]\\s*(\\d+)\\s*" + UNIT + "\\s+(?:before|prior|ago|preceding|earlier|since|from)"
                    + "|\\b(\\d+)\\s*" + UNIT + "\\s+or\\s+(?:more|longer|greater)\\s+(?:before|prior|ago|preceding|earlier)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LASTING = Pattern.compile("\\bfor\\s*≥\\s*\\d+\\s*" + UNIT
            + "\\s+(?:prior|before|preceding)", Pattern.CASE_INSENSITIVE);
    /**
     * A fact at any time: "history of", "prior", and a treatment the patient "has received" or "received" (not one
     * "being received"; "has been treated with" and "has used" often mean up to now, and are left to their words).
     */
    private static final Pattern EVER = Pattern.compile("\\b(?:history|previous(?:ly)?|prior|ever|past)\\b"
            + "|(?<!\\b(?:is|are|be|being)\\s)\\breceived\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOW = Pattern.compile("\\b(?:current(?:ly)?|on-?going|at present)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A time counted from another event than the screening: "within 8 weeks of a previous influenza vaccine", "within
     * 30 days after surgery", "3 months after RYGB". Read as a window before screening it would be another criterion.
     */
    private static final Pattern RELATIVE = Pattern.compile("(?:(?:within|in|during)\\s+(?:the\\s+)?(?:first\\s+)?(?:\\d+|one|two"
            + "|three|four|five|six|seven|eight|nine|ten|twelve)\\s*" + UNIT + "\\s+(?:of|after|following)|(?<![<>≤≥]\\s?)\\b\\d+\\s*"
            + UNIT + "\\s+(?:after|following|post))\\s+(?!(?:the\\s+)?"
            + "(?:screening|enrol\\w*|randomi[sz]\\w*|inclusion|study|baseline|consent|signing|day\\s*[01]|visit|start\\w*"
            + "|initiation|beginning|first|entry|registration|trial|dosing|treatment|participation|date|icf"
            // after the trial's end: a plan, read as such elsewhere
            + "|discontinuation|end|completion|last|stopping|cessation)\\b)",
            Pattern.CASE_INSENSITIVE);

    private TextWindows() {
    }

    /** A time whose comparison the text lost: "=6 months prior to screening" may be at least or at most. */
    private static final Pattern LOST_SIGN = Pattern.compile("(?<![<>≤≥])=\\s*\\d+\\s*" + UNIT
            + "\\s+(?:prior|before|preceding|ago|earlier)", Pattern.CASE_INSENSITIVE);

    /**
     * Whether the text gives a time no window before the screening says: counted from another event ("within 8 weeks
     * of a vaccine"), or with its comparison lost ("=6 months prior to screening").
     */
    static boolean countedOtherwise(String text) {
        return RELATIVE.matcher(text).find() || LOST_SIGN.matcher(text).find();
    }

    /** The window the text states explicitly, or null. */
    static Window find(String text) {
        Matcher next = NEXT.matcher(text);
        if (next.find()) {
            int g = next.group(1) != null ? 1 : 3;
            return Window.next(Double.parseDouble(next.group(g)), unit(next.group(g + 1)));
        }
        Matcher one = PAST_ONE.matcher(text);
        if (one.find()) {
            return Window.past(1, unit(one.group(1)));
        }
        Matcher reversed = PAST_REVERSED.matcher(text);
        if (reversed.find()) {
            return Window.past(Double.parseDouble(reversed.group(1)), unit(reversed.group(2)));
        }
        Matcher past = PAST.matcher(text);
        if (past.find()) {
            for (int g = 1; g < past.groupCount(); g += 2) {
                if (past.group(g) != null) {
                    return Window.past(Double.parseDouble(past.group(g)), unit(past.group(g + 1)));
                }
            }
        }
        // "treated for ≥ 3 months prior to screening": it lasts up to now, however long it has
        if (NOW.matcher(text).find() || LASTING.matcher(text).find()) {
            return Window.now();
        }
        if (EVER.matcher(text).find()) {
            return Window.ever();
        }
        return null;
    }

    /** The least time since a fact the text asks ("≥ 6 months before screening"), as a duration; null if none. */
    static org.stroma.protocol.Offset elapsed(String text) {
        Matcher m = ELAPSED.matcher(text);
        if (!m.find()) {
            return null;
        }
        int g = m.group(1) != null ? 1 : 3;
        return new org.stroma.protocol.Offset(Double.parseDouble(m.group(g)), unit(m.group(g + 1)));
    }

    /** The text without its window phrases. */
    static String strip(String text) {
        return PAST.matcher(PAST_REVERSED.matcher(PAST_ONE.matcher(NEXT.matcher(text).replaceAll(" ")).replaceAll(" "))
                .replaceAll(" ")).replaceAll(" ")
                .replaceAll("(?i)\\b(?:prior to|before|preceding)?\\s*(?:randomi[sz]ation|enrol+ment|screening|inclusion"
                        + "|study entry)\\b", " ");
    }

    /** Whether the text plans something ("planned for the next 30 days"). */
    static boolean planned(String text) {
        return NEXT.matcher(text).find();
    }

    static TimeUnit unit(String text) {
        String u = text.toLowerCase(Locale.ROOT);
        return u.startsWith("h") ? TimeUnit.HOUR : u.startsWith("d") ? TimeUnit.DAY : u.startsWith("w") ? TimeUnit.WEEK : u.startsWith("m") ? TimeUnit.MONTH
                : TimeUnit.YEAR;
    }
}
