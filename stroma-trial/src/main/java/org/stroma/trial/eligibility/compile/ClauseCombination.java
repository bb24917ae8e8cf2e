package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.eligibility.rule.AllOf;
import org.stroma.trial.eligibility.rule.AnyOf;
import org.stroma.trial.eligibility.rule.Attestation;
import org.stroma.trial.eligibility.rule.ConditionRule;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.MedicationRule;
import org.stroma.trial.eligibility.rule.ProcedureRule;
import org.stroma.trial.eligibility.rule.Rule;

/**
 * How the rules of a criterion's clauses combine, by the connectives between them: semicolons separate items, a
 * bare comma takes the meaning of its list, "with" and "but" join most loosely, then "and", then "or"; exceptions
 * and definitions apart. The readings an exclusion needs ("pregnant and lactating women") are here too.
 */
final class ClauseCombination {
    private ClauseCombination() {
    }

    /**
     * Combines clause rules by their connectives. A bare comma takes the next explicit "and"/"or" of its list (or, with
     * none, "or" in an exclusion and "and" in an inclusion). "Except …" and "unless …" exclude the exceptions — checked
     * from records when they are other concepts, by the investigator when they narrow the same one; "as evidenced by
     * …" replaces what precedes by its evidence; "with" and "but" join most loosely, then "and", then "or".
     */
    static Rule combine(List<Clause> clauses, List<Rule> rules, CriterionKind kind) {
        int semicolon = -1;
        for (int i = 1; i < clauses.size() && semicolon < 0; i++) {
            semicolon = clauses.get(i).before() == Connective.SEMICOLON ? i : -1;
        }
        if (semicolon > 0) {
            // "poorly controlled hypertension; coronary heart disease; arrhythmia": items of their own, each excluding
            // in an exclusion and each required in an inclusion
            Rule first = combine(clauses.subList(0, semicolon), rules.subList(0, semicolon), kind);
            List<Clause> rest = new ArrayList<>(clauses.subList(semicolon, clauses.size()));
            rest.set(0, new Clause(rest.get(0).text(), rest.get(0).start(), Connective.FIRST));
            Rule second = combine(rest, rules.subList(semicolon, rules.size()), kind);
            List<Rule> both = java.util.stream.Stream.of(first, second).filter(java.util.Objects::nonNull).toList();
            // "MMSE 10-26; MMSE above 26 … may be allowed with approval": in an inclusion, an item that permits widens
            // what the items before it require
            boolean permits = kind == CriterionKind.INCLUSION && Markers.PERMISSION.matcher(words(rest)).find();
            return both.isEmpty() ? null : both.size() == 1 ? both.get(0)
                    : kind == CriterionKind.EXCLUSION || permits ? new AnyOf(both) : new AllOf(both);
        }
        List<Connective> joins = new ArrayList<>();
        for (Clause c : clauses) {
            joins.add(c.before());
        }
        for (int i = 0; i < joins.size(); i++) {
            if (joins.get(i) == Connective.LIST) {
                Connective next = kind == CriterionKind.EXCLUSION ? Connective.OR : Connective.AND;
                for (int j = i + 1; j < joins.size(); j++) {
                    Connective c = joins.get(j);
                    if (c == Connective.AND && kind == CriterionKind.EXCLUSION) {
                        // "diphtheria, tetanus, pertussis, and polio": a list that excludes names alternatives
                        joins.set(j, Connective.OR);
                        next = Connective.OR;
                        break;
                    }
                    if (c == Connective.AND || c == Connective.OR) {
                        next = c;
                        break;
                    }
                    if (c != Connective.LIST) {
                        break;
                    }
                }
                joins.set(i, next);
            }
        }
        int heading = kind == CriterionKind.EXCLUSION ? java.util.stream.IntStream.range(0, clauses.size())
                .filter(i -> ANY_OF_THESE.matcher(clauses.get(i).text()).find()).findFirst().orElse(-1) : -1;
        for (int i = heading + 1; heading >= 0 && i < joins.size(); i++) {
            // "any of the prohibited medications: MAO inhibitors and tricyclic antidepressants, and ritonavir": the
            // names after "any of" are alternatives, however they are joined (what stands before it is not)
            if (joins.get(i) == Connective.AND) {
                joins.set(i, Connective.OR);
            }
        }
        if (kind == CriterionKind.EXCLUSION && joins.contains(Connective.OR)) {
            // "pregnant and lactating women, women who plan to become pregnant, or …": in a list of alternatives that
            // excludes, two conditions joined by "and" are two more alternatives
            for (int i = 1; i < joins.size(); i++) {
                if (joins.get(i) == Connective.AND && rules.get(i - 1) instanceof ConditionRule
                        && rules.get(i) instanceof ConditionRule) {
                    joins.set(i, Connective.OR);
                }
            }
        }
        int except = java.util.stream.IntStream.range(0, joins.size()).filter(i -> joins.get(i) == Connective.EXCEPT
                || joins.get(i) == Connective.UNLESS).findFirst().orElse(-1);
        if (except >= 0) {
            Rule main = combine(clauses.subList(0, except), rules.subList(0, except), joins.subList(0, except));
            List<Rule> excepted = rules.subList(except, rules.size());
            Rule notExcepted;
            // a drug excepted from drugs ("any other anti-platelet agents except aspirin") narrows the class, which a
            // record of the drug does not undo
            boolean checkable = main != null && !Rules.concepts(main).isEmpty() && excepted.stream().allMatch(r -> r != null
                    && !r.asksInvestigator() && java.util.Collections.disjoint(Rules.concepts(r), Rules.concepts(main))
                    && !(ClauseReader.holds(r, MedicationRule.class) && ClauseReader.holds(main, MedicationRule.class)));
            String exceptions = String.join(", ", clauses.subList(except, clauses.size()).stream().map(Clause::text)
                    .toList());
            if (kind == CriterionKind.INCLUSION && joins.get(except) == Connective.UNLESS && main != null) {
                // "bilirubin ≤ 1.5 × ULN unless Gilbert's syndrome": in an inclusion the exception lifts the
                // requirement — met by the threshold or by the exception, never required not to be one
                return new AnyOf(List.of(main, checkable ? orAll(excepted) : new Attestation("an exception: " + exceptions)));
            }
            if (checkable) {
                // "INR > 1.5 unless on anticoagulants": an exception records can show is checked; one that only
                // narrows the same concept ("malignancy other than basal cell carcinoma"), or what only the
                // investigator names ("a sleep disorder other than insomnia"), needs the investigator
                notExcepted = new Not(orAll(excepted));
            } else {
                notExcepted = new Attestation("not an exception: " + exceptions);
            }
            return main == null ? notExcepted : new AllOf(List.of(main, notExcepted));
        }
        if (kind == CriterionKind.EXCLUSION && joins.equals(List.of(Connective.FIRST, Connective.AND))
                && rules.stream().allMatch(ClauseCombination::namedOnItsOwn)
                && rules.stream().anyMatch(r -> !(r instanceof Attestation))) {
            // "pregnant and lactating women", "chemotherapy and radiotherapy": either alone may be meant, or both; the
            // records decide where the two readings agree (neither, or both) and the investigator is asked where only
            // one is present
            return new AnyOf(List.of(new AllOf(rules), new AllOf(List.of(new AnyOf(rules), new Attestation(
                    "does either alone exclude (the criterion joins them with 'and')?")))));
        }
        return combine(clauses, rules, joins);
    }

    /** A heading that makes what follows it alternatives: "any of the prohibited medications:". */
    private static final Pattern ANY_OF_THESE = Pattern.compile("(?i)\\bany (?:one )?of (?:the |these )?[\\w ]{0,40}:");

    /** A qualifier that opens a criterion: "Significant leucopenia, neutropenia, thrombocytopenia or anemia". */
    private static final Pattern LEADING_QUALIFIER = Pattern.compile("(?i)^\\W*(?:\\d+[.)]\\s*)?(?:(?:patients?|subjects?)"
            + " (?:with|who have) |(?:a )?history (?:or presence )?of |presence (?:or history )?of |any )?((?:clinically )?(?:significant|severe|uncontrolled"
            + "|symptomatic|decompensated|poorly controlled)|recent(?= history of\\b)|active(?!\\s+or\\b))\\s+\\w");

    /**
     * "Significant leucopenia, neutropenia, thrombocytopenia, anemia": a qualifier of severity is said of every name in
     * the list it opens, so each condition after it is asked whether it is so, rather than any mild anaemia excluding.
     * "Active or chronic infection (including HIV …)" is not such a list: "active" says when, and opens no name.
     */
    static void qualifyTheList(List<Clause> clauses, List<Rule> rules) {
        qualifySharedNoun(clauses, rules);
        qualifyByTheLead(clauses, rules);
        qualifyByThePlace(clauses, rules);
        qualifyByThePlaceOfTheFirst(clauses, rules);
        qualifyTheAlternatives(clauses, rules);
        // "History or presence of significant cardiovascular, …": the qualifier opens the clause after "History or"
        int opening = clauses.size() > 1 && Markers.isFiller(clauses.get(0).text()) ? 1 : 0;
        Matcher qualifier = LEADING_QUALIFIER.matcher(clauses.get(opening).text());
        // "Active hepatitis A, B or C" opens its list with "active"; after "ongoing or", it is of the first name only
        if (!qualifier.find() || opening > 0 && qualifier.group(1).equalsIgnoreCase("active")) {
            return;
        }
        // "Recent history of myocardial infarction, …": "history of" reads the first name at any time, so "recent" is
        // asked of it too
        boolean recent = qualifier.group(1).equalsIgnoreCase("recent");
        for (int i = recent ? opening : opening + 1; i < clauses.size(); i++) {
            Connective join = clauses.get(i).before();
            if (i > opening && join != Connective.LIST && join != Connective.OR) {
                return;
            }
            if (rules.get(i) instanceof ConditionRule condition) {
                String named = i == opening ? clauses.get(i).text().substring(qualifier.end(1))
                        .replaceFirst("^\\s*history of\\s+", "") : clauses.get(i).text();
                rules.set(i, new AllOf(List.of(condition, new Attestation("is it " + qualifier.group(1).toLowerCase(
                        java.util.Locale.ROOT) + " " + named + "?"))));
            }
        }
    }

    /**
     * "…, active hepatitis B or C virus infection": a qualifier that opens a later item of a list is said of the names
     * joined to its first by "or", so each is asked it too.
     */
    private static void qualifyTheAlternatives(List<Clause> clauses, List<Rule> rules) {
        for (int i = 1; i < clauses.size() - 1; i++) {
            Matcher qualifier = LEADING_QUALIFIER.matcher(clauses.get(i).text());
            if (clauses.get(i).before() == Connective.OR || !qualifier.find()
                    || qualifier.group(1).equalsIgnoreCase("recent") || !(rules.get(i) instanceof AllOf)) {
                continue;
            }
            for (int j = i + 1; j < clauses.size() && clauses.get(j).before() == Connective.OR; j++) {
                if (rules.get(j) instanceof ConditionRule condition) {
                    rules.set(j, new AllOf(List.of(condition, new Attestation("is it " + qualifier.group(1)
                            .toLowerCase(java.util.Locale.ROOT) + " " + clauses.get(j).text().strip() + "?"))));
                }
            }
        }
    }

    /**
     * "Treatment with stable doses of ACE inhibitors, ARBs or anti-aldosterone agents", "Histologically confirmed
     * diagnosis of melanoma, breast cancer or gynecologic cancer": words before "of" that the first name was asked with
     * are said of every name of the list, so each later one is asked them too, rather than any use or any record
     * meeting the criterion.
     */
    private static void qualifyByTheLead(List<Clause> clauses, List<Rule> rules) {
        Matcher lead = LEAD_OF.matcher(clauses.get(0).text());
        if (!lead.find() || Markers.isFiller(lead.group(1)) || !(rules.get(0) instanceof AllOf first)
                || first.rules().stream().noneMatch(r -> r instanceof Attestation)) {
            return;
        }
        for (int i = 1; i < clauses.size() && listed(clauses.get(i)); i++) {
            if (rules.get(i) instanceof ConditionRule || rules.get(i) instanceof MedicationRule) {
                rules.set(i, new AllOf(List.of(rules.get(i), new Attestation("is it " + lead.group(1).strip() + " "
                        + clauses.get(i).text().strip() + "?"))));
            }
        }
    }

    /** The words of a clause up to its last "of": "Treatment with stable doses of". */
    /** Where a treatment was given, said after the last name of a list: "… or platelet-rich plasma to affected shoulder". */
    private static final Pattern PLACE_AT_THE_END = Pattern.compile("(?i)\\b(?:to|in|into|of|at|on)\\s+(?:the\\s+)?"
            + "(?:affected|index|target|study|same|treated|ipsilateral|contralateral|involved|injured|operated)\\s+\\w+.*$");

    /**
     * "Viscosupplementation or platelet-rich plasma to affected shoulder": the place a treatment was given, said after
     * the list's last name, is said of every treatment in it, so each earlier one is asked it too, rather than an
     * injection into the knee excluding.
     */
    private static void qualifyByThePlace(List<Clause> clauses, List<Rule> rules) {
        int last = clauses.size() - 1;
        Matcher place = PLACE_AT_THE_END.matcher(clauses.get(last).text());
        if (!place.find()) {
            return;
        }
        // back along the list: each name the next one is joined to by a comma or "or"
        for (int i = last - 1; i >= 0 && listed(clauses.get(i + 1)); i--) {
            if (rules.get(i) instanceof MedicationRule || rules.get(i) instanceof ProcedureRule) {
                rules.set(i, new AllOf(List.of(rules.get(i), new Attestation("is it " + clauses.get(i).text().strip()
                        + " " + place.group().strip() + "?"))));
            }
        }
    }

    /**
     * "History of neck surgery or radiotherapy": the place of the list's first treatment, which no concept read, is
     * said of the bare treatments after it, so each is asked it rather than radiotherapy of the breast excluding.
     */
    private static void qualifyByThePlaceOfTheFirst(List<Clause> clauses, List<Rule> rules) {
        Matcher place = PLACE_OF_A_TREATMENT.matcher(clauses.get(0).text());
        if (!(rules.get(0) instanceof Attestation) || !place.find() || Markers.isFiller(place.group(1))) {
            return;
        }
        for (int i = 1; i < clauses.size() && listed(clauses.get(i)); i++) {
            if (rules.get(i) instanceof ProcedureRule && clauses.get(i).text().strip().split("\\s+").length <= 2) {
                rules.set(i, new AllOf(List.of(rules.get(i), new Attestation("is it " + place.group(1).toLowerCase(
                        java.util.Locale.ROOT) + " " + clauses.get(i).text().strip() + "?"))));
            }
        }
    }

    /** A place before a treatment at the end of a clause: "neck surgery", "pelvic irradiation". */
    private static final Pattern PLACE_OF_A_TREATMENT = Pattern.compile("(?i)\\b([a-z][a-z-]+)\\s+(?:surgery|surgeries"
            + "|operations?|radiotherapy|radiation(?: therapy)?|irradiation|resections?)\\s*$");

    private static final Pattern LEAD_OF = Pattern.compile("(?i)^\\W*+(?:\\d+[.)]\\s*+)?(.*\\bof)\\s+\\S");

    /**
     * "decompensated cardiac, liver or kidney failure": fragments that share the noun of the name ending the list, the
     * first with a qualifier, qualify that name too ("is it decompensated kidney failure?").
     */
    private static void qualifySharedNoun(List<Clause> clauses, List<Rule> rules) {
        for (int i = 0; i < clauses.size(); i++) {
            Matcher qualifier = FRAGMENT_QUALIFIED.matcher(clauses.get(i).text());
            if (!(rules.get(i) instanceof Attestation) || !qualifier.find()) {
                continue;
            }
            int j = i + 1;
            while (j < clauses.size() && listed(clauses.get(j)) && rules.get(j) instanceof Attestation
                    && clauses.get(j).text().trim().split("\\s+").length <= 2) {
                j++;
            }
            if (j < clauses.size() && listed(clauses.get(j)) && rules.get(j) instanceof ConditionRule condition) {
                rules.set(j, new AllOf(List.of(condition, new Attestation("is it " + qualifier.group(1).toLowerCase(
                        java.util.Locale.ROOT) + " " + clauses.get(j).text() + "?"))));
            }
        }
    }

    /** A qualifier and one or two words naming nothing: "decompensated cardiac". */
    private static final Pattern FRAGMENT_QUALIFIED = Pattern.compile("(?i)^\\W*((?:clinically )?(?:significant|severe"
            + "|uncontrolled|symptomatic|decompensated|poorly controlled|end[- ]stage|acute|chronic))\\s+\\w+(?:\\s+\\w+)?\\W*$");

    private static boolean listed(Clause c) {
        return c.before() == Connective.LIST || c.before() == Connective.OR;
    }

    /** A condition, a drug or a procedure named on its own, or with what the investigator is asked of it. */
    private static boolean namedOnItsOwn(Rule rule) {
        if (aRecordedFact(rule)) {
            return true;
        }
        return rule instanceof AllOf all && aRecordedFact(all.rules().get(0))
                && all.rules().stream().skip(1).allMatch(r -> r instanceof Attestation)
                || rule instanceof Attestation a && TextWindows.strip(a.question()).trim().split("\\s+").length <= 3;
    }

    /** A condition, a drug or a procedure: "chemotherapy and radiotherapy" are two treatments, as two illnesses are. */
    private static boolean aRecordedFact(Rule rule) {
        return rule instanceof ConditionRule || rule instanceof MedicationRule || rule instanceof ProcedureRule;
    }

    private static Rule combine(List<Clause> clauses, List<Rule> rules, List<Connective> joins) {
        int defines = joins.indexOf(Connective.DEFINES);
        // the item a relative clause's definition is said of: "iron deficiency, which is" (or "iron deficiency" before
        // a clause "which is" of its own)
        String before = defines < 1 ? "" : clauses.get(defines - 1).text();
        int item = !RELATIVE_END.matcher(before).find() ? -1 : RELATIVE_END.matcher(before).lookingAt() ? defines - 2
                : defines - 1;
        if (item > 0) {
            // "NYHA class II or III, … and iron deficiency, which is defined as ferritin < 100 µg/l": the definition is
            // of the item it follows, not of the whole list
            List<Rule> items = new ArrayList<>(rules.subList(0, item));
            items.add(combine(clauses.subList(item, clauses.size()), rules.subList(item, rules.size()),
                    withFirst(joins.subList(item, joins.size()))));
            return combine(clauses.subList(0, item + 1), items, joins.subList(0, item + 1));
        }
        if (defines > 0) {
            Rule evidence = combine(clauses.subList(defines, clauses.size()), rules.subList(defines, rules.size()),
                    withFirst(joins.subList(defines, joins.size())));
            Rule defined = combine(clauses.subList(0, defines), rules.subList(0, defines), joins.subList(0, defines));
            if (evidence == null) {
                return defined;
            }
            if (CriteriaCompiler.onlyAttestations(evidence)) {
                // "hepatic dysfunction as defined by Child-Pugh class B or C": a definition no record decides still
                // narrows what it defines, so it is asked beside it, whole; "as evidenced by both:" only heads a list
                String definition = words(clauses.subList(defines, clauses.size()));
                return defined == null || LIST_HEADING.matcher(definition).matches() ? defined
                        : new AllOf(List.of(defined, new Attestation(definition)));
            }
            // "liver dysfunction, as evidenced by AST > 3 × ULN" is decided by the evidence; but what only the
            // investigator can say ("non-ischemic etiology confirmed by angiography") still needs saying
            return defined != null && CriteriaCompiler.onlyAttestations(defined) ? new AllOf(List.of(defined, evidence))
                    : evidence;
        }
        return split(rules, joins, EnumSet.of(Connective.WITH), r -> split(r.rules(), r.joins(),
                EnumSet.of(Connective.AND), s -> orAll(s.rules())));
    }

    /** "iron deficiency, which is": a clause that a definition after it is said of alone. */
    private static final Pattern RELATIVE_END = Pattern.compile(
            "(?i)\\b(?:which|that|who)\\s+(?:is|are|was|were)\\s*$");

    /** The words of clauses as written, with the "and" and "or" that join them: "Child-Pugh class B or C". */
    private static String words(List<Clause> clauses) {
        StringBuilder words = new StringBuilder(clauses.get(0).text().strip());
        for (Clause c : clauses.subList(1, clauses.size())) {
            words.append(switch (c.before()) {
                case OR -> " or ";
                case AND -> " and ";
                case WITH -> " with ";
                default -> ", ";
            }).append(c.text().strip());
        }
        return CriterionText.withoutTrailing(words.toString(), ",;:. ");
    }

    /** Words that only head the list after them: "both:", "either of the following", "one or more of these". */
    private static final Pattern LIST_HEADING = Pattern.compile("(?i)^\\W*(?:(?:both|either|all|any|(?:at least )?(?:one|two"
            + "|\\d+)(?: or more)?)\\s*)?(?:of\\s+)?(?:the\\s+)?(?:following|these|below|criteria|conditions)?\\W*$");

    private static List<Connective> withFirst(List<Connective> joins) {
        List<Connective> copy = new ArrayList<>(joins);
        copy.set(0, Connective.FIRST);
        return copy;
    }

    private record Part(List<Rule> rules, List<Connective> joins) {
    }

    /** Splits at the given connectives into parts, reads each part, and requires all of them. */
    private static Rule split(List<Rule> rules, List<Connective> joins, EnumSet<Connective> at,
            Function<Part, Rule> inner) {
        List<Rule> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= rules.size(); i++) {
            if (i == rules.size() || at.contains(joins.get(i))) {
                Rule part = inner.apply(new Part(rules.subList(start, i), joins.subList(start, i)));
                if (part != null) {
                    parts.add(part);
                }
                start = i;
            }
        }
        return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : new AllOf(parts);
    }

    private static Rule orAll(List<Rule> rules) {
        List<Rule> present = rules.stream().filter(r -> r != null).toList();
        return present.isEmpty() ? null : present.size() == 1 ? present.get(0) : new AnyOf(present);
    }
}
