package org.stroma.protocol.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a placebo is made of. The registry's placebo arms say it in many places: in parentheses after the word
 * ("placebo (Cell-free PlasmaLyte-A medium supplemented with 1% HSA)"), as "injection of human albumin 4%", as the
 * placebo intervention's name ("Suspension media") or other name, or only in the arm's label.
 */
public final class PlaceboReader {
    private static final Pattern PARENTHESISED = Pattern.compile(
            "\\b(?:placebo|sham|vehicle|control)\\s*\\((?<c>[^()]{3,120})\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern OF_PHRASE = Pattern.compile(
            "\\b(?:injections?|infusions?|administration|solution|consisting|composed|made|comprised)\\s+of\\s+"
                    + "(?<c>[^,.;:()]+?(?:\\s*\\d+(?:[.,]\\d+)?\\s*%)?)(?=\\s*(?:[,.;:()]|$|\\bvia\\b|\\bby\\b|\\binto\\b"
                    + "|\\bat\\b|\\bduring\\b|\\bwill\\b|\\bwas\\b|\\bis\\b|\\bon\\b|\\busing\\b))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTAINING = Pattern.compile(
            "\\b(?:containing|placebo is|placebo consists of)\\s+(?<c>[^.;()]{3,80})", Pattern.CASE_INSENSITIVE);
    private static final Pattern GENERIC = Pattern.compile(
            "^(?:(?:a|an|the|matching|single|identical|placebo-?matching)\\s+)*(?:dose\\s+of\\s+)?(?:placebo|sham|control"
                    + "|comparator|vehicle|placebo comparator|dummy)(?:\\s+(?:group|arm|comparator|infusions?|injections?"
                    + "|product|solution|drug|procedure|treatment))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEBO_WORD = Pattern.compile(
            "\\bplacebo\\b|\\bsham\\b|\\bvehicle\\b|\\bsuspension media\\b|\\bexcipient\\b", Pattern.CASE_INSENSITIVE);

    private PlaceboReader() {
    }

    /** Whether a name or label speaks of a placebo, sham or vehicle. */
    public static boolean mentionsPlacebo(String text) {
        return text != null && PLACEBO_WORD.matcher(text).find();
    }

    /**
     * The composition, from descriptive texts (searched for an explicit statement) and then names (taken whole when
     * they are more than the word "placebo"); null when none says.
     */
    public static String composition(List<String> descriptions, List<String> names) {
        for (String text : descriptions) {
            Matcher m = text == null ? null : PARENTHESISED.matcher(RegistryText.clean(text));
            if (m != null && m.find()) {
                return tidy(m.group("c"));
            }
        }
        for (Pattern pattern : List.of(OF_PHRASE, CONTAINING)) {
            for (String text : descriptions) {
                if (text == null) {
                    continue;
                }
                Matcher m = pattern.matcher(RegistryText.clean(text));
                while (m.find()) {
                    String candidate = tidy(m.group("c"));
                    if (specific(candidate) && !candidate.matches("(?i).*\\b(?:either|or|cells?|MSCs?)\\b.*")) {
                        return candidate;
                    }
                }
            }
        }
        for (String name : names) {
            if (name != null && specific(tidy(name))) {
                return tidy(name);
            }
        }
        return null;
    }

    private static boolean specific(String candidate) {
        return candidate.length() >= 3 && candidate.length() <= 100 && !GENERIC.matcher(candidate).matches();
    }

    private static String tidy(String text) {
        return RegistryText.squash(text).replaceFirst("^(?:the|a|an)\\s+", "").replaceFirst("[\\s,;:.]+$", "");
    }
}
