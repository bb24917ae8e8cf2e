package org.stroma.cli.chia;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.eligibility.rule.Window;

/**
 * The time window a Chia {@code Temporal} entity states, in the terms of Stroma's {@link Window}: "within the last 6
 * months" is the past 6 months, "in the next 30 days" the next 30 days, "current"/"active" now, "history of"/"ever"
 * at any time. Words that bound a fact's age from the other side ("at least 3 months ago", "more than 1 year prior")
 * or anchor it to an event ("during pregnancy") state no window: they are read as null, and the evaluation counts them
 * apart rather than as windows missed.
 */
public final class ChiaWindow {
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"),
            Map.entry("eleven", "11"), Map.entry("twelve", "12"), Map.entry("fourteen", "14"),
            Map.entry("fifteen", "15"), Map.entry("eighteen", "18"), Map.entry("twenty", "20"),
            Map.entry("thirty", "30"), Map.entry("sixty", "60"), Map.entry("ninety", "90"), Map.entry("a", "1"),
            Map.entry("an", "1"));
    private static final Pattern SPAN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*-?\\s*(hour|day|week|month|year)s?\\b");
    private static final Pattern FROM_THE_OTHER_SIDE = Pattern.compile("\\b(?:at least|more than|greater than|"
            + "longer than|ago|before (?:the )?(?:age|onset)|for)\\b|[>≥]");
    private static final Pattern NEXT = Pattern.compile("\\b(?:next|following|after|upcoming|coming|during the study)\\b");
    private static final Pattern NOW = Pattern.compile("\\b(?:current(?:ly)?|active|present|ongoing|at (?:the time of )?"
            + "(?:screening|enrollment|entry|baseline|randomi[sz]ation)|now)\\b");
    private static final Pattern EVER = Pattern.compile("\\b(?:history|ever|prior|previous(?:ly)?|past|lifetime)\\b");

    private ChiaWindow() {
    }

    /** The window the words state; null when they state none Stroma's windows express. */
    public static Window read(String words) {
        String t = " " + words.toLowerCase(Locale.ROOT) + " ";
        for (Map.Entry<String, String> w : NUMBER_WORDS.entrySet()) {
            t = t.replaceAll("\\b" + w.getKey() + "\\b(?=\\s*-?\\s*(?:hour|day|week|month|year))", w.getValue());
        }
        Matcher span = SPAN.matcher(t);
        if (span.find()) {
            if (FROM_THE_OTHER_SIDE.matcher(t).find()) {
                return null;
            }
            double amount = Double.parseDouble(span.group(1));
            TimeUnit unit = TimeUnit.valueOf(span.group(2).toUpperCase(Locale.ROOT));
            return NEXT.matcher(t).find() ? Window.next(amount, unit) : Window.past(amount, unit);
        }
        if (NOW.matcher(t).find()) {
            return Window.now();
        }
        if (EVER.matcher(t).find()) {
            return Window.ever();
        }
        return null;
    }

    /**
     * Whether a rule's window is the one stated: the same kind, and for a past or next window the same length within a
     * day, so that 1 year and 12 months are one window.
     */
    public static boolean same(Window stated, Window compiled) {
        if (compiled == null || stated.kind() != compiled.kind()) {
            return false;
        }
        if (stated.span() == null || compiled.span() == null) {
            return stated.span() == compiled.span();
        }
        return Math.abs(stated.span().approximateDays() - compiled.span().approximateDays()) <= 1.0;
    }
}
