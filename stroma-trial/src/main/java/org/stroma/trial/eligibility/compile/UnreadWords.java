package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.trial.concept.Mention;

/**
 * The words of a clause that no reading accounts for: not a concept's name, a number, a unit, a time, a negation, a
 * qualifier already asked, or a word that says nothing of the patient. "Have a good clinical response to TB" read as
 * tuberculosis, or "Symptoms of COPD: must score 2 or higher on the mMRC scale" read as COPD, drop what the criterion
 * asks; with such words left, the clause's rule is kept and the investigator is asked the clause as written beside it.
 */
final class UnreadWords {
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'\\-]*");
    /** Words of comparisons, units, times and lists that the readers of thresholds and windows take. */
    private static final Set<String> READ_ELSEWHERE = Set.of(
            "than", "less", "greater", "equal", "higher", "lower", "above", "below", "over", "under", "least",
            "most", "times", "upper", "limit", "limits", "normal", "uln", "lln", "institutional", "range", "between",
            "within", "during", "last", "past", "previous", "preceding", "prior", "before", "after", "ago", "next",
            "coming", "following", "months", "month", "weeks", "week", "days", "day", "years", "year", "hours",
            "hour", "screening", "randomization", "randomisation", "enrollment", "enrolment", "inclusion", "entry",
            "study", "visit", "baseline", "time", "defined", "definition", "such", "including", "include",
            "includes", "either", "both", "other", "except", "excluding", "exception", "per", "cells", "cell",
            "score", "class", "grade", "stage", "value", "values", "total", "measured", "measurement", "laboratory",
            "lab", "labs", "test", "tests", "result", "results", "documented", "diagnosis", "diagnosed",
            "diagnostic", "history", "evidence", "known", "suspected", "confirmed", "must", "should", "will",
            "shall", "can", "may", "been", "being", "does", "did", "not", "nor", "yes", "also", "only", "well",
            "all", "any", "some", "each", "every", "their", "them", "they", "those", "its", "his", "her", "patient",
            "patients", "subject", "subjects", "participant", "participants", "individuals", "person", "persons",
            "people", "adults", "adult", "women", "woman", "men", "man", "female", "male", "years-old", "old", "age",
            "aged", "presence", "present", "absence", "absent", "without", "negative", "free", "never", "none", "no",
            "use", "used", "using", "taking", "take", "receiving", "received", "treated", "treatment", "therapy",
            "therapies", "medication", "medications", "drug", "drugs", "agents", "agent", "current", "currently",
            "ongoing", "recent", "recently", "new", "newly", "active", "chronic", "acute", "previously", "etc",
            "i.e", "e.g", "ie", "eg", "mmhg", "units", "unit", "level", "levels", "count", "counts", "serum",
            "plasma", "blood", "urine", "urinary", "fasting", "onset", "episode", "episodes", "event", "events",
            "disease", "diseases", "disorder", "disorders", "condition", "conditions", "syndrome", "infection",
            "infections", "illness", "significant", "clinically", "severe", "uncontrolled", "controlled", "unstable",
            "stable", "symptomatic", "moderate", "mild", "major", "minor", "signs", "sign", "symptoms", "symptom",
            "form", "forms", "kind", "type", "types", "status", "positive", "detectable", "undetectable", "elevated",
            "raised", "increased", "decreased", "reduced", "low", "high", "abnormal", "antibodies", "antibody",
            "antigen", "surface", "core", "rna", "dna", "pcr", "viral", "virus", "viruses", "load", "refrain",
            "avoid", "abstain",
            "naive", "suffering", "suffer", "suffers", "display", "displayed", "lack", "lacking", "deny", "denies",
            "occurred", "occurring", "experienced", "having", "max", "min", "maximum", "minimum", "peak", "the",
            "and", "for", "with", "who", "has", "have", "had", "are", "was", "were");

    /**
     * A time no window or duration took: "pregnant women between 34-42 weeks", "diabetes at 20 years". Times the
     * readers take ("within 3 months", "for ≥ 5 years", "more than 6 months ago") are gone from the text by then.
     */
    private static final Pattern TIME_LEFT = Pattern.compile("(?i)(?<!\\bfor\\s|\\bleast\\s|[≥>]\\s?|\\bthan\\s|\\bover\\s)"
            + "\\b\\d+(?:[.,]\\d+)?\\s*(?:hours?|hrs?|days?|weeks?|months?|years?)\\b");

    /**
     * A window no reader took: "within the past 3 mouths". The number and its word would go as a threshold's, and the
     * rule would count at any time what the criterion limits to a time; read windows are gone from the text by then.
     */
    private static final Pattern WINDOW_LEFT = Pattern.compile("(?i)\\b(?:within\\s+(?:the\\s+)?|(?:in|during|over)"
            + "\\s+the\\s+)(?:(?:last|past|previous|preceding|prior)\\s+)?\\d+(?:[.,]\\d+)?\\s*(?!x\\b|times\\b|folds?\\b)"
            + "\\p{L}+");

    private static final Pattern EXPLAINED_LATER = Pattern.compile("(?i)\\b(?:evidenced|defined|documented|confirmed)"
            + " (?:by|as)\\b|\\bas follows\\b|\\bof the following\\b");

    /**
     * Whether what follows a clause explains it ("not responding to therapy, as evidenced by ≥ 1 of the following"):
     * the evidence is read, and the clause's own words need not be asked.
     */
    static boolean explainedFrom(String clauseAndAfter) {
        return EXPLAINED_LATER.matcher(clauseAndAfter).find();
    }

    private UnreadWords() {
    }

    /**
     * The content words of a clause outside the concepts named in it; empty when everything is read. A drug class's
     * parenthesis ({@code namesRead}) is read for the drugs it names.
     */
    static List<String> of(String clause, int clauseStart, List<Mention> mentions, boolean namesRead) {
        StringBuilder rest = new StringBuilder(clause);
        for (Mention m : mentions) {
            int from = Math.max(0, m.start() - clauseStart);
            int to = Math.min(clause.length(), m.end() - clauseStart);
            for (int i = from; i < to; i++) {
                rest.setCharAt(i, ' ');
            }
        }
        // "HBV (hepatitis B virus)": the words of an abbreviation, spelt out after it, name what it names
        Matcher spelt = SPELT_OUT.matcher(clause);
        while (spelt.find()) {
            if (initials(spelt.group(2)).equals(spelt.group(1).replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT))) {
                for (int i = spelt.start(2); i < spelt.end(2); i++) {
                    rest.setCharAt(i, ' ');
                }
            }
        }
        // the text inside parentheses with a number, a comparison or an exception is read or asked by the readers of
        // definitions, limits and exceptions, and an abbreviation in them ("(AML)") names what stands before it; a
        // short list of examples shows what the name before it covers; a longer one names what no concept may hold
        // ("(thyroid disease, …, cardiac condition)"), and any other words in them ("liver disease (abnormal liver
        // enzymes)", "(Child-Pugh B or C)") are unread like those outside. A number with its unit, and a unit with a
        // slash, are the threshold readers' ("60 days", "mL/min/1.73m2").
        String lists = namesRead ? "\\([^()]*\\)|" : "";
        String outsideBrackets = rest.toString().replaceAll(lists + ABBREVIATION + "|\\((?=\\s*(?:including|such as"
                + "|e\\.g\\.|eg\\b|for example))(?![^()]*,[^()]*,)[^()]*\\)|\\((?=[^()]*(?:\\d"
                + "|[<>≤≥]|except|other than|but not|not including|excluding|apart from|besides|not apply"
                + "|not (?:an )?exclusion))[^()]*\\)|\\[[^\\[\\]]*\\]", " ");
        String text = withoutSlashedWords(TextWindows.strip(outsideBrackets));
        List<String> unread = new ArrayList<>();
        for (Pattern left : List.of(TIME_LEFT, WINDOW_LEFT)) {
            Matcher time = left.matcher(text);
            while (time.find()) {
                unread.add(time.group());
            }
        }
        text = text.replaceAll("\\d+(?:[.,]\\d+)?\\s*[\\p{L}%]*", " ");
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (w.length() > 2 && !READ_ELSEWHERE.contains(w) && !Markers.isFiller(w) && !UnreadModifiers.passesOver(w)) {
                unread.add(w);
            }
        }
        return unread;
    }

    /**
     * One word in brackets with a capital that does not only open it: an abbreviation of the name before it ("(AML)",
     * "(HbA1c)", "(sAg)").
     */
    private static final String ABBREVIATION = "\\(\\s*[\\p{L}\\d/-]*(?:[\\p{L}\\d/-]\\p{Lu}|\\p{Lu}{2})[\\p{L}\\d/-]*\\s*\\)";

    /** An abbreviation followed by words in brackets, which may spell it out: "HTLV-1 (human T-cell lymphotrophic virus)". */
    private static final Pattern SPELT_OUT = Pattern.compile("\\b(\\p{Lu}[\\p{Lu}\\d-]+)\\s*\\(([^()]+)\\)");

    /** The first letters of the words, lower-cased. */
    private static String initials(String words) {
        StringBuilder first = new StringBuilder();
        for (String w : words.trim().split("\\s+")) {
            if (!w.isEmpty() && Character.isLetter(w.charAt(0))) {
                first.append(Character.toLowerCase(w.charAt(0)));
            }
        }
        return first.toString();
    }

    private static final Pattern NON_SPACE = Pattern.compile("\\S+");

    /**
     * The text with every word holding a slash blanked, found word by word: a pattern that looked for the slash from
     * each character would take time growing with the square of a long word's length.
     */
    private static String withoutSlashedWords(String text) {
        return NON_SPACE.matcher(text)
                .replaceAll(w -> w.group().indexOf('/') >= 0 ? " " : Matcher.quoteReplacement(w.group()));
    }
}
