package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.trial.concept.Mention;

/**
 * Splits a criterion into clauses at its connectives — "or", "and", "with", "but", "despite", "as evidenced by", "except" ("with
 * the exception of", "besides", "in the absence of"), "unless" ("except for patients with"), bare commas — outside
 * parentheses, never inside a concept's name ("alcohol or drug abuse" is one concept) and never between two bounds of
 * one measurement ("BMI > 18 and < 35").
 */
final class ClauseSplitter {
    /**
     * "HTLV-1 and 2", "type 1 or 2", "ECOG 0 or 1 at screening": a bare number or numeral after "and"/"or" completes
     * the name or the grades before it.
     */
    private static final String DESIGNATOR_ONLY = "(?!(?-i:\\d+|[IVX]+)\\s*(?:[,;)]|\\.(?![A-Za-z])|$|(?:at|on|during|before|prior"
            + "|according)\\b))";
    /** A comparison with its number, and what follows it up to the next word ("=" is a ≤ or ≥ some texts lost). */
    private static final Pattern COMPARISON = Pattern.compile("^\\s*[<>≤≥=]\\s*\\d+(?:[.,]\\d+)?\\s*(?:\\S+\\s*)?");
    /**
     * "Ovarian, endometrial or cervical - GOG performance score ≤ 2": a spaced dash after a list of words ends the list
     * as a semicolon does. After a single name it says more of it ("coronary artery disease - stent", "obesity - BMI
     * &gt; 30"), and after a numeral it is a range ("class II - IV"); then it splits nothing.
     */
    private static final Pattern LIST_BEFORE = Pattern.compile("(?i)^[^,;]*\\p{L}[^,;]*(?:,|\\bor\\b)[^;]*\\p{L}{2,}\\)?\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile(
            "(?<defines>,?\\s+(?:as\\s+)?(?:evidenced|documented|confirmed|defined)\\s+(?:by|as)\\s+)"
                    + "|(?<unless>,?\\s+(?:unless|except\\s+(?:if|when|(?:for|in)\\s+(?:patients|subjects|participants|those)"
                    + "(?:\\s+with|\\s+who\\s+have)?))\\s+)"
                    + "|(?<except>,?\\s+(?:except(?:\\s+for)?|excepting|excluding|other than|apart from|besides"
                    + "|with the exception of|in\\s+(?:the\\s+)?absence\\s+of)\\s+)"
                    + "|(?<semicolon>;(?!\\s*(?:and/)?or\\s)\\s*)|(?<dash>(?<=[A-Za-z)])\\s+[-–]\\s+(?=[A-Za-z(]))|(?<but>,?\\s+(?:but|despite)\\s+)"
                    + "|(?<or>;\\s*(?:and/)?or\\s+|\\s+and/or\\s+|(?:,\\s*|\\s+)or\\s++(?!more\\b|less\\b|equal\\b|egal\\b|later\\b|after\\b|above\\b|below\\b|higher\\b|lower\\b"
                    + "|greater\\b|worse\\b|better\\b|older\\b|younger\\b)"
                    + DESIGNATOR_ONLY + ")"
                    + "|(?<and>(?:,\\s*|\\s+)and\\s++(?!older\\b|over\\b|above\\b|more\\b|less\\b|after\\b)"
                    + DESIGNATOR_ONLY + ")"
                    + "|(?<with>(?<!therapy|therapies|treatment|treated|infection|infections|diagnosed|infected"
                    + "|interfere|interferes|interfering)\\s+with\\s+)"
                    + "|(?<list>,\\s*+(?!(?:or|and)\\s)" + DESIGNATOR_ONLY + "(?!\\d+\\s*(?:,|or\\b|and\\b)))",
            Pattern.CASE_INSENSITIVE);

    private ClauseSplitter() {
    }

    static List<Clause> split(String text, List<Mention> mentions) {
        List<Clause> clauses = new ArrayList<>();
        Matcher m = SEPARATOR.matcher(text);
        int start = 0;
        Connective pending = Connective.FIRST;
        while (m.find()) {
            if (m.group("dash") != null && (!LIST_BEFORE.matcher(text.substring(0, m.start())).find()
                    || text.substring(0, m.start()).matches("(?s).*\\b[IVX]+\\)?")
                    || text.substring(m.end()).matches("(?s)[IVX]+\\b.*"))) {
                continue;
            }
            if (depth(text, m.start()) > 0 || insideMention(mentions, m.start(), m.end())
                    || continuesThreshold(text, m.end(), mentions)
                    // "women with potential childbearing": after words that name nothing, "with" joins no clauses
                    || m.group("with") != null && Markers.isFiller(text.substring(start, m.start()))) {
                continue;
            }
            clauses.add(new Clause(text.substring(start, m.start()).trim(), start, pending));
            pending = m.group("defines") != null ? Connective.DEFINES : m.group("except") != null ? Connective.EXCEPT
                    : m.group("unless") != null ? Connective.UNLESS
                    : m.group("but") != null ? Connective.WITH
                    : m.group("semicolon") != null || m.group("dash") != null ? Connective.SEMICOLON
                    : m.group("or") != null ? Connective.OR
                    : m.group("and") != null ? Connective.AND : m.group("with") != null ? Connective.WITH
                    : Connective.LIST;
            start = m.end();
        }
        clauses.add(new Clause(text.substring(start).trim(), start, pending));
        return clauses;
    }

    /**
     * "LVEF ≥ 20 % and ≤ 45 %", "&lt; 12 g/dL for women, &lt; 13 for men": a comparison that names nothing of its own
     * continues the threshold before it; "≥ 1 relapse or ≥ 1 GEL" names its own concept and is a clause.
     */
    private static boolean continuesThreshold(String text, int at, List<Mention> mentions) {
        Matcher m = COMPARISON.matcher(text.substring(at));
        if (!m.find()) {
            return false;
        }
        int end = at + m.end();
        return mentions.stream().noneMatch(x -> x.start() >= at && x.start() <= end);
    }

    private static int depth(String text, int at) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    private static boolean insideMention(List<Mention> mentions, int start, int end) {
        return mentions.stream().anyMatch(x -> start > x.start() && end < x.end());
    }
}
