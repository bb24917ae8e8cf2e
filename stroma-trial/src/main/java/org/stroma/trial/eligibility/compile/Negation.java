package org.stroma.trial.eligibility.compile;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a clause says "not" of what it names. A negation cue before the clause's first concept negates it when
 * what stands between them keeps the concept's presence as the thing denied ("no history of MI", "not diagnosed with
 * type 2 diabetes", "must not be lactating", "negative for HBsAg", "have not received intra-articular steroids"); so
 * does "negative" just after the concepts ("HIV negative"), but not a hyphenated one ("gram-negative sepsis"). A cue whose words between deny something else ("not
 * responding to interferon": the patient had it), a cue after the concepts that may deny them ("HIV not excluded",
 * "HIV not detected"), or two cues before them, is a negation the compiler cannot place: the clause is unsure, and an
 * unsure clause is asked of the investigator rather than guessed, since a rule of the wrong polarity excludes exactly
 * the patients the trial is for. A cue after the concepts that opens a phrase of its own ("platelets < 100,000 without
 * another explanation", "RRMS not responding to therapy") qualifies them and leaves their polarity as it is.
 * Comparisons ("no more than 2") are read as thresholds before a clause gets here.
 */
enum Negation {
    /** The clause says its concepts are present (or were, or will be). */
    AFFIRMED,
    /** The clause says its concepts are absent. */
    NEGATED,
    /** The clause has a negation the compiler cannot place. */
    UNSURE,
    /** The clause starts the exceptions of its criterion ("except alopecia, neuropathy"): not required, not denied. */
    EXCEPTED;

    private static final Pattern CUE = Pattern.compile("(?i)\\b(?:no|not|never|without|absence of|absent|free of"
            + "|free from|(?<!-)negative(?:\\s+for)?|lack of|neither|nor|denies|denied|cannot|refrain(?:s|ing)? from"
            + "|abstain(?:s|ing)? from|avoid(?:s|ing)?|rul(?:es?|ed|ing) out)\\b|n't\\b");
    /**
     * Words that deny a treatment rather than the concept they stand by ("naive to HCV treatment": the patient has
     * hepatitis C, untreated): the compiler cannot place them.
     */
    private static final Pattern TREATMENT_DENIAL = Pattern.compile("(?i)\\b(?:na[iï]ve|treatment-free)\\b");
    /** What makes the words after it exceptions of the criterion. */
    private static final Pattern EXCEPTION = Pattern.compile("(?i)\\b(?:except|excepting|excluding|other than|apart from"
            + "|besides|with the exception of)\\b");
    /** "negative" after the concepts, a word or two on at most: "HIV negative", "pregnancy test (serum) negative". */
    private static final Pattern NEGATIVE_AFTER = Pattern.compile("(?i)^[\\s\\-:(),]*(?:(?:serum|urine|blood|test|"
            + "tests|antibody|antibodies|antigen|serology|result|results|status|screen|screening)[\\s\\-:(),]*){0,3}"
            + "(?:negative|neg)\\b");
    /** After the concepts, what may deny them: "not excluded", "absent", "ruled out", "none". */
    private static final Pattern DENIAL_AFTER = Pattern.compile("(?i)\\b(?:absent|none|ruled out|excluded|not (?:been )?"
            + "(?:present|detected|diagnosed|known|found|seen|identified|reported|documented|confirmed|excluded"
            + "|ruled out)|not (?:an? )?(?:exclusion|inclusion|eligibility) criteri\\w*)\\b");
    /** Words between a cue and the concept that keep its presence as what is denied. */
    private static final Set<String> PRESENCE = Set.of("a", "an", "the", "any", "of", "for", "to", "with", "by", "on",
            "in", "or", "and", "be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "having",
            "receive", "received", "receiving", "take", "taken", "taking", "took", "use", "used", "using", "treated",
            "diagnosed", "suffer", "suffered", "suffering", "undergo", "undergone", "undergoing", "exposed",
            "infected", "known", "documented", "confirmed", "history", "from", "become", "evidence", "signs", "sign", "symptoms",
            "diagnosis", "prior", "previous", "previously", "current", "currently", "active", "concomitant",
            "concurrent", "ongoing", "on-going", "existing", "pre-existing", "recent", "recently", "clinical", "clinically", "significant", "serious",
            "severe", "serum", "urine", "blood", "test", "tests", "antibodies", "antibody", "antigen", "serology",
            "positive", "chronic", "acute", "new", "ever");
    /** Words between a cue and the concept that deny something other than the concept's presence. */
    private static final Pattern OTHER_DENIAL = Pattern.compile("(?i)^(?:eligible|candidates?|able|unable|willing"
            + "|suitable|responsive|tolerant|intolerant|resistant|refractory|adequately|sufficient|sufficiently"
            + "|due|caused|related|secondary|attributable|explained|other|otherwise|only)$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'\\-]*");
    /** "kidney disease not caused by diabetes": what is denied is the next concept, as the cause. */
    private static final Pattern A_CAUSE_DENIED = Pattern.compile("(?i)^\\s*(?:\\w+\\s+){0,2}(?:caused|due|related|secondary"
            + "|attributable|attributed|explained)\\b");

    /**
     * The polarity of a clause whose concepts stand between {@code firstConcept} and {@code lastConceptEnd} (offsets
     * in the clause's text).
     */
    static Negation of(String clause, int firstConcept, int lastConceptEnd) {
        return of(clause, firstConcept, lastConceptEnd, new int[0]);
    }

    /**
     * The polarity of a clause whose concepts start at {@code starts} (offsets in the clause's text, in order): as
     * {@link #of(String, int, int)}, and a cue between two of them that denies the next one's presence ("type 2
     * diabetes without proliferative retinopathy", "LVEF ≥ 40 %. No NSAID use") denies some of the clause's concepts and
     * not the others — which, the compiler cannot place. A cue there that opens a phrase of its own ("RRMS not
     * responding to … the approved therapies") qualifies what stands before it, as after the last concept.
     */
    static Negation of(String clause, int firstConcept, int lastConceptEnd, int[] starts) {
        Matcher between = CUE.matcher(clause);
        between.region(firstConcept, lastConceptEnd);
        while (between.find()) {
            int cueEnd = between.end();
            int next = java.util.Arrays.stream(starts).filter(x -> x >= cueEnd).min().orElse(-1);
            if (next >= 0 && (deniesPresence(clause.substring(cueEnd, next))
                    || A_CAUSE_DENIED.matcher(clause.substring(cueEnd, next)).find())) {
                return UNSURE;
            }
        }
        return ofSpan(clause, firstConcept, lastConceptEnd);
    }

    private static Negation ofSpan(String clause, int firstConcept, int lastConceptEnd) {
        String before = clause.substring(0, firstConcept);
        if (EXCEPTION.matcher(before).find()) {
            return EXCEPTED;
        }
        if (TREATMENT_DENIAL.matcher(clause).find()) {
            return UNSURE;
        }
        String after = clause.substring(lastConceptEnd);
        boolean negativeAfter = NEGATIVE_AFTER.matcher(after).find();
        if (DENIAL_AFTER.matcher(clause.substring(firstConcept)).find()) {
            return UNSURE;
        }
        if (negativeAfter) {
            return cueBefore(before) == AFFIRMED ? NEGATED : UNSURE;
        }
        return cueBefore(before);
    }

    /**
     * The polarity of a clause that names no concept, for the list it may start: "no history of death, MI, stroke"
     * denies every item, "(except alopecia, neuropathy)" excepts them.
     */
    static Negation ofWords(String clause) {
        if (EXCEPTION.matcher(clause).find()) {
            return EXCEPTED;
        }
        return cueBefore(clause);
    }

    /**
     * What the cues in words standing before a concept say of it: none affirms it; one whose words up to the concept
     * keep its presence as what is denied negates it; anything else cannot be placed.
     */
    private static Negation cueBefore(String words) {
        Matcher cue = CUE.matcher(words);
        int cues = 0;
        int lastCueEnd = -1;
        while (cue.find()) {
            cues++;
            lastCueEnd = cue.end();
        }
        if (cues == 0) {
            return AFFIRMED;
        }
        return cues == 1 && deniesPresence(words.substring(lastCueEnd)) ? NEGATED : UNSURE;
    }

    /** Whether the words between a cue and the concept keep the concept's presence as what the cue denies. */
    private static boolean deniesPresence(String between) {
        Matcher w = WORD.matcher(between);
        while (w.find()) {
            String word = w.group().toLowerCase(Locale.ROOT);
            if (PRESENCE.contains(word)) {
                continue;
            }
            // a verb of its own ("responding", "controlled") or a word that says the cue is about something else
            if (OTHER_DENIAL.matcher(word).matches() || word.endsWith("ing") || word.endsWith("ed")) {
                return false;
            }
        }
        return true;
    }
}
