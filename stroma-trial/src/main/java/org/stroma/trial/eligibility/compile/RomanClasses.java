package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The classes a criterion names after a classification ("NYHA class II-IV", "ASA 1-3", "III or above"). */
final class RomanClasses {
    private RomanClasses() {
    }

    private static final Pattern CLASSES = Pattern.compile(
            "^\\s*(?:\\([^)]*\\)\\s*)?(?:functional\\s+)?(?:class(?:ification)?\\s*)?(≥|>)?\\s*(VI|IV|V|I{1,3}|[1-6])\\b(?:\\s*"
                    + "(?:-|–|to)\\s*(VI|IV|V|I{1,3}|[1-6])\\b)?((?:\\s*(?:,\\s*(?:or|and)\\b|,|or|and|/)\\s*(?:VI|IV|V|I{1,3}|[1-6])\\b)*)"
                    + "(\\s*(?:or|and)\\s+(?:above|higher|greater|more|worse|over)\\b|\\s*(?:or|and)\\s+(?:below|lower|less"
                    + "|better|under)\\b|\\s*\\+)?",
            Pattern.CASE_INSENSITIVE);

    /** Roman classes after a classification's name: "Class II-IV", "III or IV", "≥ III". */
    static List<String> read(String after, int top) {
        Matcher m = CLASSES.matcher(after);
        List<String> classes = new ArrayList<>();
        if (!m.find()) {
            return classes;
        }
        int low = roman(m.group(2));
        // "class III and above", "III+": to the highest class; "II or below": from the lowest
        String open = m.group(5) == null ? "" : m.group(5).toLowerCase(Locale.ROOT);
        boolean upwards = m.group(1) != null || open.contains("+") || open.matches("(?s).*(above|higher|greater|more|worse"
                + "|over)");
        int high = m.group(3) != null ? roman(m.group(3)) : upwards ? top : low;
        if (open.matches("(?s).*(below|lower|less|better|under)")) {
            high = low;
            low = 1;
        }
        if (m.group(1) != null && m.group(1).equals(">")) {
            low++;
        }
        for (int k = low; k <= high; k++) {
            classes.add(ROMAN[k]);
        }
        Matcher more = Pattern.compile("(VI|IV|V|I{1,3}|[1-6])\\b", Pattern.CASE_INSENSITIVE).matcher(m.group(4));
        while (more.find()) {
            String r = ROMAN[roman(more.group(1))];
            if (!classes.contains(r)) {
                classes.add(r);
            }
        }
        // a class the concept does not have ("NYHA class V") is no reading of it
        return classes.stream().anyMatch(r -> roman(r) > top) ? List.of() : classes;
    }

    private static final String[] ROMAN = {"", "I", "II", "III", "IV", "V", "VI"};

    private static int roman(String s) {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "I", "1" -> 1;
            case "II", "2" -> 2;
            case "III", "3" -> 3;
            case "IV", "4" -> 4;
            case "V", "5" -> 5;
            default -> 6;
        };
    }
}
