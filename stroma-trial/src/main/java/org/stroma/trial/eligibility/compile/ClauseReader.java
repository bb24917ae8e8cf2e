package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.CriterionKind;
import org.stroma.protocol.Offset;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptKind;
import org.stroma.trial.concept.Mention;
import org.stroma.trial.eligibility.rule.AllOf;
import org.stroma.trial.eligibility.rule.AnyOf;
import org.stroma.trial.eligibility.rule.Attestation;
import org.stroma.trial.eligibility.rule.ClassRule;
import org.stroma.trial.eligibility.rule.ConditionRule;
import org.stroma.trial.eligibility.rule.DurationRule;
import org.stroma.trial.eligibility.rule.EventCountRule;
import org.stroma.trial.eligibility.rule.ExposureRule;
import org.stroma.trial.eligibility.rule.Interval;
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.eligibility.rule.MedicationRule;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.ProcedureRule;
import org.stroma.trial.eligibility.rule.Rule;
import org.stroma.trial.eligibility.rule.SexRule;
import org.stroma.trial.eligibility.rule.Window;
import org.stroma.trial.measure.EgfrEquation;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.measure.Units;

/**
 * Reads one clause of a criterion into a rule: the concepts it names, each with what the text says of it — a threshold
 * with its unit for a measurement, a class for a classification, a count or a time window for events and conditions,
 * a wash-out or an exposure for drugs, a qualifier records cannot check ("severe", "uncontrolled"). Windows and
 * thresholds a clause leaves out are borrowed from the criterion's other clauses ("ACS or MI during the last 3
 * months"; "AST and ALT > 3 × ULN").
 */
final class ClauseReader {
    private static final Pattern DURATION_AFTER = Pattern.compile(
            // "for 3 years", and "from at least 3 years" as some criteria write it
            "^\\s*(?:\\([^)]*\\)\\s*)?(?:(?:present|lasting|persisting|existing|known|diagnosed)\\s+)?(?:for\\s*(?:≥|>)?"
                    + "|(?:from|since)\\s*(?:≥|>))\\s*(\\d+)\\s*(days?|weeks?|months?|years?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXPOSURE = Pattern.compile(
            "≥\\s*(\\d+)\\s*(years?|months?|weeks?)\\s+of\\s+(?:\\w+\\s+)?(?:therapy|treatment)"
                    + "|\\bfor\\s*≥\\s*(\\d+)\\s*(years?|months?|weeks?|days?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile("\\bpositive\\s+(?:\\w+\\s+){0,2}$", Pattern.CASE_INSENSITIVE);

    private final String text;
    private final List<Clause> clauses;
    private final List<Mention> mentions;
    private final CriterionKind kind;

    /** What the reading supposed beyond the words, in the order met: defaults, borrowed times, units. */
    private final java.util.LinkedHashSet<String> assumptions = new java.util.LinkedHashSet<>();

    /** Each clause's polarity, once read (a clause without concepts is affirmed: it says nothing to negate). */
    private final Negation[] polarities;
    /** Each clause's own window (null: none); read once, since every clause may look at every other's. */
    private final Window[] ownWindows;
    /** For each clause, the nearest later clause's own window that spans a time, and the nearest earlier one's. */
    private final Window[] laterSpan;
    private final Window[] earlierSpan;

    ClauseReader(String text, List<Clause> clauses, List<Mention> mentions, CriterionKind kind) {
        this.text = text;
        this.clauses = clauses;
        this.mentions = mentions;
        this.kind = kind;
        int n = clauses.size();
        polarities = new Negation[n];
        java.util.Arrays.fill(polarities, Negation.AFFIRMED);
        ownWindows = new Window[n];
        for (int i = 0; i < n; i++) {
            // a judgement's time ("life expectancy < 6 months") is its own, never lent to the facts beside it
            String t = clauses.get(i).text();
            ownWindows[i] = Markers.JUDGEMENT.matcher(t).find() ? null : TextWindows.find(t);
        }
        laterSpan = new Window[n];
        earlierSpan = new Window[n];
        Semicolons semicolons = Semicolons.of(clauses);
        for (int i = n - 2; i >= 0; i--) {
            laterSpan[i] = semicolons.towardsEarlier()[i + 1] ? null : spans(ownWindows[i + 1]) ? ownWindows[i + 1]
                    : laterSpan[i + 1];
        }
        // "History of deep vein thrombosis, pulmonary embolism or prostate cancer": the history is said of the list,
        // unless a time written later in it is ("history of A or B within the last 6 months") — the list the criterion
        // opens with, or one after a semicolon ("eGFR < 60; past or present history of acute renal failure, renal
        // dialysis, diabetes mellitus")
        for (int first = 0; first < n; first++) {
            if (first > 0 && clauses.get(first).before() != Connective.SEMICOLON || ownWindows[first] == null
                    || ownWindows[first].kind() != Window.Kind.EVER || laterSpan[first] != null) {
                continue;
            }
            for (int i = first + 1; i < n; i++) {
                Connective join = clauses.get(i).before();
                if (join != Connective.OR && join != Connective.LIST && join != Connective.AND || ownWindows[i] != null) {
                    break;
                }
                if (OWN_COMPARISON.matcher(clauses.get(i).text()).find()) {
                    // "history of coumadin use, … or platelet count < 150,000": a threshold is today's value, not a
                    // history
                    continue;
                }
                ownWindows[i] = ownWindows[first];
            }
        }
        for (int i = 1; i < n; i++) {
            earlierSpan[i] = semicolons.towardsLater()[i] ? null : spans(ownWindows[i - 1]) ? ownWindows[i - 1]
                    : earlierSpan[i - 1];
        }
    }

    /**
     * Whether a window may cross the semicolon before each clause, towards a part that says more than a name:
     * "Received heart transplantation or pacemaker implantation; revascularization within 3 months" gives the
     * transplantation no time, while "Cyclosporine; efavirenz; or rifampin use within 7 days" is a list of names
     * sharing one. {@code towardsEarlier[i]}: not from clause i into the part before it; {@code towardsLater[i]}: not
     * from the part before clause i into clause i's.
     */
    private record Semicolons(boolean[] towardsEarlier, boolean[] towardsLater) {
        static Semicolons of(List<Clause> clauses) {
            int n = clauses.size();
            boolean[] earlier = new boolean[n];
            boolean[] later = new boolean[n];
            int partStart = 0;
            int previousWords = 0;
            for (int i = 1; i <= n; i++) {
                if (i < n && clauses.get(i).before() != Connective.SEMICOLON) {
                    continue;
                }
                int words = 0;
                for (int k = partStart; k < i; k++) {
                    words += clauses.get(k).text().trim().split("\\s+").length;
                }
                if (partStart > 0) {
                    earlier[partStart] = previousWords > 3;
                    later[partStart] = words > 3;
                }
                previousWords = words;
                partStart = i;
            }
            return new Semicolons(earlier, later);
        }
    }

    private static boolean spans(Window w) {
        return w != null && w.kind() != Window.Kind.EVER && w.kind() != Window.Kind.NOW;
    }

    /**
     * The rule of clause i; null when the clause says nothing of its own ("patients", "the following:"). A time said
     * after an earlier name of a list ("delirium within the prior 3 months, epilepsy, stroke") may be that name's alone
     * or the list's: a later name is read both ways, the time it is lent deciding and its own time asked.
     */
    Rule read(int i) {
        Rule rule = readWithItsWindow(i);
        int lender = windowLender(i);
        if (rule == null || lender < 0 || rule.asksInvestigator() || timeHeadsTheList(clauses.get(lender))) {
            // "within the past 6 months: MI, stroke": a time said before the list's first name is the list's
            return rule;
        }
        // read again as if nothing were lent: the clause's windows are looked up by its index, so the lent one is
        // set aside for that reading and put back
        Window lent = earlierSpan[i];
        earlierSpan[i] = null;
        Rule unlent = readWithItsWindow(i);
        earlierSpan[i] = lent;
        if (unlent == null || unlent.ruleText().equals(rule.ruleText())) {
            return rule;
        }
        return new AnyOf(List.of(rule, new AllOf(List.of(unlent, new Attestation("is \"" + question(clauses.get(i)
                .text()) + "\" meant without the time said before it (" + lent.describe() + ")?")))));
    }

    /** The earlier clause whose time clause i takes, having none of its own nor one from later; -1 when none. */
    private int windowLender(int i) {
        if (ownWindows[i] != null || laterSpan[i] != null || earlierSpan[i] == null) {
            return -1;
        }
        for (int k = i - 1; k >= 0; k--) {
            if (spans(ownWindows[k])) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether a clause gives its time before any name in it, or in a heading that ends on a colon: "any of the
     * following within 12 months: MI".
     */
    private boolean timeHeadsTheList(Clause clause) {
        int first = groups(clause).stream().mapToInt(g -> g.get(0).start()).min().orElse(clause.start()
                + clause.text().length());
        Matcher heading = TIMED_HEADING.matcher(clause.text());
        return spans(TextWindows.find(text.substring(clause.start(), first)))
                || heading.find() && spans(TextWindows.find(heading.group(1)));
    }

    /** The text before a clause that "despite" opens. */
    private static final Pattern AFTER_DESPITE = Pattern.compile("(?i)\\bdespite\\s*$");

    /** The words of a heading, from the start of its sentence to its colon. */
    private static final Pattern TIMED_HEADING = Pattern.compile("([^.;:]+):");

    private Rule readWithItsWindow(int i) {
        Clause clause = clauses.get(i);
        String t = clause.text();
        if (t.isBlank()) {
            return null;
        }
        if (Markers.JUDGEMENT.matcher(t).find()) {
            return new Attestation(question(t));
        }
        List<List<Mention>> groups = groups(clause);
        if (groups.isEmpty()) {
            polarities[i] = Negation.ofWords(t);
            Rule age = polarities[i] == Negation.AFFIRMED ? AgeReading.alone(t, text) : null;
            if (age != null) {
                // "…, older than 18 years old, …": an age among other clauses, which says nothing else
                return age;
            }
            // a clause that only says when ("within the 3 months prior to randomization") lends its window to the rest
            boolean onlyWhen = TextWindows.find(t) != null && Markers.isFiller(TextWindows.strip(t));
            boolean fillerOnly = Markers.isFiller(t) && !QUALIFIED_KIND.matcher(t).find() && !STATE_ONLY.matcher(t).find();
            if (AFTER_DESPITE.matcher(text.substring(0, clause.start())).find()) {
                // "… despite treatment": what the rest must withstand is asked, though its words are filler
                return new Attestation(question("despite " + t));
            }
            return fillerOnly || onlyWhen ? null : new Attestation(question(t));
        }
        List<Rule> rules = new ArrayList<>();
        boolean measurementUnread = false;
        for (List<Mention> group : groups) {
            Rule r = group(group, i);
            if (r != null) {
                rules.add(r);
            } else {
                measurementUnread |= group.get(0).concept().kind() == ConceptKind.OBSERVATION;
            }
        }
        if (rules.isEmpty()) {
            return Markers.isFiller(t) ? null : new Attestation(question(t));
        }
        List<Mention> named = groups.stream().flatMap(List::stream).toList();
        // drugs named in one clause without a connective between them stand in a bracket of examples ("any
        // antihistamine [including diphenhydramine (Benadryl®), cetirizine (Zyrtec®), …]"): any of them, not all
        // — and so are the drugs a class's heading lists ("Anticonvulsants: carbamazepine, phenytoin")
        boolean drugsOnly = rules.size() > 1 && rules.stream().allMatch(r -> r instanceof MedicationRule
                || r instanceof AllOf all && all.rules().get(0) instanceof MedicationRule
                || r instanceof Attestation a && a.question().startsWith(ANOTHER_OF_THE));
        // "ALT/AST > 3 × ULN" excludes on either value (an inclusion's "ALT/AST ≤ 2.5 × ULN" asks both)
        boolean eitherValue = kind == CriterionKind.EXCLUSION && rules.stream().allMatch(r -> r instanceof MeasurementRule);
        Rule rule = rules.size() == 1 ? rules.get(0) : slashed(named) && (eitherValue
                || rules.stream().allMatch(r -> r instanceof ConditionRule || r instanceof AllOf all
                        && all.rules().get(0) instanceof ConditionRule)) || drugsOnly ? new AnyOf(rules) : new AllOf(rules);
        if (definedOnAnUnknownScale(named)) {
            // "severe cognitive impairment (defined as score = 5 on the Short Portable Mental Status Questionnaire)":
            // the definition, not a code, says who has it
            return new Attestation(question(t));
        }
        if (!rule.asksInvestigator() && measurementUnread) {
            // "pregnant women between 34-42 weeks gestation", "Child-Pugh grade B/C liver failure": a measurement
            // named with a number or a grade no reading took narrows what else the clause names
            rule = new AllOf(List.of(rule, new Attestation(question(t))));
        } else if (!asksMoreThanWhatKind(rule) && !measures(rule) && !UnreadWords.explainedFrom(text.substring(clause.start()))
                && !unreadBesideItsKind(t, clause.start(), named, rule).isEmpty()) {
            // words no reading accounts for beside a condition, a drug or a procedure: the clause is asked as written
            // beside what records decide (a measurement's words are its name, number and unit, read whole); when
            // every name is an example in a parenthesis ("cardiovascular symptoms (angina, limiting dyspnoea)") the
            // words outside name something broader, which the examples show but do not bound
            // (a parenthesis of measurements' limits, "(FEV1/FVC < 0.7 and FEV1 < 80 %)", defines what the words
            // outside name)
            int first = openParenthesis(named.get(0).start());
            boolean examples = named.stream().allMatch(x -> openParenthesis(x.start()) >= clause.start())
                    && !(named.stream().allMatch(x -> x.concept().kind() == ConceptKind.OBSERVATION) && OWN_COMPARISON
                    .matcher(text.substring(first, Math.min(matching(first), text.length()))).find());
            Attestation asked = new Attestation(question(t));
            int open = examples ? first : -1;
            if (examples && CAUSED_BY.matcher(text.substring(clause.start(), Math.max(clause.start(), open))).find()
                    || definedInWords(named)) {
                // "seizure occurred by metabolic factors (hypoglycemia, …)": the examples are causes, not the criterion;
                // "liver disease (abnormal liver enzymes)": the brackets say what counts as the condition, which a
                // code of it may not be
                return new Attestation(question(t));
            }
            rule = examples ? new AnyOf(List.of(rule, asked)) : new AllOf(List.of(rule, asked));
        }
        if (!rule.asksInvestigator() && comparisonUnread(t, rule)) {
            // "HBsAg positive and < 1500 IU/mL": a limit no reader took, beside what records decide, is asked with it
            rule = new AllOf(List.of(rule, new Attestation(question(t))));
        }
        if (measures(rule) && READINGS_COUNTED.matcher(t).find()) {
            // "No more than one HIV-1 RNA ≥ 50 and < 200 copies/mL": how many readings were so, which one value on
            // record does not say — and the value is no requirement at all
            return new Attestation(question(t));
        }
        if (measures(rule) && !rule.asksInvestigator() && (ASKS_MORE_OF_A_MEASUREMENT.matcher(t).find()
                // "on optimal therapy", "SBP < 80 mmHg or MAP < 50 mmHg on maximal support": said once, of every
                // threshold before it
                || ON_SUPPORT.matcher(text.substring(clause.start())).find() || sampledApart(t, clause.start(), named))
                || !rule.asksInvestigator() && named.stream().anyMatch(x -> x.concept().kind() == ConceptKind.MEDICATION
                        && DRUG_DURATION.matcher(text.substring(x.end())).find())) {
            // "> 160 mmHg on 2 consecutive measurements", "on optimal therapy": one value on record does not show it;
            // "steroids > 1 month": records of use do not say for how long
            rule = new AllOf(List.of(rule, new Attestation(question(t))));
        }
        if (plansACondition(rule)) {
            // "planned kidney transplant in the next 4 months": a plan is no diagnosis a record holds ahead of time
            return new Attestation(question(t));
        }
        if (TextWindows.elapsed(t) != null && !lasts(rule) || FOR_LESS_THAN.matcher(t).find()) {
            // "PCI more than 6 months ago", "on hemodialysis for less than 3 months": how long ago or how long, which
            // no window says
            return new Attestation(question(t));
        }
        polarities[i] = polarity(clause, groups);
        return switch (polarities[i]) {
            case AFFIRMED -> rule;
            case NEGATED -> negatable(rule) ? new Not(rule) : new Attestation(question(t));
            case UNSURE -> new Attestation(question(t));
            case EXCEPTED -> new Attestation("not an exception: " + t);
        };
    }

    private static final Pattern FOR_LESS_THAN = Pattern.compile("(?i)\\bfor\\s*[<≤]\\s*\\d+\\s*(?:hours?|days?|weeks?"
            + "|months?|years?)\\b");

    /** "HIV/AIDS": conditions written with a slash between them are alternatives. */
    private boolean slashed(List<Mention> named) {
        for (int k = 1; k < named.size(); k++) {
            if (!text.substring(named.get(k - 1).end(), Math.max(named.get(k - 1).end(), named.get(k).start()))
                    .matches("\\s*/\\s*")) {
                return false;
            }
        }
        return named.size() > 1;
    }

    /** Whether the rule compares a measurement. */
    private static boolean measures(Rule rule) {
        return rule instanceof MeasurementRule || rule instanceof ClassRule || rule instanceof AllOf all
                && all.rules().stream().anyMatch(ClauseReader::measures)
                || rule instanceof AnyOf any && any.rules().stream().anyMatch(ClauseReader::measures);
    }

    /** Whether the rule says how long something has lasted. */
    private static boolean lasts(Rule rule) {
        return rule instanceof DurationRule || rule instanceof AllOf all && all.rules().stream().anyMatch(
                ClauseReader::lasts);
    }

    /** What the reading of the criterion supposed beyond its words, for the study team to check first. */
    List<String> assumptions() {
        return List.copyOf(assumptions);
    }

    /** Whether clause i says its concepts are present, absent, or something the compiler cannot place. */
    Negation polarity(int i) {
        return polarities[i];
    }

    /**
     * Whether "not" of the rule means what the clause says: a fact, a threshold, a class or a count, negated, does;
     * a duration does not ("free of malignancy for 5 years" is no malignancy in 5 years, not "not for 5 years").
     */
    private static boolean negatable(Rule rule) {
        return PlainFact.is(rule) || rule instanceof MeasurementRule || rule instanceof ClassRule
                || rule instanceof EventCountRule;
    }

    private static Negation polarity(Clause clause, List<List<Mention>> groups) {
        int first = groups.get(0).get(0).start() - clause.start();
        List<Mention> lastGroup = groups.get(groups.size() - 1);
        int lastEnd = lastGroup.get(lastGroup.size() - 1).end() - clause.start();
        int[] starts = groups.stream().flatMap(List::stream).mapToInt(m -> m.start() - clause.start()).toArray();
        return Negation.of(clause.text(), first, lastEnd, starts);
    }

    /**
     * The clause's mentions, grouped: a mention in parentheses right after another belongs with it ("revascularization
     * (PCI or CABG)"); mentions sharing one parenthesis with nothing before it form a group of alternatives.
     */
    private List<List<Mention>> groups(Clause clause) {
        int from = clause.start();
        int to = clause.start() + clause.text().length();
        List<List<Mention>> groups = new ArrayList<>();
        Mention previous = null;
        int previousParenthesis = -1;
        int groupParenthesis = -1;
        for (Mention m : mentions) {
            if (m.start() < from || m.end() > to) {
                continue;
            }
            int open = openParenthesis(m.start());
            // "(Aspartate transaminase (AST), Alanine transaminase (ALT), or …)": a name's own abbreviation in a nested
            // parenthesis does not end the list of the parenthesis around them
            boolean joinsPrevious = previous != null && open >= 0
                    && (open >= previous.end() || open == previousParenthesis || open == groupParenthesis);
            if (joinsPrevious) {
                groups.get(groups.size() - 1).add(m);
            } else {
                List<Mention> group = new ArrayList<>();
                group.add(m);
                groups.add(group);
                groupParenthesis = open;
            }
            previous = m;
            previousParenthesis = open;
        }
        return groups;
    }

    /**
     * "(SBP < 140 mmHg and DBP < 90 mmHg)", "(FEV1/FVC < 0.7 and FEV1 < 80 %)": measurements each with its own limit,
     * listed with "and" and no "or", hold together; any other list in a parenthesis names alternatives or examples,
     * and names sharing one limit ("liver enzymes (AST and ALT) > 3 × ULN") are read as the criterion's other clauses
     * are.
     */
    private boolean measuredTogether(List<Mention> group, List<Rule> alternatives) {
        // a limit no reading took ("FEV1 < 80 %", a percentage of nothing said) is asked, and still holds with the rest
        if (!alternatives.stream().allMatch(r -> r instanceof MeasurementRule || r instanceof Attestation)
                || alternatives.stream().noneMatch(r -> r instanceof MeasurementRule)) {
            return false;
        }
        String between = text.substring(group.get(0).end(), group.get(group.size() - 1).start());
        return OWN_COMPARISON.matcher(between).find() && between.matches("(?is).*\\band\\b.*")
                && !between.matches("(?is).*(?:\\bor\\b|/).*");
    }

    /** Whether the rule looks for a condition in a window ahead of the screening, which no record holds. */
    private static boolean plansACondition(Rule rule) {
        return rule instanceof ConditionRule c && c.window().kind() == Window.Kind.NEXT
                || rule instanceof AllOf all && all.rules().stream().anyMatch(ClauseReader::plansACondition)
                || rule instanceof AnyOf any && any.rules().stream().anyMatch(ClauseReader::plansACondition)
                || rule instanceof Not not && plansACondition(not.rule());
    }

    /**
     * Whether a condition is followed by brackets that name nothing the dictionary knows and are no abbreviation
     * ("liver disease (abnormal liver enzymes)", "kidney disease (proteinuria)"): words that define it.
     */
    private boolean definedInWords(List<Mention> named) {
        return definedInBrackets(named, WORDS_IN_BRACKETS, true);
    }

    /**
     * Whether the first condition followed by such brackets has words in them that name nothing the dictionary knows
     * ({@code withBrackets}: read with the brackets, which leaves an abbreviation or a short list of examples unread).
     */
    private boolean definedInBrackets(List<Mention> named, Pattern brackets, boolean withBrackets) {
        for (Mention m : named) {
            Matcher after = brackets.matcher(text.substring(m.end()));
            if (m.concept().kind() == ConceptKind.CONDITION && after.lookingAt()) {
                int open = m.end() + after.start(1);
                int close = m.end() + after.end(1);
                return mentions.stream().noneMatch(x -> x.start() >= open && x.end() <= close)
                        && !UnreadWords.of(withBrackets ? after.group() : after.group(1), 0, List.of(), false).isEmpty();
            }
        }
        return false;
    }

    /**
     * Brackets right after a name holding words alone: no number, comparison, list of examples, exception, permission
     * ("(… are eligible if …)") or reason ("diabetes (to improve the PET imaging quality)").
     */
    private static final Pattern WORDS_IN_BRACKETS = Pattern.compile("(?i)\\s*\\((?!\\s*(?:including|such as|e\\.g\\."
            + "|eg\\b|for example|except|other than|excluding|to\\b|in order|because|since|so that|though|although"
            + "|as (?!evidenced|defined|determined|confirmed|documented|assessed|measured|shown)))(?![^()]*\\b(?:not apply"
            + "|eligible|allowed|permitted|acceptable)\\b)([^()\\d<>≤≥=]+)\\)");

    /** Whether a condition is followed by brackets that define it by words and numbers no reader took. */
    private boolean definedOnAnUnknownScale(List<Mention> named) {
        return definedInBrackets(named, DEFINED_IN_BRACKETS, false);
    }

    /** Brackets right after a name that say they define it, whatever they hold. */
    private static final Pattern DEFINED_IN_BRACKETS = Pattern.compile("(?i)\\s*\\(\\s*(?:defined\\s+(?:as|by)|i\\.\\s?e\\.?,?)"
            + "\\s+([^()]+)\\)");

    /** The words no reading accounts for, beside those a question of kind already asks ("is it metastatic …?"). */
    private static List<String> unreadBesideItsKind(String t, int start, List<Mention> named, Rule rule) {
        java.util.Set<String> asked = new java.util.HashSet<>();
        kindQuestions(rule, asked);
        List<String> unread = new ArrayList<>(UnreadWords.of(t, start, named, rule instanceof MedicationRule));
        unread.removeIf(asked::contains);
        return unread;
    }

    private static void kindQuestions(Rule rule, java.util.Set<String> words) {
        if (rule instanceof Attestation a && a.question().startsWith("is it ")) {
            for (String w : a.question().toLowerCase(Locale.ROOT).split("[^\\p{L}'\\-]+")) {
                words.add(w);
            }
        } else if (rule instanceof AllOf all) {
            all.rules().forEach(r -> kindQuestions(r, words));
        } else if (rule instanceof AnyOf any) {
            any.rules().forEach(r -> kindQuestions(r, words));
        }
    }

    /**
     * Whether the rule asks the investigator more than what kind a named fact is ("is it chronic HCV?"): such a
     * question does not read the rest of the clause ("… prior to transplantation"), which must still be asked.
     */
    private static boolean asksMoreThanWhatKind(Rule rule) {
        if (rule instanceof Attestation a) {
            return !a.question().startsWith("is it ");
        }
        if (rule instanceof AllOf all) {
            return all.rules().stream().anyMatch(ClauseReader::asksMoreThanWhatKind);
        }
        if (rule instanceof AnyOf any) {
            return any.rules().stream().anyMatch(ClauseReader::asksMoreThanWhatKind);
        }
        return rule.asksInvestigator();
    }

    /** The question a qualifier put to a condition's rule ("is it active bleeding disorder?"), or null. */
    private static Attestation qualifierQuestion(Rule rule) {
        if (rule instanceof AllOf all) {
            for (Rule r : all.rules()) {
                if (r instanceof Attestation a && a.question().startsWith("is it ")) {
                    return a;
                }
            }
        }
        return null;
    }

    /** Where the parenthesis enclosing a position opens, or -1. */
    private int openParenthesis(int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')' || c == ']') {
                depth++;
            } else if (c == '(' || c == '[') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private static final Pattern EXAMPLES = Pattern.compile("(?i)\\s*(?:including|such as|e\\.g\\.|eg\\b|for example)");

    /** The rule of one group: its head mention and what stands in parentheses after it. */
    private Rule group(List<Mention> group, int clause) {
        Mention head = group.get(0);
        int end = group.get(group.size() - 1).end();
        int close = text.indexOf(')', end);
        int enclosing = openParenthesis(head.start());
        if (enclosing >= 0 && openParenthesis(end) == enclosing && !(close >= 0 && text.substring(end, close).isBlank())) {
            // names sharing one parenthesis ("(serum ALT > 5 × ULN or creatinine > 2 × ULN)", "leukopenia (WBC <
            // 2500/mm3)"): each is followed by its own words
            end = head.end();
        } else if (close >= 0 && openParenthesis(end) >= 0 && !EXAMPLES.matcher(text.substring(openParenthesis(end) + 1))
                .lookingAt()) {
            // "revascularization (PCI or CABG) within 3 months", "(NYHA) class II": what follows the parenthesis is
            // said of the head — not after a list of examples ("(including …, head trauma) (> 10 minutes)")
            end = close + 1;
        }
        List<Rule> alternatives = new ArrayList<>();
        Attestation headQuestion = null;
        List<Rule> definitions = new ArrayList<>();
        List<Rule> requirements = new ArrayList<>();
        ConceptKind headKind = head.concept().kind();
        if (headKind == ConceptKind.MEDICATION) {
            return medication(group, clause, end);
        }
        boolean listedTogether = enclosing >= 0 && group.size() > 1
                && group.stream().allMatch(x -> openParenthesis(x.start()) == enclosing)
                && LIST_WORDS.matcher(text.substring(enclosing, head.start())).find();
        for (Mention m : group) {
            if (m != head && m.concept().id().equals(head.concept().id())) {
                continue; // "left ventricular ejection fraction (LVEF)": the same thing named twice
            }
            // "chronic kidney disease (CKD stage 4 or 5)": a condition named again in its brackets leaves what else
            // they say to the condition's own reading
            boolean namedAgainOnly = headKind == ConceptKind.CONDITION && close >= 0
                    && !text.substring(group.get(group.size() - 1).end(), close).isBlank()
                    && group.stream().allMatch(x -> x.concept().id().equals(head.concept().id()));
            Rule atom = atom(m, clause, m == head && !comparedBefore(m, group, end) && !namedAgainOnly ? end : m.end());
            if (headKind == ConceptKind.CONDITION && m.concept().kind() == ConceptKind.OBSERVATION
                    && (atom == null || atom instanceof Attestation) && openParenthesis(m.start()) > head.end()
                    && text.substring(head.end(), openParenthesis(m.start())).isBlank()
                    && !EXAMPLES.matcher(text.substring(openParenthesis(m.start()) + 1)).lookingAt()) {
                // "renal failure (Cl Cr < 60 mL/min/1.73m2)", "hepatic impairment (Child-Pugh B or C)": a measurement
                // in brackets defines the condition, and a definition whose threshold or grade no reading took (a
                // unit it is not given in) leaves the condition to no code: asked whole
                return new Attestation(question(clauses.get(clause).text()));
            }
            if (atom == null) {
                continue;
            }
            // "(including QTc > 450 ms, permanent pacemaker or …)": names listed in one parenthesis with nothing before it
            // are alternatives, whatever their kinds
            boolean sameKind = m.concept().kind() == headKind || listedTogether;
            boolean defines = m != head && atom instanceof MeasurementRule && !listedTogether;
            if (m == head) {
                headQuestion = qualifierQuestion(atom);
            }
            if (defines) {
                definitions.add(atom);
            } else if (m != head && sameKind && headQuestion != null && openParenthesis(m.start()) > head.end()) {
                // "active bleeding disorder (such as intracranial hemorrhage, …)": the examples are as qualified
                alternatives.add(new AllOf(List.of(atom, headQuestion)));
            } else if (m == head || sameKind) {
                alternatives.add(atom);
            } else {
                requirements.add(atom);
            }
        }
        if (!definitions.isEmpty() && headKind == ConceptKind.CONDITION) {
            // "anemia (hematocrit < 27 %)", "hypertension [SBP > 180 or DBP > 110 mmHg]": the measurements in the
            // parenthesis define the condition, which counts by them alone, not beside them
            alternatives.removeIf(r -> r != null && Rules.concepts(r).contains(head.concept().id()));
            Unread unread = definedWithMore(head, group);
            Attestation asked = new Attestation(question(clauses.get(clause).text()));
            if (unread == Unread.ALTERNATIVE) {
                // "hypertension (treated or BP > 140/90)": the measurements are one way the condition is met; the
                // others are asked
                alternatives.add(asked);
            } else if (unread == Unread.QUALIFIER) {
                // "(SBP > 160 or DBP > 100 mmHg on 2 occasions)": the measurements must hold, and what more is asked
                Rule measured = definitions.size() == 1 ? definitions.get(0) : new AnyOf(List.copyOf(definitions));
                definitions.clear();
                definitions.add(new AllOf(List.of(measured, asked)));
            }
        }
        alternatives.addAll(definitions);
        if (alternatives.isEmpty()) {
            // nothing of the head was read: what is left is the requirements alone (an empty any() is never met)
            return requirements.isEmpty() ? null : requirements.size() == 1 ? requirements.get(0) : new AllOf(requirements);
        }
        Rule main = alternatives.size() == 1 ? alternatives.get(0)
                : measuredTogether(group, alternatives) ? new AllOf(alternatives) : new AnyOf(alternatives);
        if (requirements.isEmpty()) {
            return main;
        }
        List<Rule> all = new ArrayList<>();
        all.add(main);
        all.addAll(requirements);
        return new AllOf(all);
    }

    /** Words a definition's measurements leave unread: its names, comparisons, numbers, units and joining words. */
    private static final Pattern READ_IN_A_DEFINITION = Pattern.compile("(?i)[<>≤≥=]\\s*\\d+(?:\\.\\d+)?\\s*(?:×ULN|\\S+)?"
            + "|\\b(?:and|or|either|as|defined|by|i\\.e|e\\.g|levels?|values?|of|a|an|the|at rest)\\b|[(),;:./\\[\\]]");

    /** What a parenthesis defining a condition by measurements says beyond them. */
    private enum Unread { NOTHING, ALTERNATIVE, QUALIFIER }

    /**
     * What the parenthesis defining a condition by measurements says beyond them: nothing; another way the condition
     * is met ("hypertension (treated or BP > 140/90)"); or more about the measurements ("… on 2 occasions").
     */
    private Unread definedWithMore(Mention head, List<Mention> group) {
        int open = text.indexOf('(', head.end());
        if (open < 0) {
            return Unread.NOTHING;
        }
        int close = Math.min(matching(open), text.length());
        Unread found = Unread.NOTHING;
        // the alternatives the parenthesis lists, at its own depth
        int depth = 0;
        int from = open + 1;
        for (int i = open + 1; i <= close; i++) {
            char ch = i < close ? text.charAt(i) : ')';
            depth += ch == '(' ? 1 : ch == ')' && i < close ? -1 : 0;
            boolean or = depth == 0 && text.startsWith(" or ", i);
            if (or || i == close) {
                int start = from;
                int to = i;
                boolean measured = group.stream().anyMatch(m -> m != head && m.start() >= start && m.end() <= to);
                if (unreadWords(group, head, from, to)) {
                    if (!measured) {
                        return Unread.ALTERNATIVE;
                    }
                    found = Unread.QUALIFIER;
                }
                from = i + 1;
            }
        }
        return found;
    }

    private boolean unreadWords(List<Mention> group, Mention head, int from, int to) {
        StringBuilder words = new StringBuilder();
        int at = from;
        for (Mention m : group) {
            if (m != head && m.start() >= at && m.end() <= to) {
                words.append(text, at, m.start()).append(' ');
                at = m.end();
            }
        }
        words.append(text, at, to);
        return READ_IN_A_DEFINITION.matcher(words).replaceAll(" ").matches("(?s).*\\p{L}{3,}.*");
    }

    /**
     * Whether a measurement has its own comparison before the next name of its group: "(serum ALT > 5 × ULN or
     * creatinine > 2 × ULN)" gives ALT its 5, not the 2 after the group.
     */
    private boolean comparedBefore(Mention m, List<Mention> group, int groupEnd) {
        if (m.concept().kind() != ConceptKind.OBSERVATION) {
            return false;
        }
        int next = group.stream().filter(x -> x.start() >= m.end()).mapToInt(Mention::start).min().orElse(groupEnd);
        return OWN_COMPARISON.matcher(text.substring(m.end(), Math.max(m.end(), next))).find();
    }

    /** Words that make what follows a cause: "occurred by", "due to", "induced by". */
    private static final Pattern CAUSED_BY = Pattern.compile("(?i)\\b(?:by|due to|caused|induced|secondary to|related to"
            + "|attributable|because of|associated with)\\b");
    /**
     * A kind of illness with a qualifier, whose words are all general: "known active infection", "severe systemic
     * disease". No concept names it, but it says something the investigator must answer; it is not filler.
     */
    /** A clause that is only the state of what the criterion names: "hypertension (treated or BP > 140/90)". */
    private static final Pattern STATE_ONLY = Pattern.compile("(?i)^\\s*(?:un|not\\s+|well[- ]|poorly\\s+)?(?:treated|controlled"
            + "|medicated)\\s*$");
    private static final Pattern QUALIFIED_KIND = Pattern.compile("(?i)\\b(?:active|severe|significant|uncontrolled|serious"
            + "|chronic|acute|current|ongoing)\\s+(?:[\\w-]+\\s+)?(?:infections?|diseases?|disorders?|conditions?|illness(?:es)?)\\b");
    /** A condition named as what a treatment is for. */
    private static final Pattern INDICATION = Pattern.compile("(?i)\\b(?:for|to treat|in the treatment of|as treatment"
            + " for)\\s+(?:the\\s+|their\\s+|his\\s+|her\\s+|an?\\s+)?$");
    private static final Pattern TREATED = Pattern.compile("(?i)\\b(?:therap|treat|drugs?\\b|medication|received|receiving"
            + "|taking|biologic|injection|infusion)");
    private static final Pattern CHANGE_BEFORE = Pattern.compile("(?i)\\b(?:loss|gain|change|increase|decrease|reduction"
            + "|drop|decline|rise|fall|variation|improvement|worsening)\\s+(?:of|in)\\s+(?:the\\s+|serum\\s+|body\\s+)?$");
    private static final Pattern CHANGE_AFTER = Pattern.compile("(?i)^[\\s-]*(?:loss|gain|change|increase|decrease|reduction"
            + "|drop|decline|rise|fall|variation)\\b");
    private static final Pattern ABBREVIATION = Pattern.compile("\\(\\s*(?=[A-Za-z0-9-]*[A-Z])[A-Za-z0-9-]{1,8}\\s*\\)");
    /**
     * The words after a name up to where they reach, without the other measurements listed with it: in "AST, ALT or
     * alkaline phosphatase > 2.5 × ULN" the limit is as near to AST as to the last name.
     */
    private String withoutListedNames(Mention m, int from, int to) {
        StringBuilder after = new StringBuilder();
        int at = from;
        for (Mention other : mentions) {
            if (other != m && other.start() >= at && other.end() <= to
                    && other.concept().kind() == ConceptKind.OBSERVATION) {
                after.append(text, at, other.start());
                at = other.end();
            }
        }
        return after.append(text, at, to).toString();
    }

    private static final Pattern OWN_COMPARISON = Pattern.compile("[<>≤≥]\\s*\\d");

    /** Words after a condition's name that turn it into its treatment: "dementia treatment", "HIV medications". */
    private static final Pattern TREATMENT_OF_IT = Pattern.compile("(?i)\\s+(?:treatments?|therap(?:y|ies)|medications?"
            + "|medicines?|drugs?|agents?|regimens?)\\b");

    /** How big or urgent an operation was: said of one the patient had, and of the trial's own alike. */
    private static final String OPERATION_SIZE = "(?:major|minor|elective|emergency|urgent|significant|invasive"
            + "|complicated)";
    /** What an operation was that a record of it need not tell: how big or urgent, how done, and where ("gastric"). */
    private static final String OPERATION_KIND = "(?:" + OPERATION_SIZE + "|open|laparoscopic|abdominal|gastric|stomach"
            + "|bowel|intestinal|colorectal|gastrointestinal|gi|esophageal"
            + "|oesophageal|bariatric|anorectal|ocular|intraocular|intra-ocular|eye|retinal|refractive|corneal|brain"
            + "|intracranial|intra-cranial|spinal|intra-spinal|spine|back|lumbar|thoracic|chest|lung|uterine|ovarian"
            + "|pelvic|gyn(?:a)?ecologic(?:al)?|urologic(?:al)?|prostate|bladder|renal|kidney|hepatic|liver|biliary"
            + "|pancreatic|thyroid|breast|vascular|orthop(?:a)?edic|hip|knee|shoulder|ent|ear|nasal|sinus|throat|oral"
            + "|dental|periodontal)";
    /** The kinds said of an open class just before it, listed or not: "major surgery", "major gastric/bowel surgery". */
    private static final Pattern PROCEDURE_KIND = Pattern.compile("(?i)\\b(" + OPERATION_KIND + "(?:(?:\\s*(?:,|/)\\s*"
            + "|\\s+(?:(?:and/or|or|and)\\s+)?)" + OPERATION_KIND + ")*)\\s+$");

    /** An operation that could not wait: most often the one the patient is in the trial for. */
    private static final Pattern URGENT = Pattern.compile("(?i)\\b(?:emergency|urgent)\\b");
    /** Kinds that say only how big or urgent an operation was, nothing of where. */
    private static final Pattern SIZE_ONLY = Pattern.compile("(?i)(?:\\s*(?:,|/|and/or|or|and)?\\s*\\b" + OPERATION_SIZE
            + "\\b)+\\s*");
    /** Words that put an operation in the patient's past: "previous gastric surgery", "had undergone knee surgery". */
    private static final Pattern PAST_OPERATION = Pattern.compile("(?i)\\b(?:history|h/o|previous(?:ly)?|prior(?!\\s+to\\b)|past"
            + "|former|had|has had|have had|undergone|underwent|received)\\b");
    /** "The bariatric surgery", "prior to knee surgery": the operation the trial is about, not one on record. */
    private static final Pattern THE_TRIALS_OWN = Pattern.compile("(?i)\\b(?:the|this|that|their|his|her|its|index"
            + "|same|planned|scheduled|to|before|after|until|following|for)\\s+$");

    /**
     * "Major surgery within 4 weeks", "previous gastric surgery": any surgery on record in the time, and what kind it
     * was is asked — a record holds the operation, which may or may not say where or how major. An emergency one is
     * most often the operation the patient is in the trial for, and is asked whole; a surgery named in an example in
     * parentheses ("peripheral vascular disease (previous surgery, amputation, …)") is no requirement, and not read.
     * Where an operation was is said of the trial's own as readily as of a past one ("single port gynecologic
     * laparoscopic surgery", "prior to the bariatric surgery"), so a surgery named by its place is read only when the
     * words put it in the past or in a time (the dictionary does not name it before examples that say what the place
     * takes in: "lung surgery (e.g. resection, transplant)").
     */
    private static Rule qualifiedProcedure(Mention m, String before, ProcedureRule rule, String clause,
            boolean timeGiven) {
        Matcher kindOf = PROCEDURE_KIND.matcher(before);
        if (!m.concept().openClass() || !kindOf.find()) {
            return rule;
        }
        String kinds = kindOf.group(1);
        if (URGENT.matcher(kinds).find()) {
            return new Attestation(question(clause));
        }
        boolean byPlace = !SIZE_ONLY.matcher(kinds).matches();
        if (byPlace && (THE_TRIALS_OWN.matcher(before.substring(0, kindOf.start())).find()
                || !timeGiven && !PAST_OPERATION.matcher(before).find())) {
            return new Attestation(question(clause));
        }
        return new AllOf(List.of(rule, new Attestation("is it " + kinds.toLowerCase(Locale.ROOT) + " "
                + m.text().toLowerCase(Locale.ROOT) + "?")));
    }

    private Rule atom(Mention m, int clause, int end) {
        Concept c = m.concept();
        String before = text.substring(Math.max(clauses.get(clause).start(), m.start() - 40), m.start());
        String after = withoutListedNames(m, end, reach(m, end));
        return switch (c.kind()) {
            // "premorbid IQ": a value from before the illness, which no measurement on record is
            case OBSERVATION -> ANOTHER_TIMES_VALUE.matcher(before).find() ? new Attestation(question(clauses.get(clause)
                    .text())) : !c.valueTerms().isEmpty() ? namedClass(m, before, clause)
                    : observation(c, before, after, clause, !numberFollows(end, clause));
            // "dementia treatment", "diabetes medication": the drugs for the condition, which the record of the
            // condition does not say the patient takes: asked
            case CONDITION -> TREATMENT_OF_IT.matcher(text.substring(m.end())).lookingAt()
                    ? new Attestation(question(clauses.get(clause).text()))
                    : causeInAList(condition(c, m.text(), before, after, clause), m);
            // "patients undergoing elective hysterectomy": the trial's own operation, not one the records hold yet
            // and an inclusion that names a procedure without saying when ("primary total knee replacement surgery")
            // is as likely the operation the trial performs as one the patient had: asked
            // an open class ("surgery") that an inclusion requires is most often a condition on it ("prior surgery
            // must have been ≥ 4 weeks before"): asked too
            // "on dialysis", "receiving mechanical ventilation": a treatment going on now, which a past procedure on
            // record does not say, and a dated procedure read "now" would mostly miss: asked
            case PROCEDURE -> PLANNED_PROCEDURE.matcher(before).find() || ONGOING_PROCEDURE.matcher(before).find()
                    || kind == CriterionKind.INCLUSION
                    && (!timeGiven(clause) || c.openClass()) ? new Attestation(question(clauses.get(clause).text()))
                    : c.openClass() && openParenthesis(m.start()) >= clauses.get(clause).start() ? null
                    : qualifiedProcedure(m, before, new ProcedureRule(c.id(), window(clause, Window.ever(), c, true)),
                            clauses.get(clause).text(), timeGiven(clause));
            case MEDICATION -> null;
        };
    }

    /** Words before a status that put it in the past or leave its time open: "history of smoking", "ever smoked". */
    private static final Pattern STATUS_AT_ANOTHER_TIME = Pattern.compile("(?i)\\b(?:history|h/o|ever|prior|previous|past"
            + "|former|formerly|recent|recently|stopped|quit|within|during|were|was|had|used to)\\b\\W*(?:\\w+\\W+){0,2}$");

    private static final Pattern ANOTHER_STATUS_BEFORE = Pattern.compile("(?i)\\b(?:current(?:ly)?|active|ex|former|past"
            + "|previous|never|non)\\s*-?\\s*(?:or|and/or|/|and)\\s*$");

    /**
     * A status the criterion names by its words ("current smokers", "former smoker", "non-smoker"): its classes, as
     * the latest record says them. Said of another time ("history of smoking", "smoking within 6 months"), with more
     * said of it ("heavy smokers", "smokers of > 5 cigarettes a day") or in words no class holds, it is asked.
     */
    private Rule namedClass(Mention m, String before, int clause) {
        Clause c = clauses.get(clause);
        List<String> classes = m.concept().classesNamedBy(m.text());
        Window when = TextWindows.find(c.text());
        String besides = c.text().substring(0, Math.max(0, m.start() - c.start())) + " "
                + c.text().substring(Math.min(c.text().length(), m.end() - c.start()));
        // a status after "current or" ("Current or ex-smokers") is one of two the list names; one followed by a colon
        // ("Tobacco use: a current or prior history of …") heads what the criterion goes on to define
        boolean another = ANOTHER_STATUS_BEFORE.matcher(text.substring(Math.max(0, m.start() - 25), m.start())).find()
                || text.substring(m.end()).matches("(?s)\\s*:.*");
        if (classes.isEmpty() || another || STATUS_AT_ANOTHER_TIME.matcher(before).find()
                || when != null && when.kind() != Window.Kind.NOW || !Markers.isFiller(besides)) {
            return new Attestation(question(c.text()));
        }
        Window lastYear = Window.past(12, org.stroma.protocol.TimeUnit.MONTH);
        Window counted = lastYear;
        if (when != null) {
            // "current smoker": the status recorded last, as long as it is recent, rather than the last ever recorded
            assumptions.add(m.concept().label() + ": the one recorded last, counted " + lastYear.describe());
        } else {
            counted = window(clause, lastYear, m.concept(), true);
        }
        // "non-smoker": any status but the one named, so a status on record that names no class stays unknown
        boolean notThat = classes.size() == 1 && classes.get(0).startsWith("not ");
        ClassRule rule = new ClassRule(m.concept().id(), notThat ? List.of(classes.get(0).substring(4).strip())
                : classes, counted);
        return notThat ? new Not(rule) : rule;
    }

    /** Words that make a parenthesis a list of examples: "(including …", "(e.g. …", commas between its names. */
    private static final Pattern LIST_WORDS = Pattern.compile("(?i)^\\(\\s*(?:including|such as|e\\.g\\.?|eg|i\\.e\\.?|for example)\\b");

    /** Words before a procedure that make it the one the trial will perform: "undergoing elective", "scheduled for". */
    private static final Pattern PLANNED_PROCEDURE = Pattern.compile("(?i)\\b(?:undergo(?:ing|es)?|elective(?:ly)?|scheduled"
            + "|planned|candidates?|referred|awaiting|requiring|require[sd]?|indicated|will (?:have|undergo|receive)"
            + "|submitted|subjected|(?:will|to) be)\\b");

    private static final Pattern ONGOING_PROCEDURE = Pattern.compile("(?i)\\b(?:on|receiving|dependent on|need(?:s|ing)?"
            + "|still)\\s+(?:(?:chronic|long-term|maintenance|regular|renal|ongoing|current)\\s+)*$");

    /** Words between two names that only list them: "AST and ALT", "AST/ALT", "AST (SGOT), ALT". */
    private static final Pattern LISTING = Pattern.compile("(?i)^[\\s,/&]*(?:and/or|and|or)?[\\s,/&]*$");

    /**
     * How far the words after a name can speak of it: 70 characters, and never past the next measurement that is
     * not merely listed with it — "SBP outside 100-160 mmHg or DBP above 95" gives SBP no threshold of 95, while
     * "AST and ALT > 3 × ULN" leaves the shared threshold to both.
     */
    private int reach(Mention m, int end) {
        int limit = Math.min(text.length(), end + 100);
        int from = end;
        String listed = m.concept().id();
        for (Mention next : mentions) {
            // a name said again ("alanine transaminase (ALT)") is no new name
            if (next.start() >= from && next.start() < limit && next.concept().kind() == ConceptKind.OBSERVATION
                    && !next.concept().id().equals(m.concept().id()) && !next.concept().id().equals(listed)) {
                String between = text.substring(from, next.start()).replaceAll("\\([^()]*\\)", "");
                if (!LISTING.matcher(between).matches()) {
                    // "AST and ALT ≤ 2.5 × ULN and creatinine ≤ 1.5 mg/dL": the list's limit stops at the next name
                    return next.start();
                }
                from = next.end();
                listed = next.concept().id();
            }
        }
        return limit;
    }

    /**
     * Whether the clause states a number after a name: then the name borrows no threshold from a later clause ("SBP
     * outside the range of 100-160 mmHg or DBP above 95" gives SBP no threshold of 95), as a bare "AST" does from "and
     * ALT > 3 × ULN".
     */
    private boolean numberFollows(int end, int clause) {
        int clauseEnd = clauses.get(clause).start() + clauses.get(clause).text().length();
        return end < clauseEnd && text.substring(end, clauseEnd).matches("(?s).*\\d.*");
    }

    /** A comparison written before a graded scale's name: ≥ (1), > (2), ≤ (3), < (4). */
    private static final Pattern COMPARISON_BEFORE = Pattern.compile("(?i)(?:(≥|\\b(?:more|greater|higher) (?:than )?or equal"
            + " to|\\bat least)|(>|\\b(?:more|greater|higher) than)|(≤|\\b(?:less|lower) (?:than )?or equal to|\\bat most)"
            + "|(<|\\b(?:less|lower) than))\\s*(?:an?\\s+|the\\s+)?$");

    private Rule observation(Concept c, String before, String words, int clause, boolean mayBorrow) {
        // a name's abbreviation after it, "(AST)", is no part of what is said of it
        String after = ABBREVIATION.matcher(words).replaceAll("");
        if (CHANGE_BEFORE.matcher(before).find() || CHANGE_AFTER.matcher(after).find()) {
            // "weight loss of > 5 kg", "increase in creatinine ≥ 0.3": a change is no value of the measurement
            return new Attestation(question(clauses.get(clause).text()));
        }
        if ("{class}".equals(c.unit()) || "{finding}".equals(c.unit())) {
            if (POSITIVE.matcher(before).find()) {
                return new ClassRule(c.id(), List.of("POSITIVE"), window(clause, Window.past(12, org.stroma.protocol
                        .TimeUnit.MONTH), c, true));
            }
            // the highest class is the concept's own: NYHA stops at IV, the ASA physical status goes on to VI
            int top = c.plausible().size() == 2 ? c.plausible().get(1).intValue() : 4;
            List<String> written = RomanClasses.read(after, top);
            Matcher comparison = COMPARISON_BEFORE.matcher(before);
            List<String> classes = written;
            if (written.size() == 1 && comparison.find()) {
                // "≥ ASA class III", "more or equal to NYHA class II": the comparison is written before the scale
                String sign = comparison.group(1) != null ? "≥" : comparison.group(2) != null ? ">"
                        : comparison.group(3) != null ? "≤" : "<";
                classes = sign.equals("≥") || sign.equals(">") ? RomanClasses.read(sign + " " + written.get(0), top)
                        : RomanClasses.read(written.get(0) + " or below", top).stream()
                        .filter(k -> sign.equals("≤") || !k.equals(written.get(0))).toList();
            }
            return classes.isEmpty() ? null : new ClassRule(c.id(), classes,
                    window(clause, Window.past(12, org.stroma.protocol.TimeUnit.MONTH), c, true));
        }
        // a time is a threshold only of what is measured in time ("gestational age < 37 weeks")
        boolean inTime = Units.known(c.unit()) && Units.convert(1, "wk", c.unit(), c) != null;
        Threshold threshold = Threshold.read(after, before, inTime);
        if (threshold == null && "{score}".equals(c.unit())) {
            threshold = Threshold.grades(after);
        }
        if (threshold == null && mayBorrow) {
            threshold = borrowedThreshold(clause);
            if (threshold != null) {
                assumptions.add(c.label() + ": the threshold written for the measurement after it");
            }
        }
        if (threshold == null) {
            return null;
        }
        Attestation asked = new Attestation(question(clauses.get(clause).text()));
        // "HbA1c = 9 %": an equals sign alone is a ≤ or a ≥ the text lost, and which is not known
        if (threshold.equality()) {
            return asked;
        }
        if (threshold.supposed() != null) {
            assumptions.add(c.label() + ": " + threshold.supposed());
        }
        ThresholdSequel sequel = ThresholdSequel.read(threshold.rest());
        String written = threshold.unit();
        if (written == null && !threshold.timesUln() && sequel.next() != null && sequel.next().unit() != null) {
            // "< 3.5 or > 5.1 mEq/L": one unit written after both bounds, as in "between 3.5 and 5.1 mEq/L"
            written = sequel.next().unit();
            assumptions.add(c.label() + ": the unit written after the second bound read for both");
        }
        String unit = threshold.timesUln() ? null : ThresholdUnits.unit(written, c);
        if (!threshold.timesUln() && (written == null || written.isBlank()) && sequel.next() == null
                && !ThresholdUnits.believable(threshold.interval(), unit, c)
                && ThresholdUnits.believable(threshold.interval(), ThresholdUnits.THOUSAND_MILLIONS_PER_LITRE, c)) {
            // "platelets < 75", "WBC < 3.5": a count too small to be one per µL can only be one in 10^9 per litre
            unit = ThresholdUnits.THOUSAND_MILLIONS_PER_LITRE;
        }
        if (!threshold.timesUln() && unit != null && !unit.equalsIgnoreCase(String.valueOf(written))
                && !unit.equalsIgnoreCase("/" + written) && Units.known(unit) && !unit.startsWith("{")
                && !unit.equals("%")) {
            // a word after the number ("> 2 within …") is no unit: none was written
            assumptions.add(c.label() + ": no unit written, read in " + unit);
        }
        if (unit != null && Units.byConvention(unit, c.unit())) {
            assumptions.add(c.label() + ": " + unit + " read as " + c.unit());
        }
        Interval interval = threshold.interval();
        if (!threshold.timesUln() && (written == null || written.isBlank()) && sequel.next() == null && "%".equals(c.unit())
                && !ThresholdUnits.believable(interval, unit, c) && ThresholdUnits.believable(percent(interval), unit, c)) {
            // "LVEF < 0.40", "FEV1/FVC < 0.7": a fraction, where a per cent that small cannot be
            interval = percent(interval);
            assumptions.add(c.label() + ": a fraction read as a per cent");
        }
        if (!threshold.timesUln() && !ThresholdUnits.believable(interval, unit, c)) {
            return asked;
        }
        MeasurementRule first = measurement(c, interval, unit, threshold.timesUln(), clause);
        Rule rule = withSequel(first, threshold, sequel, c, clause);
        return rule == null ? asked : rule;
    }

    private static Interval percent(Interval fraction) {
        return new Interval(fraction.low() == null ? null : fraction.low() * 100, fraction.lowInclusive(),
                fraction.high() == null ? null : fraction.high() * 100, fraction.highInclusive());
    }

    /**
     * Words that ask more of a measurement than one value: repeated readings, values under a treatment, a limit for
     * one population ("> 27.5 kg/m2 (South Asian)").
     */
    private static final Pattern ASKS_MORE_OF_A_MEASUREMENT = Pattern.compile("(?i)\\b(?:on|in|at|over)\\s+(?:at least\\s+)?"
            + "\\d+\\s+(?:\\w+\\s+)?(?:occasions|measurements|readings|visits|determinations|samples|tests)\\b"
            + "|\\b(?:consecutive|repeated(?:ly)?|persistent(?:ly)?|sustained|despite)\\b"
            // a value reached without help: "Hb ≥ 10 g/dL without transfusional support or growth factor use"
            + "|\\b(?:without|independent of|free of)\\s+(?:\\w+\\s+){0,2}?(?:transfusion\\w*|growth factors?|g-?csf"
            + "|erythropoie\\w*|epoetin|support)\\b|\\btransfusion[- ]independen\\w*"
            + "|\\b(?:measured|recorded|confirmed|obtained|taken)\\s+(?:at least\\s+)?(?:twice|(?:2|3|two|three) times)\\b"
            + "|\\((?:for\\s+|in\\s+)?(?:south\\s+|east\\s+|southeast\\s+)?(?:asian|african|caucasian|black|white|hispanic"
            + "|latin[oa]|chinese|japanese|indian)s?\\b[^)]*\\)");
    /** How a sample was taken: "fasting triglycerides", "stimulated C-peptide", "trough level". */
    private static final Pattern SAMPLING = Pattern.compile("(?i)\\b(?:non-?)?fasting\\b|\\bstimulated\\b"
            + "|\\bpost-?prandial\\b|\\btrough\\b|\\bpeak\\b");
    private static final Pattern ON_SUPPORT = Pattern.compile("(?i)\\bon\\s+(?:optimal|maximal|maximum|stable)\\s+"
            + "(?:\\w+\\s+)?(?:therapy|treatment|regimen|doses?|support)\\b");

    /** A comparison and its number, and the unit of time after it: "&lt; 1500", "&lt; 12 years". */
    private static final String TIME_UNIT = "(hour|hr|day|week|month|year|yr)s?\\b";
    private static final Pattern COMPARED_NUMBER = Pattern.compile("[<>≤≥]\\s*(\\d+(?:\\.\\d+)?)(?:\\s*" + TIME_UNIT + ")?");
    /** A window as a rule prints it: "within 12 months", "next 6 weeks". */
    private static final Pattern WINDOW = Pattern.compile("\\b(?:within|next)\\s+(\\d+(?:\\.\\d+)?)\\s*" + TIME_UNIT);
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    /**
     * Whether the clause compares a number its rule does not hold: a limit no reader took. A rule may hold a limit in
     * another form — a count one further ("no more than 2 relapses" as not ≥ 3), a fraction as a percentage
     * ("hematocrit &lt; 0.30" as 30 %), a class by its numeral ("ASA &gt; 3" as IV to VI) — which counts as read. A
     * time is read by a window in its own unit: the last 12 months every measurement is looked for in do not read
     * "&lt; 12 years of education".
     */
    private static boolean comparisonUnread(String t, Rule rule) {
        if (holds(rule, ClassRule.class)) {
            return false;
        }
        boolean counts = holds(rule, EventCountRule.class);
        Set<String> windows = new java.util.HashSet<>();
        Set<Double> inWindows = new java.util.HashSet<>();
        Matcher w = WINDOW.matcher(rule.ruleText());
        while (w.find()) {
            double v = Double.parseDouble(w.group(1));
            windows.add(v + " " + timeUnit(w.group(2)));
            inWindows.add(v);
        }
        Set<Double> used = new java.util.HashSet<>();
        Matcher n = NUMBER.matcher(WINDOW.matcher(rule.ruleText()).replaceAll(" "));
        while (n.find()) {
            double v = Double.parseDouble(n.group());
            used.addAll(counts ? List.of(v, v - 1, v + 1) : List.of(v, v / 100));
        }
        Matcher m = COMPARED_NUMBER.matcher(t);
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            boolean read = used.contains(v) || (m.group(2) == null ? inWindows.contains(v)
                    : windows.contains(v + " " + timeUnit(m.group(2))));
            if (!read) {
                return true;
            }
        }
        return false;
    }

    private static String timeUnit(String word) {
        return switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "hr" -> "hour";
            case "yr" -> "year";
            default -> word.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Whether the rule, or a part of it, is of the kind. */
    static boolean holds(Rule rule, Class<? extends Rule> kind) {
        return kind.isInstance(rule) || rule instanceof Not not && holds(not.rule(), kind)
                || rule instanceof AllOf all && all.rules().stream().anyMatch(r -> holds(r, kind))
                || rule instanceof AnyOf any && any.rules().stream().anyMatch(r -> holds(r, kind));
    }

    /**
     * Whether the clause says how the sample was taken outside the names it read: "fasting triglycerides &gt; 400 mg/dL"
     * is a fasting value, which the latest triglycerides on record need not be. A concept that is itself the fasting
     * value ("fasting plasma glucose") holds the word in its name.
     */
    private static boolean sampledApart(String t, int start, List<Mention> named) {
        Matcher m = SAMPLING.matcher(t);
        while (m.find()) {
            int at = start + m.start();
            if (named.stream().noneMatch(x -> x.start() <= at && at < x.end())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A limit on how many readings were so, before the measurement's name: "No more than one HIV-1 RNA ≥ 50", "not more
     * than 2 readings of SBP > 160" — not "ALT no more than 2.5 times ULN", the threshold itself.
     */
    private static final Pattern READINGS_COUNTED = Pattern.compile("(?i)(?:^\\W*|[.;:]\\s*)(?:there (?:should|must"
            + "|may) be\\s+)?(?:≤|(?:no|not) more than|at most)\\s*(?:one|two|three|four|five|\\d+)\\s+(?!(?:times?|x|×"
            + "|fold)\\b)[a-z]");
    /** A drug taken for longer than a time: "received steroids > 1 month over the past year". */
    private static final Pattern DRUG_DURATION = Pattern.compile("(?i)^\\s*(?:\\([^)]*\\)\\s*)?(?:for\\s+)?[<>≤≥]\\s*\\d+\\s*"
            + "(?:days?|weeks?|months?|years?)\\b(?!\\s*(?:ago|before|prior|earlier|since))");
    /** A list of causes: "AF secondary to electrolyte imbalance, thyroid disease, or …". */
    private static final Pattern CAUSE_LIST = Pattern.compile("(?i)\\b(?:due to|caused by|secondary to|because of"
            + "|attributable to|resulting from|as a result of)\\s+[^;.()]*$");

    private MeasurementRule measurement(Concept c, Interval interval, String unit, boolean timesUln, int clause) {
        EgfrEquation equation = null;
        if (c.derivedFrom() != null) {
            equation = text.toLowerCase(Locale.ROOT).contains("mdrd") ? EgfrEquation.MDRD
                    : text.toLowerCase(Locale.ROOT).contains("ckd-epi") ? EgfrEquation.CKD_EPI_2021 : null;
        }
        return new MeasurementRule(c.id(), interval, unit, timesUln,
                window(clause, Window.past(12, org.stroma.protocol.TimeUnit.MONTH), c, true), equation);
    }

    /**
     * The threshold with what follows it ({@link ThresholdSequel}); null when what follows cannot be placed (a second
     * bound in another unit, a sex for one bound only), and the clause is then asked.
     */
    private Rule withSequel(MeasurementRule first, Threshold threshold, ThresholdSequel sequel, Concept c, int clause) {
        if (sequel.alternative() != null) {
            ThresholdSequel.Alternative alt = sequel.alternative();
            String comparator = alt.comparator() != null ? alt.comparator() : threshold.comparator();
            if (comparator == null || !ThresholdUnits.sameUnit(first, alt.unit(), c)) {
                return null;
            }
            Interval other = Threshold.interval(comparator, alt.value());
            // a wider limit for some patients holds where the main one does not; a narrower one may fail where it holds
            if (Threshold.encloses(other, first.interval())) {
                return new AnyOf(List.of(first, new Attestation("is the patient one the other limit is for, and"
                        + " within it: " + alt.text() + "?")));
            }
            return Threshold.encloses(first.interval(), other) ? new AllOf(List.of(first, new Attestation("is the patient not"
                    + " one the other limit is for, or also within it: " + alt.text() + "?"))) : null;
        }
        ThresholdSequel.Bound next = sequel.next();
        if (next == null) {
            return sequel.sex() == null ? first : forOneSex(sequel.sex(), first);
        }
        if (!ThresholdUnits.sameUnit(first, next.unit(), c)) {
            return null;
        }
        MeasurementRule second = measurement(c, Threshold.interval(next.comparator(), next.value()), first.unit(),
                first.timesUln(), clause);
        if (sequel.sex() != null && next.sex() != null && sequel.sex() != next.sex()) {
            return new AnyOf(List.of(new AllOf(List.of(new SexRule(EnumSet.of(sequel.sex())), first)),
                    new AllOf(List.of(new SexRule(EnumSet.of(next.sex())), second))));
        }
        if (sequel.sex() != null || next.sex() != null) {
            return null;
        }
        if (next.either()) {
            return new AnyOf(List.of(first, second));
        }
        Interval both = Threshold.intersection(first.interval(), second.interval());
        if (both == null && kind == CriterionKind.EXCLUSION && apart(first.interval(), second.interval())) {
            // "BMI < 18 and > 35" excluded: no value is both, so the text can only mean outside the range (an
            // inclusion written so is more likely a range with its signs swapped, and is asked)
            assumptions.add(c.label() + ": bounds joined by \"and\" that no value meets both of, read as either");
            return new AnyOf(List.of(first, second));
        }
        return both == null ? null : measurement(c, both, first.unit(), first.timesUln(), clause);
    }

    /** Whether one interval lies wholly below the other, each open on its far side: "< 18" and "> 35". */
    private static boolean apart(Interval a, Interval b) {
        boolean aBelow = a.low() == null && a.high() != null && b.high() == null && b.low() != null && a.high() <= b.low();
        boolean bBelow = b.low() == null && b.high() != null && a.high() == null && a.low() != null && b.high() <= a.low();
        return aBelow || bBelow;
    }

    /**
     * A threshold for one sex only ("Hb ≥ 12 g/dL for women") binds that sex and leaves the other free: an inclusion
     * lets the other sex through, an exclusion does not exclude it.
     */
    private Rule forOneSex(AdministrativeSex sex, MeasurementRule threshold) {
        assumptions.add(threshold.concept() + ": a limit for " + sex.name().toLowerCase(Locale.ROOT)
                + " patients only; the others are not held to it");
        if (kind == CriterionKind.EXCLUSION) {
            return new AllOf(List.of(new SexRule(EnumSet.of(sex)), threshold));
        }
        AdministrativeSex other = sex == AdministrativeSex.FEMALE ? AdministrativeSex.MALE : AdministrativeSex.FEMALE;
        return new AnyOf(List.of(new SexRule(EnumSet.of(other)), threshold));
    }

    /**
     * "≥ 2 relapses", "> 1 relapse", "≤ 2 relapses", "< 3 relapses": a count of events in a window. A count rule says
     * "at least n"; at most n is not at least n + 1, so "no more than 2 relapses" never reads as "2 or more".
     */
    private static Rule count(String concept, String comparator, double value, Window w) {
        int whole = (int) Math.floor(value);
        return switch (comparator) {
            case ">" -> new EventCountRule(concept, whole + 1, w);
            case "≥" -> new EventCountRule(concept, Math.max(1, (int) Math.ceil(value)), w);
            case "<" -> new Not(new EventCountRule(concept, Math.max(1, (int) Math.ceil(value)), w));
            default -> new Not(new EventCountRule(concept, whole + 1, w));
        };
    }

    /** A test named after a disease: "HIV test results", "hepatitis B screening", "HIV testing". */
    private static final Pattern TEST_OF_IT = Pattern.compile("(?i)^\\W*(?:(?:antibody|antigen|rapid|viral load)\\s+)?"
            + "(?:tests?|testing|test results?|screening|serolog(?:y|ies))\\b");
    /**
     * A list that ends in test results: "platelet, tuberculosis, creatinine, and HIV test results reviewed" names the
     * tests, and a disease in it is no record that the patient has it ("… or abnormal liver function tests" is a list
     * of findings, not of tests).
     */
    private static final Pattern TESTS_AT_THE_END = Pattern.compile("(?i)\\btest results?\\b");
    /** A test's result said with it: "positive HIV test", "seropositive", "viral load detectable". */
    private static final Pattern POSITIVE_RESULT = Pattern.compile("(?i)\\b(?:positive|(?<!non-)(?<!non)reactive"
            + "|seropositive|detect(?:ed|able))\\b");
    private static final Pattern NEGATIVE_RESULT = Pattern.compile("(?i)\\b(?:negative|non-?reactive|seronegative"
            + "|undetect(?:ed|able))\\b");

    private Rule condition(Concept c, String name, String before, String after, int clause) {
        boolean resultBefore = POSITIVE_RESULT.matcher(before).find() || NEGATIVE_RESULT.matcher(before).find();
        String restOfTheSentence = text.substring(Math.min(text.length(), text.indexOf(name) + name.length()))
                .replaceAll("[.;].*$", "");
        boolean listOfTests = restOfTheSentence.contains(",") && TESTS_AT_THE_END.matcher(restOfTheSentence).find();
        if ((TEST_OF_IT.matcher(after).find() || listOfTests) && !resultBefore && (!POSITIVE_RESULT.matcher(after).find()
                || NEGATIVE_RESULT.matcher(after).find())) {
            // "HIV test results reviewed by the transplant center", "pregnancy test … must be negative": a test whose
            // result the words do not give, or give after it as negative, is no record that the patient has the
            // disease ("positive HIV test" is; "negative HIV test" is read with its negation)
            return new Attestation(question(clauses.get(clause).text()));
        }
        if (INDICATION.matcher(before).find() && TREATED.matcher(text).find()) {
            // "biological therapy (omalizumab, mepolizumab) for asthma": the condition is what the drug was given for
            return new Attestation(question(clauses.get(clause).text()));
        }
        if (c.event()) {
            Matcher left = Threshold.LEFT_THRESHOLD.matcher(before);
            boolean counted = left.find();
            if (!counted && RECENT.matcher(before).find() && window(clause, null) == null) {
                // "recent myocardial infarction" with no time: records tell whether there was one, not whether it
                // is recent enough for the criterion
                return new AllOf(List.of(new ConditionRule(c.id(), Window.ever()),
                        new Attestation("is it recent, as the criterion means: recent " + name + "?")));
            }
            // an event named without a time counts at any time, unless the words say it is the present one
            Window w = window(clause, PRESENT_EVENT.matcher(before + name).find() ? Window.now() : Window.ever(), c,
                    true);
            if (counted) {
                return count(c.id(), left.group(1), Double.parseDouble(left.group(2)), w);
            }
            return qualified(asCause(narrowedAfter(new ConditionRule(c.id(), w), name, after), name, before), c, name,
                    before, after);
        }
        Rule rule = new ConditionRule(c.id(), window(clause, Window.now(), c, false));
        Offset since = TextWindows.elapsed(clauses.get(clause).text());
        Matcher duration = DURATION_AFTER.matcher(after);
        if (since != null) {
            // "heart failure diagnosed ≥ 6 months before screening": it has lasted that long
            rule = new AllOf(List.of(rule, new DurationRule(c.id(), Interval.atLeast(since.amount()), since.unit())));
        } else if (duration.find()) {
            rule = new AllOf(List.of(rule, new DurationRule(c.id(), Interval.atLeast(Double.parseDouble(duration.group(1))),
                    TextWindows.unit(duration.group(2)))));
        }
        return qualified(asCause(narrowedAfter(rule, name, after), name, before), c, name, before, after);
    }

    /**
     * A condition or an event with the words that qualify it asked: a severity ("severe hypoglycemia", "uncontrolled
     * hypertension"), a stage or class in brackets, or words before its name that narrow it ("metastatic breast").
     */
    private Rule qualified(Rule rule, Concept c, String name, String before, String after) {
        Matcher qualifier = Markers.QUALIFIER.matcher(before);
        // "(≥ 1 month of injury)", "(= 1 year)", "Grade II or higher", "stage 3": a degree, a kind or a time of it
        // (a list of examples, "(including seizures, …, head trauma (> 10 minutes))", is none of them)
        boolean severityInBrackets = after.matches("(?is)^\\s*\\((?!\\s*(?:including|such as|e\\.g\\.|i\\.e\\.|eg|ie|for example)\\b)"
                + "(?:[^()]*[<>≤≥=]|[^()]*\\b(?:stage|class|grade|category|score|type)\\b)[^()]*\\).*")
                || after.matches("(?is)^\\s*stages?\\s+(?:\\d|[ivx]+\\b).*")
                // "endometriosis III-IV stage": the stage written before its word
                || after.matches("(?is)^\\s*(?:[ivx]+|\\d)(?:\\s*(?:-|–|to|or|and|/)\\s*(?:[ivx]+|\\d))?\\s+(?:stages?"
                        + "|grades?|class(?:es)?)\\b.*")
                || after.matches("(?is)^\\s*(?:grades?|class(?:es)?|types?)\\s+(?:[ivx]+|\\d)\\b.*")
                // "mitral regurgitation moderate or greater": a degree said after the name
                || after.matches("(?is)^\\s*(?:of\\s+)?(?:mild|moderate|severe)(?:\\s+(?:or|to)\\s+"
                        + "(?:greater|more|higher|worse|above|severe|moderate))?\\b.*")
                // "aortic stenosis greater than mild", "regurgitation ≥ moderate"
                || after.matches("(?is)^\\s*(?:(?:greater|more|higher|worse) than|at least|[≥>])\\s*(?:trace|trivial"
                        + "|mild|moderate|severe)\\b.*");
        // "acute cholecystitis", "chronic pancreatitis": of a condition that is not an event, the course names a kind
        // (the other one is not meant), which the record's code may not tell
        Matcher courseBefore = COURSE.matcher(before);
        // "acute or chronic liver disease" names both courses, and neither is asked
        int at = text.indexOf(name);
        String wholeBefore = at > 0 ? text.substring(0, at) : before;
        String course = !c.event() && courseBefore.find() && !BOTH_COURSES.matcher(wholeBefore).find()
                ? courseBefore.group(1).toLowerCase(Locale.ROOT) + " " : "";
        if (qualifier.find() || severityInBrackets) {
            String said = qualifier.find(0) ? qualifier.group().trim().toLowerCase(Locale.ROOT) : "";
            String what = qualifier.find(0) ? said + " " + (said.endsWith(course.trim()) ? "" : course) + c.label()
                    : course + c.label() + " " + firstAside(after);
            rule = new AllOf(List.of(rule, new Attestation("is it " + what.trim() + "?")));
        } else {
            List<String> narrowing = UnreadModifiers.of(before);
            if (!narrowing.isEmpty() || !course.isEmpty()) {
                rule = new AllOf(List.of(rule, new Attestation("is it " + String.join(" ", narrowing)
                        + (narrowing.isEmpty() ? "" : " ") + course + name + "?")));
            }
        }
        return rule;
    }

    /** "Acute" or "chronic" right before a condition's name: which course of it is meant. */
    private static final Pattern COURSE = Pattern.compile("(?i)\\b(acute|chronic)\\s+$");
    private static final Pattern BOTH_COURSES = Pattern.compile("(?i)\\b(?:acute|chronic)\\s*(?:,|or|and/or|and|/)\\s*"
            + "(?:acute|chronic)\\s+$");
    /** Words before an event's name that make it the present one: "acute myocardial infarction", "current sepsis". */
    /** "recent" right before an event's name, which says no time. */
    private static final Pattern RECENT = Pattern.compile("(?i)\\brecent(?:ly)?\\s*$");
    private static final Pattern PRESENT_EVENT = Pattern.compile("(?i)\\b(?:acute|current(?:ly)?|recent|new|newly|ongoing|active"
            + "|septic)\\b(?:[\\s-]+[\\w-]+){0,4}\\s*$|\\bin\\s+[\\w-]+(?:\\s+[\\w-]+){0,2}\\s*$"); // "patient in sepsis"
    /** Words right before a condition's name that make it a cause: "coma due to", "secondary to". */
    private static final Pattern A_CAUSE = Pattern.compile("(?i)\\b(?:due to|caused by|secondary to|because of|attributable"
            + " to|resulting from|as a result of)\\s+(?:[\\w-]+\\s+){0,2}$");
    /** Words right after a condition's name that narrow it: its cause, its genotype, an episode of it. */
    private static final Pattern NARROWED_AFTER = Pattern.compile("(?i)^\\s*(?:[\\w-]+\\s+){0,3}?((?:due to|caused by|secondary to|related to|as"
            + " the (?:reason|cause) (?:for|of)|with genotype|genotype|exacerbations?|flares?|attacks?|crisis|crises"
            + "|who (?:have|has|had|experienced?|suffer(?:s|ed)? from)\\s+\\w+"
            // where it is ("osteoarthritis of the glenohumeral joint", "injury at or above L5") and how it is treated
            + "|of the\\s+\\w+|at or (?:above|below)|at the level|(?:above|below)\\s+(?:the\\s+)?(?:level\\s+(?:of\\s+)?)?[a-z]{0,2}\\d+"
            + "|with (?:current |ongoing |active )?(?:treatment|therapy))\\b"
            + "[^,;.()]*)");

    /**
     * "Sepsis due to organisms sensitive to colistin", "COPD exacerbation", "HCV infection with genotype 1": words after
     * the name make it narrower than the concept, and are asked.
     */
    private static Rule narrowedAfter(Rule rule, String name, String after) {
        Matcher m = NARROWED_AFTER.matcher(after);
        return m.find() ? new AllOf(List.of(rule, new Attestation("is it " + name + " " + after.substring(0, m.end())
                .strip() + "?"))) : rule;
    }

    /**
     * "Paralysis due to intracranial hemorrhage": a condition named as a cause is no criterion of its own; whether it
     * caused what the criterion names is asked.
     */
    /**
     * "AF secondary to electrolyte imbalance, thyroid disease, or …": a condition listed among the causes of what the
     * criterion names is asked whether it caused it, as the first of them is.
     */
    private Rule causeInAList(Rule rule, Mention m) {
        if (rule == null || rule.asksInvestigator()) {
            return rule;
        }
        String lead = text.substring(Math.max(0, m.start() - 100), m.start());
        return CAUSE_LIST.matcher(lead).find() ? asCause(rule, m.text(), "due to ") : rule;
    }

    private static Rule asCause(Rule rule, String name, String before) {
        return A_CAUSE.matcher(before).find() ? new AllOf(List.of(rule, new Attestation("did the " + name
                + " cause what the criterion names?"))) : rule;
    }

    /** What stands right after a name: its parenthesis ("(<1 cm²)"), or its words up to the next punctuation. */
    private static String firstAside(String after) {
        String a = after.trim();
        if (a.startsWith("(")) {
            int close = a.indexOf(')');
            return close > 0 ? a.substring(0, close + 1) : a;
        }
        return a.replaceAll("[,;.].*$", "").replaceAll("\\s+or\\s.*$", "");
    }

    private Rule medication(List<Mention> group, int clause, int end) {
        List<String> concepts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Mention m : group) {
            if (m.concept().kind() != ConceptKind.MEDICATION) {
                continue;
            }
            // a name the dictionary keeps as a stem is looked for as the stem: "mycophenolic acid" is filed as
            // "mycophenolate mofetil" too
            String name = m.concept().names().stream().map(n -> n.toLowerCase(Locale.ROOT))
                    .filter(n -> m.text().toLowerCase(Locale.ROOT).startsWith(n)).max(java.util.Comparator.comparingInt(
                            String::length)).orElse(m.text().toLowerCase(Locale.ROOT));
            // "levothyroxine" is one drug of its class (liothyronine is another): named, not the whole class
            boolean oneOfItsClass = m.concept().names().size() > 1 && m.concept().names().stream()
                    .anyMatch(n -> n.equalsIgnoreCase(m.text()));
            if ((m.drugName() || oneOfItsClass) && !names.contains(name)) {
                names.add(name);
            } else if (!m.drugName() && !concepts.contains(m.concept().id())) {
                concepts.add(m.concept().id());
            }
        }
        String clauseText = clauses.get(clause).text();
        Matcher exposure = EXPOSURE.matcher(clauseText);
        // "for ≥ 3 months" of a drug class is how long it was taken; a drug named only by name has no class to total,
        // and without its length the rule would take a single dose for the months asked: it is asked instead
        if (exposure.find()) {
            if (concepts.isEmpty() || exposure.group(1) == null && !names.isEmpty()) {
                return new Attestation(question(clauseText));
            }
            int g = exposure.group(1) != null ? 1 : 3;
            return new ExposureRule(concepts, new Offset(Double.parseDouble(exposure.group(g)),
                    TextWindows.unit(exposure.group(g + 1))));
        }
        Mention head = group.get(0);
        Matcher heading = HEADING.matcher(text.substring(head.end()));
        if (!head.drugName() && heading.lookingAt() && mentions.stream().anyMatch(m -> m.start() == head.end()
                + heading.end() - 1 && m.concept().kind() == ConceptKind.MEDICATION)) {
            // "Anticonvulsants: carbamazepine, phenytoin": a heading over the drugs it names (those that interact),
            // not every drug of the class; the drugs named are read, and whether another of the class counts is asked
            concepts.remove(head.concept().id());
            Attestation another = new Attestation(ANOTHER_OF_THE + head.text().toLowerCase(Locale.ROOT)
                    + " than those named?");
            return concepts.isEmpty() && names.isEmpty() ? another : new AnyOf(List.of(another, new MedicationRule(
                    concepts, names, window(clause, Window.now(), head.concept(), false))));
        }
        if (TO_BE_GIVEN.matcher(text.substring(Math.max(0, head.start() - 40), head.start())).find()) {
            // "indicated to receive liraglutide": the treatment the trial gives, not one the patient takes yet
            return new Attestation(question(clauseText));
        }
        if (WHAT_A_GERM_RESISTS.matcher(text.substring(Math.max(0, head.start() - 40), head.start())).find()) {
            // "organisms sensitive to colistin": the drug a germ yields to is no drug the patient takes
            return null;
        }
        if (YARDSTICK_BEFORE.matcher(text.substring(Math.max(0, head.start() - 50), head.start())).find()
                || YARDSTICK_AFTER.matcher(text.substring(head.end())).lookingAt()) {
            // "equivalent to > 20 mg per day of morphine", "prednisone-equivalent dose": the drug measures a dose of
            // any drug of its kind, and is no drug the patient must take
            return new Attestation(question(clauseText));
        }
        if (MEASURED_AFTER_A_DRUG.matcher(text.substring(Math.max(0, head.start() - 40), head.start())).find()) {
            // "post-albuterol/salbutamol FEV1": the drug names the time of a measurement, not a use to look for
            return new Attestation(question(clauseText));
        }
        int open = text.indexOf('(', head.end());
        if (open >= 0 && open - head.end() < 25 && text.substring(head.end(), open).matches("[\\s\\w-]*")) {
            int close = matching(open);
            String list = text.substring(open + 1, close).replaceAll("(?i)^\\s*(including|such as|e\\.g\\.,?)\\s*", "");
            // "(excl. codeine, tramadol)", "(current or planned)": no drugs of the class the criterion means
            String[] items = EXCLUDED_OR_WHEN.matcher(list).find() ? new String[0]
                    : list.split("\\s*(?:,|\\bor\\b|\\band\\b)\\s*");
            for (String item : items) {
                String name = item.trim().toLowerCase(Locale.ROOT);
                boolean isConcept = group.stream().anyMatch(m -> m.text().equalsIgnoreCase(item.trim()));
                // "(HIPEC)" after "hyperthermic intraperitoneal chemotherapy" is its abbreviation, not a drug's name
                boolean abbreviation = item.strip().matches("[A-Z][A-Z0-9-]{1,7}");
                if (!name.isEmpty() && name.length() > 3 && !isConcept && name.split("\\s+").length <= 3
                        && !names.contains(name) && !NOT_A_DRUG_NAME.matcher(name).find() && !abbreviation) {
                    names.add(name);
                }
            }
        }
        if (!timeGiven(clause) && group.stream().anyMatch(m -> m.concept().event())) {
            // a drug given on a day (a vaccine) is not taken "now": without a time, what the words mean is asked
            return new Attestation(question(clauseText));
        }
        Rule taken = new MedicationRule(concepts, names, window(clause, Window.now(), group.get(0).concept(), false));
        boolean counted = DRUGS_COUNTED.matcher(text.substring(Math.max(0, head.start() - 30), head.start())).find();
        Attestation narrower = COURSES.matcher(clauseText).find() || counted ? new Attestation(question(clauseText))
                : narrowerUse(head);
        if (narrower != null) {
            taken = new AllOf(List.of(taken, narrower));
        }
        // "prednisone > 15 mg/day": records hold that a drug was taken, not how much; the dose is asked, never dropped
        Matcher dose = DOSE.matcher(clauseText);
        return dose.find() ? new AllOf(List.of(taken, new Attestation("at the dose written: " + dose.group().strip()
                + "?"))) : taken;
    }

    /** The question a class's heading leaves beside the drugs it lists. */
    private static final String ANOTHER_OF_THE = "another of the ";

    /** A class's name before a colon: the heading of the drugs listed after it. */
    private static final Pattern HEADING = Pattern.compile("\\s*:\\s*\\S");

    /** "Indicated to receive", "scheduled to start", "candidates for": a treatment still to be given. */
    private static final Pattern TO_BE_GIVEN = Pattern.compile("(?i)\\b(?:indicated|scheduled|planned|eligible"
            + "|candidates?|referred|(?:will|to) be)\\s+(?:to|for)?\\s*(?:receive|start|begin|initiate"
            + "|undergo|be (?:given|treated with|started on))?\\s*(?:treatment with\\s+|therapy with\\s+)?$");

    /** "sensitive to", "resistant to": what a germ yields to or withstands. */
    private static final Pattern WHAT_A_GERM_RESISTS = Pattern.compile("(?i)\\b(?:sensitive|susceptible|resistant|resistance"
            + "|susceptibility)\\s+(?:to|against)\\s+(?:[\\w-]+\\s+){0,2}$");

    /** "equivalent or equal to &gt; 20 mg per day of ": a drug named as the measure of a dose. */
    private static final Pattern YARDSTICK_BEFORE = Pattern.compile("(?i)\\bequivalent\\b[^,;.()]*$");
    /** "prednisone equivalent", "prednisone-equivalent": the same, the drug first. */
    private static final Pattern YARDSTICK_AFTER = Pattern.compile("(?i)[\\s-]*equivalents?\\b");

    /** "post-albuterol/", "pre-bronchodilator ": a drug that says when a measurement is taken. */
    private static final Pattern MEASURED_AFTER_A_DRUG = Pattern.compile("(?i)\\b(?:pre|post)-?[\\w-]*\\s*/\\s*$|\\b(?:pre|post)[- ]$");

    /** How many drugs of a class: "three or more anti-hypertensive drugs", "≥ 2 antiepileptics", which one record does not show. */
    private static final Pattern DRUGS_COUNTED = Pattern.compile("(?i)(?:[<>≤≥]\\s*)?\\b\\d+\\s+(?:or more\\s+|different\\s+"
            + "|other\\s+|classes?\\s+of\\s+|kinds?\\s+of\\s+)*$");

    /** How many courses: "more than 2 systemic chemotherapy regimens", which records of use do not count. */
    private static final Pattern COURSES = Pattern.compile("(?i)(?:[<>≤≥]|\\bat least|\\bmore than)\\s*\\d+\\s+(?:[\\w-]+\\s+)"
            + "{0,3}(?:regimens?|courses?|cycles?|lines?)\\b");
    /** How long or how regularly a drug is taken, said before its name: "chronic administration of", "long-term use". */
    private static final Pattern REGULAR_USE = Pattern.compile("(?i)\\b(?:chronic|long[- ]term|regular|prolonged|continuous"
            + "|maintenance|daily|habitual)\\s+(?:\\([^)]*\\)\\s*)?(?:(?:use|administration|treatment|therapy|intake|dosing"
            + "|users?)\\s+(?:\\([^)]*\\)\\s*)?(?:of|with)\\s+)?(?:\\w+\\s+){0,2}$");
    /** Words that narrow a drug class beyond what records hold of it: "strong opiates", "chronic" use, "IV" antibiotics. */
    private static final Set<String> NARROWING_A_DRUG = Set.of("chronic", "strong", "weak", "potent", "high-dose",
            "low-dose", "long-term", "regular", "daily", "prolonged", "iv", "i.v.", "parenteral");

    /**
     * "Strong opiates", "systemic corticosteroids", "chronic administration (more than 14 days) of
     * immunosuppressants": words before a drug that records of its use do not decide are asked beside the rule.
     */
    private Attestation narrowerUse(Mention head) {
        String before = text.substring(Math.max(0, head.start() - 60), head.start());
        List<String> words = new ArrayList<>(UnreadModifiers.of(before));
        String phrase = before.toLowerCase(Locale.ROOT);
        for (String w : NARROWING_A_DRUG) {
            if (phrase.matches("(?s).*\\b" + Pattern.quote(w) + "\\s+$") && !words.contains(w)) {
                words.add(w);
            }
        }
        Matcher regular = REGULAR_USE.matcher(before);
        if (words.isEmpty() && !regular.find()) {
            return null;
        }
        String what = words.isEmpty() ? regular.group().strip() + " " + head.text() : String.join(" ", words) + " "
                + head.text();
        return new Attestation("is it " + what.replaceAll("\\s+", " ") + "?");
    }

    /** A dose, with its comparison if written: "> 15 mg/day", "≥ 1000 mg daily", "10 mg/kg". */
    private static final Pattern DOSE = Pattern.compile("(?:[<>≤≥]\\s*)?\\d+(?:\\.\\d+)?\\s*(?:mg|mcg|µg|μg|g|IU|units?)"
            + "(?:\\s*/\\s*(?:day|d|kg|week|wk|m2|m²|dose)|\\s+(?:daily|per day|a day|weekly))?\\b", Pattern.CASE_INSENSITIVE);
    /**
     * What a parenthesis after a drug class lists besides drugs: how it is given ("oral", "topical", "injectable"), a
     * dose ("≤ 10 mg/d"), a connective ("i.e.", "etc."), a time.
     */
    private static final Pattern NOT_A_DRUG_NAME = Pattern.compile("\\d|[<>≤≥=%/]|^(?:oral(?:ly)?|topical|systemic"
            + "|inhaled|inhalations?|intravenous|iv|intramuscular|subcutaneous|injectables?|injections?|tablets?"
            + "|capsules?|suspensions?|solutions?|infusions?|creams?|ointments?|drops|patch(?:es)?|nasal|local"
            + "|equivalents?|i\\.e\\.?|e\\.g\\.?|etc\\.?|current(?:ly)?|any|other|others|all|the like|similar|if applicable"
            + "|prior|previous|chronic|acute|daily|high[- ]dose|low[- ]dose|frequency|doses?|dosage|duration|route)$",
            Pattern.CASE_INSENSITIVE);
    /** A parenthesis after a drug class that excepts drugs or says when, rather than naming drugs of the class. */
    private static final Pattern EXCLUDED_OR_WHEN = Pattern.compile("(?i)^\\s*(?:excl\\.?|excluding|except|other than|not|"
            + "current|planned|ongoing|previous|prior)\\b");

    private int matching(int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '(') {
                depth++;
            } else if (text.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    /** "AST and ALT > 3 × ULN": a measurement without its own threshold takes the next one the criterion gives. */
    private Threshold borrowedThreshold(int clause) {
        if (clause + 1 < clauses.size() && clauses.get(clause + 1).before() == Connective.DEFINES) {
            // "prolonged QTc on electrocardiogram, defined as > 470 ms": the definition is the measurement's threshold
            Threshold defined = Threshold.read(clauses.get(clause + 1).text(), "");
            if (defined != null && clauses.get(clause + 1).text().matches("^\\s*[<>≤≥].*")) {
                return defined;
            }
        }
        for (int j = clause + 1; j < clauses.size(); j++) {
            Clause next = clauses.get(j);
            for (Mention m : mentions) {
                if (m.concept().kind() == ConceptKind.OBSERVATION && m.start() >= next.start()
                        && m.end() <= next.start() + next.text().length()) {
                    // only as far as that clause: what follows it ("and creatinine ≤ 1.5 mg/dL") is not this threshold's
                    String after = text.substring(m.end(), Math.min(next.start() + next.text().length(), m.end() + 70));
                    Threshold t = Threshold.read(after, "");
                    if (t != null) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    /** Whether the criterion says when, for this clause: its own time, or one its list shares. */
    private boolean timeGiven(int clause) {
        return ownWindows[clause] != null || laterSpan[clause] != null || earlierSpan[clause] != null;
    }

    /** "premorbid", "pre-injury": a value from another time than the patient's records hold. */
    private static final Pattern ANOTHER_TIMES_VALUE = Pattern.compile("(?i)\\bpre-?(?:morbid|injury|illness|stroke)\\s*$");

    /** The clause's own window; else one the criterion states elsewhere (later clauses first); else the default. */
    private Window window(int clause, Window fallback) {
        // "history of alcohol abuse or other substance abuse within the last year": the time is the list's
        if (ownWindows[clause] != null && (ownWindows[clause].kind() != Window.Kind.EVER || laterSpan[clause] == null)) {
            return ownWindows[clause];
        }
        if (laterSpan[clause] != null) {
            return laterSpan[clause];
        }
        return earlierSpan[clause] != null ? earlierSpan[clause] : fallback;
    }

    /**
     * The window of a concept's rule, with what was supposed to find it noted: hours counted as days, and — when
     * {@code defaultIsAChoice}, as Stroma's 12 months for a measurement or "at any time" for a procedure are — the
     * default taken where the criterion gives no time. A time shared by a list ("ACS or MI during the last 3 months")
     * is the words' own and is not noted; "now" for a condition or a drug named in the present tense neither.
     */
    private Window window(int clause, Window fallback, Concept c, boolean defaultIsAChoice) {
        Window w = window(clause, fallback);
        if (w == fallback && defaultIsAChoice) {
            assumptions.add(c.label() + ": no time given, counted " + w.describe());
        }
        if (w.span() != null && (w.span().unit() == org.stroma.protocol.TimeUnit.HOUR
                || w.span().unit() == org.stroma.protocol.TimeUnit.MINUTE)) {
            assumptions.add("a time in hours counts whole days, since records hold dates");
        }
        return w;
    }

    private static String question(String clause) {
        String q = clause.replaceAll("[,;:.]+$", "").trim();
        return q.isEmpty() ? clause : q;
    }

    CriterionKind kind() {
        return kind;
    }
}
