package org.stroma.protocol.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.OutcomeKind;

/**
 * Infers outcome measures from a study's description when the record lists none: "The primary objective was to assess
 * the safety of the cell therapy over the first 5 days… Secondary outcomes included changes in LVEF, …, and NYHA class
 * at 1, 3, and 6 months post-infusion."
 */
public final class OutcomesFromDescription {
    private static final Pattern PRIMARY = Pattern.compile(
            "\\bprimary (?:objective|outcome|end-?point|aim|goal|efficacy end-?point|safety end-?point)s?\\s+"
                    + "(?:was|is|will be|were|are|included|includes|will include)\\s+(?:to\\s+)?"
                    + "(?:(?:assess|evaluate|determine|measure|investigate|examine|compare|test)\\s+)?(?<body>[^.]+)\\.",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECONDARY = Pattern.compile(
            "\\bsecondary (?:objectives?|outcomes?|end-?points?|outcome measures?|aims?)\\s+(?:were|are|was|is|included"
                    + "|include|will include|will be|comprised?)\\s*:?\\s+(?:to\\s+)?(?:(?:assess|evaluate|determine"
                    + "|measure)\\s+)?(?<body>[^.]+(?:\\.\\d[^.]*)*)\\.",
            Pattern.CASE_INSENSITIVE);
    /** Where the time frame begins in a sentence: the last "at 1, 3…", "over the first…", "within…". */
    private static final Pattern TIME_START = Pattern.compile(
            "\\s(?:at|over|within|during|after|up to|through|throughout|until|for)\\s+(?:the\\s+)?(?:first\\s+|last\\s+)?"
                    + "(?:\\d|one|two|three|four|five|six|twelve|baseline)",
            Pattern.CASE_INSENSITIVE);

    private OutcomesFromDescription() {
    }

    /** Outcomes stated in the text, primary first; empty when the text states none. */
    public static List<Outcome> infer(String text) {
        List<Outcome> outcomes = new ArrayList<>();
        if (text == null) {
            return outcomes;
        }
        String clean = RegistryText.squash(RegistryText.clean(text));
        Matcher primary = PRIMARY.matcher(clean);
        if (primary.find()) {
            String[] parts = splitTime(primary.group("body"));
            outcomes.add(outcome(OutcomeKind.PRIMARY, parts[0], parts[1]));
        }
        Matcher secondary = SECONDARY.matcher(clean);
        if (secondary.find()) {
            String[] parts = splitTime(secondary.group("body"));
            String list = parts[0];
            String shared = "";
            // "changes in A, B and C" speaks of a change in each; "change in A, B and C" only of A
            Matcher changes = Pattern.compile("^changes (?:in|from baseline in) ", Pattern.CASE_INSENSITIVE)
                    .matcher(list);
            if (changes.find()) {
                shared = "Change in ";
                list = list.substring(changes.end());
            }
            for (String item : listItems(list)) {
                outcomes.add(outcome(OutcomeKind.SECONDARY, shared + item, parts[1]));
            }
        }
        return outcomes;
    }

    private static Outcome outcome(OutcomeKind kind, String measure, String timeFrame) {
        String m = measure.trim().replaceFirst("(?i)^the\\s+", "");
        m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return new Outcome(kind, m, null, timeFrame, null);
    }

    /** Splits "X at 1, 3 and 6 months" into "X" and "at 1, 3 and 6 months". */
    private static String[] splitTime(String body) {
        Matcher m = TIME_START.matcher(body);
        int at = -1;
        while (m.find()) {
            at = m.start();
        }
        if (at <= 0) {
            return new String[] {body.trim(), null};
        }
        return new String[] {body.substring(0, at).trim(), body.substring(at).trim()};
    }

    /** Items of an enumeration, split at commas and a final "and" outside parentheses. */
    private static List<String> listItems(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if ((c == ',' || c == ';') && depth == 0) {
                items.add(list.substring(start, i));
                start = i + 1;
            }
        }
        items.add(list.substring(start));
        List<String> cleaned = new ArrayList<>();
        for (String item : items) {
            String t = item.trim().replaceFirst("^(?:and|or)\\s+", "").trim();
            if (!t.isEmpty()) {
                cleaned.add(t);
            }
        }
        return cleaned;
    }
}
