package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words right before a condition's name that make it narrower than the dictionary's concept: "metastatic breast"
 * cancer, "singleton" pregnancy, "skin" cancer. Read as the concept alone, the rule would take any cancer for breast
 * cancer — in an inclusion it lets in patients the trial does not study, in an exclusion it turns away those it
 * spares — so the investigator is asked whether it is the narrower thing. Words that do not narrow (time, certainty,
 * "known", "chronic", articles) are passed over; qualifiers of severity are asked elsewhere ({@link Markers#QUALIFIER}).
 */
final class UnreadModifiers {
    private static final Pattern TOKEN = Pattern.compile("\\d+(?:st|nd|rd|th)\\b|[\\p{L}][\\p{L}'\\-]*|[^\\s\\p{L}]");
    /** "2nd", "3rd": an ordinal narrows like a word ("2nd degree AV block"). */
    private static final Pattern ORDINAL = Pattern.compile("\\d+(?:st|nd|rd|th)");
    /** Where the noun phrase before a name begins. */
    private static final Set<String> PHRASE_START = Set.of("of", "with", "for", "to", "in", "on", "by", "from", "as",
            "a", "an", "the", "any", "and", "or", "nor", "but", "than", "who", "which", "that", "has", "have", "had",
            "having", "is", "are", "was", "were", "be", "been", "being", "including", "include", "includes", "e.g",
            "such", "like", "other", "another", "all", "either", "both", "after", "before", "since", "during", "within",
            "where", "when", "this", "these", "those", "their", "his", "her", "its", "treat", "treating", "manage",
            "managing", "control", "against", "become", "becoming", "became", "versus", "vs", "if", "unless", "except", "because", "due",
            "under", "take", "takes", "took", "taking", "taken", "receive", "receives", "received", "receiving", "use",
            "uses", "used", "using", "start", "started", "starting", "given", "prescribed", "exposed");
    /**
     * A capital letter: a grade or a class ("ASIA D", "Child-Pugh C"). Not "A", which is the article, nor "I" or
     * Roman numerals, which the readers of classes take ("NYHA class III or IV") and "IV" may be intravenous.
     */
    private static final Pattern GRADE_LETTERS = Pattern.compile("[B-HJ-Z]");
    /** Words a number after them belongs to. */
    private static final Set<String> NUMBERED = Set.of("group", "type", "class", "stage", "grade", "category");
    /** Words in that phrase that do not narrow the concept. */
    private static final Set<String> NOT_NARROWING = Set.of("known", "documented", "confirmed", "proven", "diagnosed",
            "established", "clinical", "clinically", "history", "prior", "previous", "previously", "past", "current",
            "currently", "ongoing", "on-going", "present", "existing", "pre-existing", "preexisting", "underlying",
            "concurrent", "concomitant", "coexisting", "recent", "recently", "new", "newly", "chronic", "acute",
            "suspected", "possible", "probable", "presumed", "evidence", "signs", "sign", "diagnosis", "patients",
            "patient", "subjects", "subject", "participants", "women", "woman", "men", "man", "female", "male",
            "females", "males", "adults", "adult", "no", "not", "non", "without", "negative", "free", "absence",
            "never", "positive", "personal", "family", "medical", "persistent", "recurrent",
            "relapsed", "relapsing", "presence", "report", "reported", "self-reported", "prevalent", "incident",
            "comorbid", "co-morbid", "associated", "related", "stable", "frank", "overt",
            "manifest", "apparent", "serious", "significant", "important", "relevant", "major", "minor", "mild",
            "moderate", "severe", "uncontrolled", "controlled", "active", "inactive", "malignant", "serum", "urine",
            "urinary", "plasma", "blood", "test", "tests", "screening", "baseline", "subjects'", "patients'");

    private UnreadModifiers() {
    }

    /** Whether a word is one that does not narrow a name. */
    static boolean passesOver(String word) {
        return NOT_NARROWING.contains(word) || PHRASE_START.contains(word);
    }

    /** The narrowing words before a name ({@code before} ends where the name starts), in order; empty if none. */
    static List<String> of(String before) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(before);
        while (m.find()) {
            tokens.add(m.group());
        }
        List<String> phrase = new ArrayList<>();
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String t = tokens.get(i).toLowerCase(Locale.ROOT);
            // a grade or class in a capital letter narrows however short it is (one of grades in a row, "B/C", is
            // left to the words that ask the whole)
            if (GRADE_LETTERS.matcher(tokens.get(i)).matches() && (i == 0 || Character.isLetter(tokens.get(i - 1)
                    .charAt(0)))) {
                phrase.add(0, tokens.get(i));
                continue;
            }
            // a punctuation mark, a number or a word that starts a phrase ends the words that name this thing
            // "WHO Group 2 pulmonary hypertension", "type 3 …": a numbered group narrows like a word
            boolean numbered = Character.isDigit(t.charAt(0)) && i > 0 && NUMBERED.contains(tokens.get(i - 1)
                    .toLowerCase(Locale.ROOT));
            if (!numbered && !ORDINAL.matcher(t).matches() && (!Character.isLetter(t.charAt(0))
                    || PHRASE_START.contains(t))) {
                break;
            }
            phrase.add(0, t);
        }
        return phrase.stream().filter(w -> (w.length() > 2 || Character.isDigit(w.charAt(0))
                        || GRADE_LETTERS.matcher(w).matches())
                && !NOT_NARROWING.contains(w)).toList();
    }
}
