package org.stroma.trial.eligibility.rule;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Offset;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.measure.EgfrEquation;
import org.stroma.trial.patient.AdministrativeSex;

/**
 * Reads the rule language a study team writes in the protocol file, the same language {@link Rule#ruleText} writes:
 *
 * <pre>
 * all(condition rrms now, exposure ms_disease_modifying &gt;= 1 year, any(ref I4.1, ref I4.2))
 * measure lvef &lt;= 45 % within 12 months        measure ast &gt; 3 x uln within 12 months
 * measure egfr &lt; 30 mL/min/1.73m2 by MDRD within 12 months
 * class nyha in II,III,IV within 12 months     count ms_relapse &gt;= 2 within 24 months
 * condition myocardial_infarction within 3 months   procedure revascularization next 30 days
 * medication corticosteroid within 30 days     medication immunosuppressant named "colchicine" now
 * allergy antibiotic named "latex"
 * age 18..75     sex female     duration ms 2..10 years     attest "candidate for revascularization?"
 * increase edss within 12 months: 1 if &lt;= 5; 0.5 if &gt;= 5.5
 * </pre>
 *
 * A mistake is a {@link RuleSyntaxException} that says where and what.
 */
public final class RuleParser {
    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern INTERVAL = Pattern.compile(
            "^(?:(>=|>)" + NUM + "\\.\\.(<=|<)" + NUM + "|(>=|>|<=|<)\\s*" + NUM + "|" + NUM + "\\.\\." + NUM + ")");
    private static final Pattern WINDOW = Pattern.compile(
            "(ever|now|(?:within|next)\\s+" + NUM + "\\s+(minutes?|hours?|days?|weeks?|months?|years?))\\s*$");

    private final String text;

    private RuleParser(String text) {
        this.text = text;
    }

    public static Rule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RuleSyntaxException(text, 0, "the rule is empty");
        }
        return new RuleParser(text.trim()).expression(0, text.trim().length());
    }

    private Rule expression(int from, int to) {
        String s = text.substring(from, to).trim();
        int offset = from + text.substring(from, to).indexOf(s);
        Matcher group = Pattern.compile("^(all|any|not)\\s*\\(").matcher(s);
        if (group.find()) {
            if (!s.endsWith(")")) {
                throw new RuleSyntaxException(text, offset + s.length(), "a ')' is missing");
            }
            List<int[]> parts = split(offset + group.end(), offset + s.length() - 1);
            List<Rule> rules = new ArrayList<>();
            for (int[] p : parts) {
                rules.add(expression(p[0], p[1]));
            }
            return switch (group.group(1)) {
                case "all" -> new AllOf(rules);
                case "any" -> new AnyOf(rules);
                default -> {
                    if (rules.size() != 1) {
                        throw new RuleSyntaxException(text, offset, "not(…) takes one rule, not " + rules.size());
                    }
                    yield new Not(rules.get(0));
                }
            };
        }
        return atom(s, offset);
    }

    /** The top-level comma-separated parts of text[from, to), minding parentheses and quotes. */
    private List<int[]> split(int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',' && !insideList(i)) {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (quoted) {
            throw new RuleSyntaxException(text, to, "a closing '\"' is missing");
        }
        if (depth != 0) {
            throw new RuleSyntaxException(text, to, "the parentheses do not balance");
        }
        parts.add(new int[] {start, to});
        return parts;
    }

    /** A comma inside an atom's own list ("in II,III", "sex female,male", "medication a,b"): no space after it. */
    private boolean insideList(int comma) {
        return comma + 1 < text.length() && text.charAt(comma + 1) != ' ' && comma > 0 && text.charAt(comma - 1) != ' ';
    }

    private Rule atom(String s, int at) {
        String[] head = s.split("\\s+", 2);
        String rest = head.length > 1 ? head[1].trim() : "";
        try {
            return switch (head[0].toLowerCase(Locale.ROOT)) {
                case "age" -> age(rest, at);
                case "sex" -> sex(rest, at);
                case "measure" -> measure(rest, at);
                case "class" -> classRule(rest, at);
                case "condition" -> new ConditionRule(word(rest, at), window(after(rest), at));
                case "procedure" -> new ProcedureRule(word(rest, at), window(after(rest), at));
                case "count" -> count(rest, at);
                case "medication" -> medication(rest, at);
                case "allergy" -> allergy(rest, at);
                case "exposure" -> exposure(rest, at);
                case "duration" -> duration(rest, at);
                case "increase" -> increase(rest, at);
                case "attest" -> new Attestation(quoted(rest, at));
                case "ref" -> new CriterionRef(word(rest, at));
                default -> throw new RuleSyntaxException(text, at, "unknown rule '" + head[0]
                        + "'; expected all, any, not, age, sex, measure, class, condition, procedure, count,"
                        + " medication, allergy, exposure, duration, increase, attest or ref");
            };
        } catch (NumberFormatException e) {
            throw new RuleSyntaxException(text, at, "'" + s + "' has a number that is not one");
        }
    }

    private Rule sex(String rest, int at) {
        Set<AdministrativeSex> allowed = EnumSet.noneOf(AdministrativeSex.class);
        for (String s : rest.split(",")) {
            try {
                allowed.add(AdministrativeSex.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new RuleSyntaxException(text, at, "'" + s.trim() + "' is not a sex; use female, male, other");
            }
        }
        return new SexRule(allowed);
    }

    private Rule measure(String rest, int at) {
        String concept = word(rest, at);
        String afterConcept = after(rest);
        Interval interval = interval(afterConcept, at);
        String tail = afterConcept.substring(intervalLength(afterConcept)).trim();
        Matcher w = WINDOW.matcher(tail);
        if (!w.find()) {
            throw new RuleSyntaxException(text, at, "a measure rule ends with its window: ever, now, within N months");
        }
        Window window = window(w.group(1), at);
        String middle = tail.substring(0, w.start()).trim();
        EgfrEquation equation = null;
        Matcher by = Pattern.compile("\\bby\\s+(\\w+)$").matcher(middle);
        if (by.find()) {
            try {
                equation = EgfrEquation.valueOf(by.group(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RuleSyntaxException(text, at, "'" + by.group(1) + "' is not an eGFR equation; use MDRD or"
                        + " CKD_EPI_2021");
            }
            middle = middle.substring(0, by.start()).trim();
        }
        boolean uln = middle.equalsIgnoreCase("x uln");
        return new MeasurementRule(concept, interval, uln ? null : middle, uln, window, equation);
    }

    private Rule classRule(String rest, int at) {
        Matcher m = Pattern.compile("^(\\S+)\\s+in\\s+(\\S+)\\s+(.*)$").matcher(rest);
        if (!m.matches()) {
            throw new RuleSyntaxException(text, at, "write a class rule as: class nyha in II,III within 12 months");
        }
        return new ClassRule(m.group(1), List.of(m.group(2).split(",")), window(m.group(3), at));
    }

    private Rule count(String rest, int at) {
        Matcher m = Pattern.compile("^(\\S+)\\s+>=\\s*(\\d+)\\s+(.*)$").matcher(rest);
        if (!m.matches()) {
            throw new RuleSyntaxException(text, at, "write a count rule as: count ms_relapse >= 2 within 24 months");
        }
        return new EventCountRule(m.group(1), Integer.parseInt(m.group(2)), window(m.group(3), at));
    }

    private Rule medication(String rest, int at) {
        Matcher w = WINDOW.matcher(rest);
        if (!w.find()) {
            throw new RuleSyntaxException(text, at, "a medication rule ends with its window: now, within 30 days");
        }
        Named drugs = named(rest.substring(0, w.start()).trim(), at, "a medication rule names a drug class or a drug");
        return new MedicationRule(drugs.concepts(), drugs.names(), window(w.group(1), at));
    }

    private Rule allergy(String rest, int at) {
        if (WINDOW.matcher(rest).find()) {
            throw new RuleSyntaxException(text, at, "an allergy rule has no window: write it as allergy antibiotic"
                    + " named \"latex\"");
        }
        Named substances = named(rest, at, "an allergy rule names a drug class or a substance");
        return new AllergyRule(substances.concepts(), substances.names());
    }

    /** Drug classes and quoted names: "immunosuppressant,corticosteroid named \"colchicine\",\"hydrea\"". */
    private record Named(List<String> concepts, List<String> names) {
    }

    private Named named(String what, int at, String noneMessage) {
        List<String> names = new ArrayList<>();
        int named = what.indexOf("named ");
        if (named >= 0) {
            Matcher q = Pattern.compile("\"([^\"]+)\"").matcher(what.substring(named));
            while (q.find()) {
                names.add(q.group(1));
            }
            what = what.substring(0, named).trim();
        }
        List<String> concepts = what.isEmpty() ? List.of() : List.of(what.split(","));
        if (concepts.isEmpty() && names.isEmpty()) {
            throw new RuleSyntaxException(text, at, noneMessage);
        }
        return new Named(concepts, names);
    }

    private Rule exposure(String rest, int at) {
        Matcher m = Pattern.compile("^(\\S+)\\s+>=\\s*" + NUM + "\\s+(\\w+)$").matcher(rest);
        if (!m.matches()) {
            throw new RuleSyntaxException(text, at, "write an exposure rule as: exposure interferon_beta >= 1 year");
        }
        return new ExposureRule(List.of(m.group(1).split(",")), new Offset(Double.parseDouble(m.group(2)),
                unit(m.group(3), at)));
    }

    private Rule age(String rest, int at) {
        Interval limits = interval(rest, at);
        String written = rest.substring(intervalLength(rest)).trim();
        TimeUnit unit = written.isEmpty() ? TimeUnit.YEAR : unit(written, at);
        if (unit == TimeUnit.HOUR || unit == TimeUnit.MINUTE) {
            throw new RuleSyntaxException(text, at, "an age is counted in days, weeks, months or years, not " + written);
        }
        return new AgeRule(limits, unit);
    }

    private Rule duration(String rest, int at) {
        String concept = word(rest, at);
        String afterConcept = after(rest);
        Interval interval = interval(afterConcept, at);
        String unit = afterConcept.substring(intervalLength(afterConcept)).trim();
        return new DurationRule(concept, interval, unit(unit, at));
    }

    private Rule increase(String rest, int at) {
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new RuleSyntaxException(text, at, "write an increase rule as: increase edss within 12 months: 1 if"
                    + " <= 5; 0.5 if >= 5.5");
        }
        String concept = word(rest, at);
        Window window = window(after(rest.substring(0, colon)), at);
        List<IncreaseRule.Step> steps = new ArrayList<>();
        for (String step : rest.substring(colon + 1).split(";")) {
            Matcher m = Pattern.compile("^\\s*" + NUM + "\\s+if\\s+(.+)$").matcher(step);
            if (!m.matches()) {
                throw new RuleSyntaxException(text, at, "'" + step.trim() + "' is not a step such as '1 if <= 5'");
            }
            steps.add(new IncreaseRule.Step(Double.parseDouble(m.group(1)), interval(m.group(2).trim(), at)));
        }
        return new IncreaseRule(concept, steps, window);
    }

    private Interval interval(String s, int at) {
        if (s.trim().startsWith("any")) {
            return Interval.any();
        }
        Matcher m = INTERVAL.matcher(s.trim());
        if (!m.find()) {
            throw new RuleSyntaxException(text, at, "'" + s + "' does not start with a bound such as '>= 18', '< 45'"
                    + " or '18..75'");
        }
        if (m.group(1) != null) {
            return new Interval(Double.parseDouble(m.group(2)), m.group(1).equals(">="), Double.parseDouble(m.group(4)),
                    m.group(3).equals("<="));
        }
        if (m.group(5) != null) {
            double v = Double.parseDouble(m.group(6));
            return switch (m.group(5)) {
                case ">=" -> Interval.atLeast(v);
                case ">" -> Interval.above(v);
                case "<=" -> Interval.atMost(v);
                default -> Interval.below(v);
            };
        }
        return Interval.between(Double.parseDouble(m.group(7)), Double.parseDouble(m.group(8)));
    }

    private static int intervalLength(String s) {
        if (s.trim().startsWith("any")) {
            return s.indexOf("any") + 3;
        }
        Matcher m = INTERVAL.matcher(s.trim());
        return m.find() ? s.indexOf(s.trim()) + m.end() : 0;
    }

    private Window window(String s, int at) {
        String w = s.trim();
        if (w.equals("ever")) {
            return Window.ever();
        }
        if (w.equals("now")) {
            return Window.now();
        }
        Matcher m = Pattern.compile("^(within|next)\\s+" + NUM + "\\s+(\\w+)$").matcher(w);
        if (!m.matches()) {
            throw new RuleSyntaxException(text, at, "'" + w + "' is not a window; use ever, now, within 3 months or"
                    + " next 30 days");
        }
        Offset span = new Offset(Double.parseDouble(m.group(2)), unit(m.group(3), at));
        return m.group(1).equals("within") ? new Window(Window.Kind.PAST, span) : new Window(Window.Kind.NEXT, span);
    }

    private TimeUnit unit(String s, int at) {
        String u = s.toLowerCase(Locale.ROOT);
        for (TimeUnit unit : TimeUnit.values()) {
            String plural = unit.label();
            if (u.equals(plural) || u.equals(plural.substring(0, plural.length() - 1))) {
                return unit;
            }
        }
        throw new RuleSyntaxException(text, at, "'" + s + "' is not a time unit; use days, weeks, months or years");
    }

    private String word(String s, int at) {
        String w = s.trim().split("\\s+")[0];
        if (w.isEmpty()) {
            throw new RuleSyntaxException(text, at, "a concept name is missing");
        }
        return w;
    }

    private static String after(String s) {
        String[] parts = s.trim().split("\\s+", 2);
        return parts.length > 1 ? parts[1] : "";
    }

    private String quoted(String s, int at) {
        Matcher m = Pattern.compile("^\"(.*)\"$").matcher(s.trim());
        if (!m.matches()) {
            throw new RuleSyntaxException(text, at, "an attestation is a question in double quotes");
        }
        return m.group(1);
    }
}
