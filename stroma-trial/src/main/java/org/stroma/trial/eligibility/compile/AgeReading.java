package org.stroma.trial.eligibility.compile;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.eligibility.rule.AgeRule;
import org.stroma.trial.eligibility.rule.AllOf;
import org.stroma.trial.eligibility.rule.AnyOf;
import org.stroma.trial.eligibility.rule.Interval;
import org.stroma.trial.eligibility.rule.Rule;

/**
 * An age as criteria write it: "Age 18 to 50 years", "Be ≥ 18 years of age", "aged 18 years and older", "age < 18 or
 * > 75 years", "Age: 18-65", "over the age of 18", and for infants in months, weeks or days ("aged 6 to 24 months",
 * "3 months to 17 years of age", "postnatal age ≤ 28 days"), each limit in its own unit. Read only when the age is
 * what the text says, or with what else it says given back to be read on its own; a lost sign ("Age = 18 years") is
 * not guessed, and an age in hours, a gestational or a corrected age is no age a birth date gives.
 */
final class AgeReading {
    private AgeReading() {
    }

    /** An age read, and what the criterion says beside it (null when nothing). */
    record Reading(Rule rule, String rest) {
    }

    /** The whole criterion read as an age, with what else it says; null when it is no age or not one read surely. */
    static Reading read(String criterion) {
        Rule whole = yearsOnly(criterion);
        return whole != null ? new Reading(whole, null) : asWritten(criterion);
    }

    /**
     * A clause that says an age and nothing else ("older than 18 years old", "40 - 64 years of age"); else null. The
     * criterion it is part of decides whose age it is: in "mothers with infants aged < 6 months" it is not the
     * patient's.
     */
    static Rule alone(String clause, String criterion) {
        Reading r = read(clause);
        return r != null && r.rest() == null && !anotherPersons(criterion) ? r.rule() : null;
    }

    private static final String UNIT = "(years?|yrs?|y|months?|mos?|weeks?|wks?|days?)\\b";

    private static final Pattern AGE_RANGE = Pattern.compile(
            "\\bage[ds]?\\s*(?:between\\s*|from\\s*)?(\\d+)\\s*(?:to|-|and)\\s*(\\d+)\\s*(?:years)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGE_BOUND = Pattern.compile(
            "(?:\\bage[ds]?|\\bbe)\\s*(≥|>|≤|<)\\s*(\\d+)\\s*years|(≥|>|≤|<)\\s*(\\d+)\\s*years\\s*(?:of age|old)"
                    + "|\\baged\\s*(\\d+)\\s*years\\s*(?:and|or)\\s*(?:older|over|above)|(\\d+)\\s*years\\s*(?:of age\\s*)?"
                    + "(?:and|or)\\s*(?:older|over|above)|(?:younger than|under)\\s*(\\d+)\\s*years|older than\\s*(\\d+)\\s*years",
            Pattern.CASE_INSENSITIVE);
    /** "Age < 18 or > 75 years", "age less than 45 or greater than 80", "Age of <18y or >75y": either bound. */
    private static final Pattern AGE_OUTSIDE = Pattern.compile("\\bage[ds]?\\s*(?:of\\s*)?(?:<|less than|younger than|under)"
            + "\\s*(\\d+)\\s*(?:years?|yrs?|y\\b)?\\s*,?\\s*or\\s*(?:>|greater than|older than|over|above)\\s*(\\d+)"
            + "\\s*(?:(?:years?|yrs?|y\\b)(?:\\s*(?:of age|old))?)?", Pattern.CASE_INSENSITIVE);
    /** "Age ≥ 18 years and < 80 years", "> 18 years of age and < 70 years of age": both bounds of an inclusion. */
    private static final Pattern AGE_WITHIN = Pattern.compile("(?:\\bage[ds]?\\s*)?(≥|>)\\s*(\\d+)\\s*(?:years?"
            + "(?:\\s*(?:of age|old))?)?\\s*(?:,\\s*)?(?:and\\s*)?(≤|<)\\s*(\\d+)\\s*(?:years?(?:\\s*(?:of age"
            + "|old))?)", Pattern.CASE_INSENSITIVE);
    /** A list's own numbering before a criterion: "1.", "2)", "a." — no part of what it says. */
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:\\d{1,2}|[a-z])[.)]\\s+",
            Pattern.CASE_INSENSITIVE);

    /**
     * The age in years when it is all the criterion says: anything else left, above all another number or comparison
     * ("Age <18 years or >75 years" must not become "age < 18"), and the criterion is read otherwise.
     */
    private static Rule yearsOnly(String criterion) {
        String t = NUMBERING.matcher(criterion).replaceFirst("");
        Matcher range = AGE_RANGE.matcher(t);
        Matcher outside = AGE_OUTSIDE.matcher(t);
        Matcher within = AGE_WITHIN.matcher(t);
        Rule rule = null;
        int start = -1;
        int end = -1;
        // both bounds are of the age when the words say so, and the lower is below the upper
        if (within.find() && within.group(0).matches("(?is).*\\b(?:age[ds]?|years?|old)\\b.*")
                && Double.parseDouble(within.group(2)) < Double.parseDouble(within.group(4))) {
            rule = new AgeRule(new Interval(Double.parseDouble(within.group(2)), within.group(1).equals("≥"),
                    Double.parseDouble(within.group(4)), within.group(3).equals("≤")));
            start = within.start();
            end = within.end();
        } else if (outside.find()) {
            rule = new AnyOf(List.of(new AgeRule(Interval.below(Double.parseDouble(outside.group(1)))),
                    new AgeRule(Interval.above(Double.parseDouble(outside.group(2))))));
            start = outside.start();
            end = outside.end();
        } else if (range.find()) {
            rule = new AgeRule(Interval.between(Double.parseDouble(range.group(1)), Double.parseDouble(range.group(2))));
            start = range.start();
            end = range.end();
        } else {
            Matcher bound = AGE_BOUND.matcher(t);
            if (bound.find()) {
                start = bound.start();
                end = bound.end();
                if (bound.group(1) != null || bound.group(3) != null) {
                    String op = bound.group(1) != null ? bound.group(1) : bound.group(3);
                    double v = Double.parseDouble(bound.group(1) != null ? bound.group(2) : bound.group(4));
                    rule = new AgeRule(limit(op, v));
                } else if (bound.group(5) != null || bound.group(6) != null) {
                    rule = new AgeRule(Interval.atLeast(Double.parseDouble(bound.group(5) != null ? bound.group(5)
                            : bound.group(6))));
                } else if (bound.group(7) != null) {
                    rule = new AgeRule(Interval.below(Double.parseDouble(bound.group(7))));
                } else {
                    rule = new AgeRule(Interval.above(Double.parseDouble(bound.group(8))));
                }
            }
        }
        if (rule == null) {
            return null;
        }
        String rest = t.substring(0, start) + " " + t.substring(end);
        if (rest.matches("(?s).*(?:\\d|[<>≤≥=]|\\b(?:less|greater|more|fewer|older|younger|under|over|above|below)\\b).*")) {
            return null;
        }
        return Markers.isFiller(rest.replaceAll("(?i)\\b(?:years?|of age|old|males?|females?|men|women|ages?|aged)\\b",
                " ")) ? rule : null;
    }

    /** When an age is reckoned, which says nothing of the age itself: "at the time of screening", "at Visit 1". */
    private static final Pattern AGE_RECKONED = Pattern.compile("(?i)[,;]?\\s*\\b(?:at|on|as of|by|prior to|before|during)\\s+"
            + "(?:the\\s+)?(?:(?:date|day|time)\\s+(?:of|the)\\s+(?:the\\s+)?)?(?:screening|enrol?ment|randomi[sz]ation|consent"
            + "|signing(?: of)?(?: the)?(?: informed)? consent(?: form)?|(?:the )?icf is signed|study entry|entry|inclusion"
            + "|baseline|the first (?:vaccination|dose)|first vaccination|first dose|visit\\s*\\d+)(?:\\s*\\(\\s*visit\\s*\\d+\\s*\\))?"
            + "(?:\\s+screening)?");
    /** Words beside an age that say nothing more of the patient: "inclusive", "of either sex", "of any race". */
    private static final Pattern AGE_ASIDE = Pattern.compile("(?i)\\(?\\b(?:both |all )?inclusive\\)?|\\bof (?:either|both) "
            + "(?:sex|sexes|gender|genders)\\b|\\b(?:either|both) (?:sex|sexes|gender|genders)\\b|\\bof (?:any|all) races?\\b");
    /**
     * "18-65 years", "Age: 18 to 65", "aged 40-80", "from birth to 21 years", "3 months to 17 years", "5 years to less
     * than 12 years" (its "less than" already written "<" by {@link CriterionText}): both limits of the age as written,
     * each inclusive unless "<" says otherwise.
     */
    private static final Pattern AGE_SPAN = Pattern.compile("(?i)(?:\\b(?:age[ds]?|ages? range[ds]?|ranging)\\s*(?::|of|from|range)?"
            + "\\s*)?(?<![\\d.,])(\\d{1,3}|birth)\\s*(?:" + UNIT + ")?\\s*(?:-|–|to)\\s*(<\\s*)?(\\d{1,3})(?![\\d.,%])\\s*(?:"
            + UNIT + ")?(?:\\s*(?:of age|old))?");
    /** "Age >18", "aged ≥ 40", "≥ 18 years of age", "> 65 years old", "age < 6 months": one limit of the age. */
    private static final Pattern AGE_LIMIT = Pattern.compile("(?i)(?:\\b(?:age[ds]?)\\s*:?\\s*(?:of\\s*)?|\\bbe\\s*)?([≥>≤<])\\s*"
            + "(\\d{1,3})(?![\\d.,%])\\s*(?:" + UNIT + ")?(?:\\s*(?:of age|old))?");
    /** "18 years old or older", "Age 18 or older", "aged 18 and over": the lower limit, said after it. */
    private static final Pattern AGE_OR_OLDER = Pattern.compile("(?i)(?<![\\d.,])(\\d{1,3})\\s*(?:" + UNIT
            + ")?(?:\\s*(?:of age|old))?\\s*(?:or|and)\\s*(?:older|over|above|more|greater)\\b");
    /** "over the age of 18", "under the age of 18 years". */
    private static final Pattern AGE_OF = Pattern.compile("(?i)\\b(over|above|older than|greater than|>|under|below|younger than"
            + "|less than|<)\\s+the age of\\s*(\\d{1,3})(?![\\d.,%])\\s*(?:" + UNIT + ")?");
    /** Words an age criterion is written with that add nothing to the age (a sex is read apart, when it leads). */
    private static final Pattern AGE_WORDS = Pattern.compile("(?i)\\b(?:males?|females?|men|women|with)\\b|"
            + wordsBesideAnAge());
    /**
     * The same, without the sexes and "with": what is said beside an age is read with its sex ("sexually active
     * males") and its own words ("surgery with cardiopulmonary bypass").
     */
    private static final Pattern AGE_WORDS_BUT_SEX = Pattern.compile(wordsBesideAnAge());

    private static String wordsBesideAnAge() {
        return "(?i)\\b(?:years?|yrs?|of age|old|ages?|aged|postnatal|adults?|patients?|subjects?|participants?|persons?"
                + "|people|individuals?|volunteers?|children|child|minors?|adolescents?|infants?|babies|baby|newborns?"
                + "|neonates?|toddlers?|must|be|is|are|were|was|up|between)\\b";
    }
    /** What makes an age no age a birth date gives, or a time no age: a gestation, a diagnosis, a duration. */
    private static final Pattern NO_AGE = Pattern.compile("(?i)\\b(?:hours?|gestation\\w*|corrected|menopaus\\w*|diagnos\\w*"
            + "|since|ago|duration|history|onset|for)\\b");

    /**
     * An age written as registries rarely do but criteria often: "Age >18", "Age: 18-65", "18 years old or older",
     * "Patients must be over 65 years old", "between 18-80 years old", "over the age of 18" — with an age's word
     * ("age", "aged", "years old", "years of age", or "years" beside the limits), once, and nothing else said but when it
     * is reckoned ("at screening") and words that add nothing ("inclusive", "of either sex"), or with what else the
     * criterion says beside the age given back to be read on its own ("… and ambulatory").
     */
    private static Reading asWritten(String criterion) {
        if (!criterion.matches("(?is).*\\b(?:age[ds]?|years?|yrs?|months?|weeks?|days?|old)\\b.*")
                || NO_AGE.matcher(criterion).find()) {
            return null;
        }
        String t = NUMBERING.matcher(criterion).replaceFirst("");
        t = CriterionText.withoutTrailing(AGE_ASIDE.matcher(AGE_RECKONED.matcher(t).replaceAll(" ")).replaceAll(" "), " \t\n,;.:");
        Rule already = yearsOnly(t);
        if (already != null) {
            return new Reading(already, null);
        }
        Rule rule = null;
        int start = -1;
        int end = -1;
        Matcher span = AGE_SPAN.matcher(t);
        Matcher limit = AGE_LIMIT.matcher(t);
        Matcher orOlder = AGE_OR_OLDER.matcher(t);
        Matcher of = AGE_OF.matcher(t);
        if (span.find() && agesWord(t, span, span.group(5))) {
            rule = span(span);
            start = span.start();
            end = span.end();
        } else if (orOlder.find() && agesWord(t, orOlder, orOlder.group(2))) {
            rule = new AgeRule(Interval.atLeast(Double.parseDouble(orOlder.group(1))), unit(orOlder.group(2)));
            start = orOlder.start();
            end = orOlder.end();
        } else if (of.find()) {
            double v = Double.parseDouble(of.group(2));
            String op = of.group(1).toLowerCase(Locale.ROOT);
            rule = new AgeRule(op.matches("over|above|older than|greater than|>") ? Interval.above(v) : Interval.below(v),
                    unit(of.group(3)));
            start = of.start();
            end = of.end();
        } else if (limit.find() && agesWord(t, limit, limit.group(3))) {
            rule = new AgeRule(limit(limit.group(1), Double.parseDouble(limit.group(2))), unit(limit.group(3)));
            start = limit.start();
            end = limit.end();
        }
        if (rule == null) {
            return null;
        }
        String rest = t.substring(0, start) + " " + t.substring(end);
        if (rest.matches("(?is).*(?:\\d|[<>≤≥=]|\\b(?:less|greater|more|fewer|older|younger|under|over|above|below"
                + "|months?|weeks?|days?)\\b).*")) {
            return null;
        }
        if (JOINED_GROUPS.matcher(AGE_WORDS.matcher(t.substring(0, start)).replaceAll(" ")).find()) {
            // "Pregnant women and young children aged < 18 years": the age may be the last group's alone
            return null;
        }
        if (anotherPersons(t)) {
            // "women with an infant aged < 6 months", "a donor > 70 years of age"
            return null;
        }
        if (Markers.isFiller(AGE_WORDS.matcher(rest).replaceAll(" "))) {
            return new Reading(rule, null);
        }
        // something else is said beside the age ("and ambulatory", "healthy"): read on its own, unless it may be the
        // age's alternative ("≥ 18, or an emancipated minor") or a list's heading ("… of age: one of the following"),
        // or the age is another person's ("a donor > 70 years of age"); and only an age said as one: "years" alone
        // may be a life expectancy or a follow-up ("life expectancy less than 2 years")
        boolean saidAsAnAge = t.substring(Math.max(0, start - 8), end).matches("(?is).*\\b(?:age[ds]?|old)\\b.*");
        return !saidAsAnAge || AGE_ALTERNATIVE.matcher(rest).find() || AGE_OWN_TIME.matcher(rest).find() ? null
                : new Reading(rule, besideTheAge(rest));
    }

    /** Two groups of people joined before an age: "pregnant women and young children". */
    private static final Pattern JOINED_GROUPS = Pattern.compile("(?i)\\w\\W+(?:and|&)\\W+\\w");

    /**
     * What is said beside the age, as a clause of its own: without the words of the age, the brackets they emptied,
     * or a joining word left at either end.
     */
    private static String besideTheAge(String rest) {
        String beside = CriterionText.withoutTrailing(AGE_WORDS_BUT_SEX.matcher(rest).replaceAll(" ")
                .replaceAll("\\(\\s*\\)|\\[\\s*\\]", " ").replaceAll("\\s{2,}", " ")
                .replaceAll("^[\\s,;.]*(?:and\\s+)?", ""), " ,;.");
        return (beside.toLowerCase(Locale.ROOT).endsWith(" and") ? beside.substring(0, beside.length() - 4) : beside)
                .strip();
    }

    /** Both limits of a span, each in its unit: the first's own, or the second's when the first says none. */
    private static Rule span(Matcher span) {
        double low = span.group(1).equalsIgnoreCase("birth") ? 0 : Double.parseDouble(span.group(1));
        double high = Double.parseDouble(span.group(4));
        boolean highIncluded = span.group(3) == null;
        TimeUnit highUnit = unit(span.group(5));
        TimeUnit lowUnit = span.group(2) == null ? highUnit : unit(span.group(2));
        if (lowUnit != highUnit) {
            return new AllOf(List.of(new AgeRule(Interval.atLeast(low), lowUnit),
                    new AgeRule(highIncluded ? Interval.atMost(high) : Interval.below(high), highUnit)));
        }
        return low < high ? new AgeRule(new Interval(low, true, high, highIncluded), highUnit) : null;
    }

    private static Interval limit(String op, double v) {
        return switch (op) {
            case "≥" -> Interval.atLeast(v);
            case ">" -> Interval.above(v);
            case "≤" -> Interval.atMost(v);
            default -> Interval.below(v);
        };
    }

    /** The unit an age is written in: years when none is written. */
    private static TimeUnit unit(String written) {
        if (written == null) {
            return TimeUnit.YEAR;
        }
        String u = written.toLowerCase(Locale.ROOT);
        return u.startsWith("mo") ? TimeUnit.MONTH : u.startsWith("w") ? TimeUnit.WEEK : u.startsWith("d") ? TimeUnit.DAY
                : TimeUnit.YEAR;
    }

    private static final Pattern ANOTHER_PERSONS_AGE = Pattern.compile("(?i)\\b(?:donors?|mothers?|fathers?|parents?"
            + "|partners?|spouses?|siblings?|infants?|babies|baby|newborns?|neonates?|fetus|foetus|relatives?|caregivers?"
            + "|care givers?|child of|children of|contacts?)\\b");
    /** The infant a criterion starts with is the patient: "Infants aged 6 to 24 months", "Newborns of ≤ 28 days". */
    private static final Pattern INFANT_PATIENT = Pattern.compile("(?i)^\\W*(?:(?:male|female|boys?|girls?)\\s+(?:or|and)\\s+"
            + "(?:male|female|boys?|girls?)\\s+)?(?:(?:pre-?term|term|healthy)\\s+)?(?:infants?|babies|baby|newborns?"
            + "|neonates?)\\b");

    /** Whether the age is another person's: a donor's, a parent's, an infant's when the infant is not the patient. */
    private static boolean anotherPersons(String t) {
        Matcher m = ANOTHER_PERSONS_AGE.matcher(t);
        while (m.find()) {
            if (!(m.group().toLowerCase(Locale.ROOT).matches("infants?|babies|baby|newborns?|neonates?")
                    && INFANT_PATIENT.matcher(t).find())) {
                return true;
            }
        }
        return false;
    }

    /** "Age < 18 years at time of stroke": what follows says when the age counts, not another criterion. */
    private static final Pattern AGE_OWN_TIME = Pattern.compile("(?i)^\\W*(?:at|when|while|during|before|after|upon|by"
            + "|in|on|as of|from|since)\\b");
    private static final Pattern AGE_ALTERNATIVE = Pattern.compile("(?i)\\b(?:or|nor|either|if|when|unless|except"
            + "|otherwise|whichever)\\b|[:;]|\\bnot\\s+(?:yet\\s+)?(?:reached|attained)\\b");

    /**
     * Whether the limits found are an age's: "years" written with them, or "age" before them. A limit in months,
     * weeks or days is one only with an age's word ("aged", "of age", "old"): "6 to 24 months" alone may be a time.
     */
    private static boolean agesWord(String t, Matcher m, String unit) {
        String found = m.group().toLowerCase(Locale.ROOT);
        String before = t.substring(0, m.start()).toLowerCase(Locale.ROOT);
        boolean ageBefore = before.matches("(?s).*\\bage[ds]?\\b\\W*$");
        if (unit(unit) != TimeUnit.YEAR) {
            return found.matches("(?s).*\\b(?:age[ds]?|old)\\b.*") || ageBefore;
        }
        return found.matches("(?s).*\\b(?:years?|yrs?|y|age[ds]?)\\b.*") || ageBefore;
    }
}
