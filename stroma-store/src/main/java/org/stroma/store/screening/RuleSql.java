package org.stroma.store.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.rule.AgeRule;
import org.stroma.trial.eligibility.rule.AllOf;
import org.stroma.trial.eligibility.rule.AllergyRule;
import org.stroma.trial.eligibility.rule.AnyOf;
import org.stroma.trial.eligibility.rule.Attestation;
import org.stroma.trial.eligibility.rule.ClassRule;
import org.stroma.trial.eligibility.rule.ConditionRule;
import org.stroma.trial.eligibility.rule.CriterionRef;
import org.stroma.trial.eligibility.rule.DurationRule;
import org.stroma.trial.eligibility.rule.EventCountRule;
import org.stroma.trial.eligibility.rule.ExposureRule;
import org.stroma.trial.eligibility.rule.IncreaseRule;
import org.stroma.trial.eligibility.rule.Interval;
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.eligibility.rule.MedicationRule;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.ProcedureRule;
import org.stroma.trial.eligibility.rule.Rule;
import org.stroma.trial.eligibility.rule.SexRule;
import org.stroma.trial.eligibility.rule.Window;
import org.stroma.trial.measure.EgfrEquation;
import org.stroma.trial.measure.Units;

/**
 * A rule as a SQL boolean expression over {@link FactTables}, for the patient {@code p}, on a screening date. SQL's
 * NULL is the rule's UNKNOWN, and SQL's AND, OR and NOT treat it as {@code Verdict} does, so a rule and its SQL give
 * the same verdict: the same latest value in the window, the same unit conversion and plausibility, the same windows.
 * Dates and the rule's constants are written into the SQL. Each kind of rule has its SQL in its own visitor method,
 * so a new kind of rule does not compile here until it has one.
 */
final class RuleSql implements Rule.Visitor<String> {
    private final ConceptDictionary dictionary;
    private final LocalDate date;
    private final String criterionId;
    private final Function<String, String> criteria;

    /**
     * @param criterionId the criterion whose attestation answers apply
     * @param criteria    the SQL of another criterion, for rules that refer to it
     */
    RuleSql(ConceptDictionary dictionary, LocalDate date, String criterionId, Function<String, String> criteria) {
        this.dictionary = dictionary;
        this.date = date;
        this.criterionId = criterionId;
        this.criteria = criteria;
    }

    String sql(Rule rule) {
        return rule.accept(this);
    }

    @Override
    public String allOf(AllOf rule) {
        return "(" + rule.rules().stream().map(this::sql).collect(Collectors.joining(" AND ")) + ")";
    }

    @Override
    public String anyOf(AnyOf rule) {
        return "(" + rule.rules().stream().map(this::sql).collect(Collectors.joining(" OR ")) + ")";
    }

    @Override
    public String not(Not rule) {
        return "(NOT " + sql(rule.rule()) + ")";
    }

    @Override
    public String sex(SexRule rule) {
        return "(CASE WHEN p.sex IS NULL OR p.sex = 'UNKNOWN' THEN NULL ELSE p.sex IN ("
                + rule.allowed().stream().map(s -> quote(s.name())).collect(Collectors.joining(", ")) + ") END)";
    }

    @Override
    public String classification(ClassRule rule) {
        return known(rule.concept()).map(concept -> "(SELECT upper(o.class) IN (" + rule.classes().stream()
                .map(x -> quote(x.toUpperCase(java.util.Locale.ROOT))).collect(Collectors.joining(", "))
                + ") FROM observation o WHERE " + latestIn(concept, rule.window()) + ")").orElse("NULL");
    }

    @Override
    public String condition(ConditionRule rule) {
        return known(rule.concept()).map(concept -> condition(concept, rule.window())).orElse("NULL");
    }

    @Override
    public String procedure(ProcedureRule rule) {
        return known(rule.concept()).map(concept -> procedure(concept, rule.window())).orElse("NULL");
    }

    @Override
    public String eventCount(EventCountRule rule) {
        return known(rule.concept()).map(concept -> "((SELECT count(*) FROM condition_fact c WHERE c.patient_id = p.id"
                + " AND c.concept = " + quote(concept.id()) + " AND NOT c.broader AND c.onset IS NOT NULL AND c.onset <= "
                + day(date)
                + (rule.window().kind() == Window.Kind.PAST ? " AND c.onset >= " + day(rule.window().bound(date)) : "")
                + ") >= " + rule.atLeast() + ")").orElse("NULL");
    }

    @Override
    public String attestation(Attestation rule) {
        return "(SELECT a.answer FROM attestation a WHERE a.patient_id = p.id AND a.criterion = "
                + quote(criterionId) + " LIMIT 1)";
    }

    @Override
    public String criterionRef(CriterionRef rule) {
        return criteria.apply(rule.criterionId());
    }

    private Optional<Concept> known(String id) {
        return dictionary.find(id);
    }

    @Override
    public String age(AgeRule rule) {
        return "(CASE WHEN p.birth_date IS NULL OR p.birth_date > " + day(date) + " OR "
                + completedAge(TimeUnit.YEAR, date) + " > 120 THEN NULL ELSE "
                + interval(completedAge(rule.unit(), date), rule.limits()) + " END)";
    }

    /**
     * The age of {@code p.birth_date} on a date in completed units, as {@code CompletedAge} counts it in Java: whole
     * calendar months and years by PostgreSQL's {@code age()}, whole days and weeks by subtracting the dates.
     */
    static String completedAge(TimeUnit unit, LocalDate date) {
        String span = "age(" + day(date) + ", p.birth_date)";
        return switch (unit) {
            case YEAR -> "date_part('year', " + span + ")";
            case MONTH -> "(date_part('year', " + span + ") * 12 + date_part('month', " + span + "))";
            case WEEK -> "floor((" + day(date) + " - p.birth_date) / 7)";
            case DAY -> "(" + day(date) + " - p.birth_date)";
            default -> throw new IllegalArgumentException("an age is not counted in " + unit.label());
        };
    }

    /** The latest observation of a concept within a window, as the WHERE of a one-row subquery on {@code o}. */
    private String latestIn(Concept concept, Window window) {
        String from = window.kind() == Window.Kind.PAST ? " AND o.date >= " + day(window.bound(date)) : "";
        return "o.patient_id = p.id AND o.concept = " + quote(concept.id()) + " AND o.date IS NOT NULL AND o.date <= "
                + day(date) + from + " ORDER BY o.date DESC, o.seq ASC LIMIT 1";
    }

    @Override
    public String measurement(MeasurementRule rule) {
        Optional<Concept> known = known(rule.concept());
        if (known.isEmpty()) {
            return "NULL";
        }
        Concept concept = known.get();
        String recorded = compare(rule, concept);
        if (rule.equation() != null) {
            return derivedEgfr(rule, concept, recorded);
        }
        if (concept.derivedFrom() != null) {
            // a recorded eGFR in the window is used; without one, it is computed from creatinine
            return "(CASE WHEN EXISTS (SELECT 1 FROM observation o WHERE " + latestIn(concept, rule.window()) + ") THEN "
                    + recorded + " ELSE " + derivedEgfr(rule, concept, recorded) + " END)";
        }
        return recorded;
    }

    /** The latest recorded value compared with the criterion, or NULL when it is missing, unconverted or implausible. */
    private String compare(MeasurementRule rule, Concept concept) {
        String plausible = concept.plausible().size() == 2 ? " AND o.value_c BETWEEN " + concept.plausible().get(0)
                + " AND " + concept.plausible().get(1) : "";
        String usable = "o.value IS NOT NULL AND o.value_c IS NOT NULL" + plausible;
        String compared;
        if (rule.timesUln()) {
            String uln = concept.uln() == null ? "NULL" : concept.uln().toString();
            compared = "CASE WHEN coalesce(o.ref_high, " + uln + ") > 0 THEN " + interval("o.value / coalesce(o.ref_high, "
                    + uln + ")", rule.interval()) + " END";
        } else {
            // the criterion's bounds in the concept's unit: a conversion preserves order
            Interval bounds = inConceptUnit(rule.interval(), rule.unit(), concept);
            compared = bounds == null ? "NULL" : interval("o.value_c", bounds);
        }
        return "(SELECT CASE WHEN " + usable + " THEN " + compared + " END FROM observation o WHERE "
                + latestIn(concept, rule.window()) + ")";
    }

    private static Interval inConceptUnit(Interval i, String unit, Concept c) {
        if (unit == null || unit.isBlank()) {
            return i;
        }
        Double low = i.low() == null ? null : Units.convert(i.low(), unit, c.unit(), c);
        Double high = i.high() == null ? null : Units.convert(i.high(), unit, c.unit(), c);
        if ((i.low() != null && low == null) || (i.high() != null && high == null)) {
            return null;
        }
        return new Interval(low, i.lowInclusive(), high, i.highInclusive());
    }

    /** eGFR computed from the latest creatinine (in mg/dL), with the age on that day and the sex. */
    private String derivedEgfr(MeasurementRule rule, Concept egfr, String recorded) {
        Optional<Concept> known = known(egfr.derivedFrom());
        if (known.isEmpty()) {
            return recorded;
        }
        Concept creatinine = known.get();
        EgfrEquation equation = rule.equation() != null ? rule.equation() : EgfrEquation.CKD_EPI_2021;
        Interval bounds = inConceptUnit(rule.interval(), rule.unit(), egfr);
        Double toMgDl = Units.convert(1, creatinine.unit(), "mg/dL", creatinine);
        if (toMgDl == null) {
            return "NULL";
        }
        String scr = "(o.value_c * " + toMgDl + ")";
        String age = "date_part('year', age(o.date, p.birth_date))";
        String female = "(p.sex = 'FEMALE')";
        String formula = switch (equation) {
            case MDRD -> "175 * power(" + scr + ", -1.154) * power(" + age + ", -0.203) * (CASE WHEN " + female
                    + " THEN 0.742 ELSE 1 END)";
            case CKD_EPI_2021 -> "142 * power(least(" + scr + " / (CASE WHEN " + female + " THEN 0.7 ELSE 0.9 END), 1),"
                    + " CASE WHEN " + female + " THEN -0.241 ELSE -0.302 END) * power(greatest(" + scr + " / (CASE WHEN "
                    + female + " THEN 0.7 ELSE 0.9 END), 1), -1.200) * power(0.9938, " + age + ") * (CASE WHEN "
                    + female + " THEN 1.012 ELSE 1 END)";
        };
        String plausible = creatinine.plausible().size() == 2 ? " AND o.value_c BETWEEN "
                + creatinine.plausible().get(0) + " AND " + creatinine.plausible().get(1) : "";
        String usable = "o.value IS NOT NULL AND o.value_c IS NOT NULL" + plausible
                + " AND p.birth_date IS NOT NULL AND p.sex IN ('FEMALE', 'MALE')";
        String compared = bounds == null ? "NULL" : interval("(" + formula + ")", bounds);
        String derived = "(SELECT CASE WHEN " + usable + " THEN " + compared + " END FROM observation o WHERE "
                + latestIn(creatinine, rule.window()) + ")";
        if (rule.equation() != null) {
            return derived;
        }
        // without a creatinine to compute from, the recorded eGFR (if any) decides
        return "(CASE WHEN EXISTS (SELECT 1 FROM observation o WHERE " + latestIn(creatinine, rule.window()).replace(
                " ORDER BY o.date DESC, o.seq ASC LIMIT 1", "") + " AND o.value IS NOT NULL) THEN " + derived + " ELSE "
                + recorded + " END)";
    }

    private String condition(Concept c, Window w) {
        String d = day(date);
        String inWindow;
        // the end Concept.presentUntil gives: 30 days after an event's onset, the longest a condition can last, or
        // the abatement recorded (PostgreSQL's LEAST passes over a null, as presentUntil does over a missing date)
        String end = c.event() ? "(c.onset + " + Concept.EVENT_DAYS + ")" : c.lastsAtMostDays() == null ? "c.abatement"
                : "LEAST(c.abatement, c.onset + " + c.lastsAtMostDays() + ")";
        inWindow = switch (w.kind()) {
            case EVER -> "(c.onset IS NULL OR c.onset <= " + d + ")";
            case NOW -> "(c.onset IS NULL OR c.onset <= " + d + ") AND (" + end + " IS NULL OR " + end + " > " + d + ")";
            case PAST -> c.event()
                    ? "c.onset IS NOT NULL AND c.onset <= " + d + " AND c.onset >= " + day(w.bound(date))
                    : "(c.onset IS NULL OR c.onset <= " + d + ") AND (" + end + " IS NULL OR " + end + " >= "
                    + day(w.bound(date)) + ")";
            case NEXT -> "c.onset IS NOT NULL AND c.onset > " + d + " AND c.onset <= " + day(w.bound(date));
        };
        String facts = "FROM condition_fact c WHERE c.patient_id = p.id AND c.concept = " + quote(c.id()) + " AND "
                + inWindow;
        // recorded as itself: true; only as something broader: unknown; neither: false
        String found = "(CASE WHEN EXISTS (SELECT 1 " + facts + " AND NOT c.broader) THEN TRUE WHEN EXISTS (SELECT 1 "
                + facts + " AND c.broader) THEN NULL ELSE FALSE END)";
        return c.femaleOnly() ? "(p.sex IS DISTINCT FROM 'MALE' AND " + found + ")" : "(" + found + ")";
    }

    private String procedure(Concept c, Window w) {
        String d = day(date);
        String when = switch (w.kind()) {
            case EVER -> "NOT r.planned AND r.date <= " + d;
            case NOW -> "NOT r.planned AND r.date = " + d;
            case PAST -> "NOT r.planned AND r.date <= " + d + " AND r.date >= " + day(w.bound(date));
            case NEXT -> "r.planned AND r.date >= " + d + " AND r.date <= " + day(w.bound(date));
        };
        String found = "EXISTS (SELECT 1 FROM procedure_fact r WHERE r.patient_id = p.id AND r.concept = "
                + quote(c.id()) + " AND r.date IS NOT NULL AND " + when + ")";
        if (!c.openClass()) {
            return "(" + found + ")";
        }
        // an open class ("surgery"): a procedure in the window placed nowhere may be one — unknown, not false
        String unplaced = "EXISTS (SELECT 1 FROM procedure_fact r WHERE r.patient_id = p.id AND r.concept = "
                + quote(FactTables.UNPLACED) + " AND r.date IS NOT NULL AND " + when + ")";
        return "(CASE WHEN " + found + " THEN TRUE WHEN " + unplaced + " THEN NULL ELSE FALSE END)";
    }

    /** Which medications a rule means: of its classes, or named in their text. */
    private String drugs(List<String> classes, List<String> names) {
        List<String> any = new ArrayList<>();
        if (!classes.isEmpty()) {
            any.add("m.id IN (SELECT k.medication_id FROM medication_class k WHERE k.patient_id = p.id AND k.concept IN ("
                    + classes.stream().map(RuleSql::quote).collect(Collectors.joining(", ")) + "))");
        }
        for (String name : names) {
            any.add("strpos(lower(m.text), " + quote(name.toLowerCase(java.util.Locale.ROOT)) + ") > 0");
        }
        return "(" + String.join(" OR ", any) + ")";
    }

    @Override
    public String medication(MedicationRule rule) {
        for (String id : rule.concepts()) {
            if (known(id).isEmpty()) {
                return "NULL";
            }
        }
        Window w = rule.window();
        String from = switch (w.kind()) {
            case EVER -> null;
            case NOW, NEXT -> day(date);
            case PAST -> day(w.bound(date));
        };
        String to = w.kind() == Window.Kind.NEXT ? day(w.bound(date)) : day(date);
        String knownEnd = "coalesce(m.end_date, CASE WHEN m.end_unknown THEN m.start_date END)";
        String taken = "(m.start_date IS NULL OR m.start_date <= " + to + ")" + (from == null ? ""
                : " AND (" + knownEnd + " IS NULL OR " + knownEnd + " >= " + from + ")");
        String possibly = "m.end_unknown AND m.end_date IS NULL AND m.start_date IS NOT NULL AND m.start_date <= " + to;
        String mine = "m.patient_id = p.id AND " + drugs(rule.concepts(), rule.names());
        return "(CASE WHEN EXISTS (SELECT 1 FROM medication m WHERE " + mine + " AND " + taken + ") THEN TRUE"
                + " WHEN EXISTS (SELECT 1 FROM medication m WHERE " + mine + " AND " + possibly + ") THEN NULL"
                + " ELSE FALSE END)";
    }

    @Override
    public String allergy(AllergyRule rule) {
        for (String id : rule.concepts()) {
            if (known(id).isEmpty()) {
                return "NULL";
            }
        }
        List<String> any = new ArrayList<>();
        if (!rule.concepts().isEmpty()) {
            any.add("a.id IN (SELECT k.allergy_id FROM allergy_class k WHERE k.patient_id = p.id AND k.concept IN ("
                    + rule.concepts().stream().map(RuleSql::quote).collect(Collectors.joining(", ")) + "))");
        }
        for (String name : rule.names()) {
            any.add("strpos(a.names, " + quote(name.toLowerCase(java.util.Locale.ROOT)) + ") > 0");
        }
        String mine = "a.patient_id = p.id AND (" + String.join(" OR ", any) + ")";
        // an allergy to a drug no class holds might be one asked: unknown, as the evaluator says
        String unplaced = "EXISTS (SELECT 1 FROM allergy a WHERE a.patient_id = p.id AND a.drug AND NOT a.placed)";
        // an allergy to another drug of a named drug's class may be to it under another name: unknown too
        List<String> holding = rule.names().stream().flatMap(n -> dictionary.classesNaming(n).stream())
                .map(c -> quote(c.id())).distinct().toList();
        String classmate = holding.isEmpty() ? "FALSE" : "EXISTS (SELECT 1 FROM allergy_class k WHERE k.patient_id = p.id"
                + " AND k.concept IN (" + String.join(", ", holding) + "))";
        return "(CASE WHEN EXISTS (SELECT 1 FROM allergy a WHERE " + mine + " AND a.active) THEN TRUE"
                + " WHEN EXISTS (SELECT 1 FROM allergy a WHERE " + mine + ") THEN NULL"
                + " WHEN " + classmate + " OR " + unplaced + " THEN NULL ELSE FALSE END)";
    }

    @Override
    public String exposure(ExposureRule rule) {
        for (String id : rule.concepts()) {
            if (known(id).isEmpty()) {
                return "NULL";
            }
        }
        String d = day(date);
        String knownEnd = "coalesce(m.end_date, CASE WHEN m.end_unknown THEN m.start_date END)";
        String days = "greatest(0, least(coalesce(" + knownEnd + ", " + d + "), " + d + ") - m.start_date)";
        double needed = rule.atLeast().approximateDays() - 0.5;
        String mine = "FROM medication m WHERE m.patient_id = p.id AND m.start_date IS NOT NULL AND "
                + drugs(rule.concepts(), List.of());
        String total = "(SELECT coalesce(sum(" + days + "), 0) " + mine + ")";
        String partlyUnknown = "EXISTS (SELECT 1 " + mine + " AND m.end_unknown AND m.end_date IS NULL)";
        return "(CASE WHEN " + total + " >= " + needed + " THEN TRUE WHEN " + partlyUnknown + " THEN NULL ELSE FALSE END)";
    }

    /** Calendar time since the first onset, in the rule's unit: whole units and the fraction of the next. */
    @Override
    public String duration(DurationRule rule) {
        Optional<Concept> known = known(rule.concept());
        if (known.isEmpty()) {
            return "NULL";
        }
        String d = day(date);
        String unit = switch (rule.unit()) {
            case YEAR -> "year";
            case MONTH -> "month";
            case WEEK -> "week";
            default -> "day";
        };
        String whole = switch (rule.unit()) {
            case YEAR -> "date_part('year', age(" + d + ", f.onset))";
            case MONTH -> "(date_part('year', age(" + d + ", f.onset)) * 12 + date_part('month', age(" + d
                    + ", f.onset)))";
            case WEEK -> "floor((" + d + " - f.onset) / 7)";
            default -> "(" + d + " - f.onset)";
        };
        String reached = "(f.onset + make_interval(" + unit + "s => " + whole + "::int))::date";
        String next = "((" + reached + " + interval '1 " + unit + "')::date - " + reached + ")";
        String elapsed = "(" + whole + " + (" + d + " - " + reached + ")::double precision / " + next + ")";
        String first = "(SELECT min(c.onset) AS onset FROM condition_fact c WHERE c.patient_id = p.id AND c.concept = "
                + quote(known.get().id()) + " AND NOT c.broader AND c.onset IS NOT NULL)";
        String any = "EXISTS (SELECT 1 FROM condition_fact c WHERE c.patient_id = p.id AND c.concept = "
                + quote(known.get().id()) + " AND NOT c.broader)";
        return "(SELECT CASE WHEN f.onset IS NOT NULL THEN " + interval(elapsed, rule.interval()) + " WHEN " + any
                + " THEN NULL ELSE FALSE END FROM " + first + " f)";
    }

    @Override
    public String increase(IncreaseRule rule) {
        Optional<Concept> known = known(rule.concept());
        if (known.isEmpty()) {
            return "NULL";
        }
        String concept = quote(known.get().id());
        String d = day(date);
        String values = "FROM observation x WHERE x.patient_id = p.id AND x.concept = " + concept
                + " AND x.value IS NOT NULL AND x.date IS NOT NULL AND x.date <= " + d;
        String current = "(SELECT x.date AS date, x.value AS value " + values
                + " ORDER BY x.date DESC, x.seq DESC LIMIT 1)";
        String from = rule.window().kind() == Window.Kind.PAST ? day(rule.window().bound(date)) : "'-infinity'::date";
        String reference = "coalesce((SELECT x.value " + values + " AND x.date >= " + from
                + " AND x.date < c.date ORDER BY x.date ASC, x.seq ASC LIMIT 1), (SELECT x.value " + values
                + " AND x.date < " + from + " ORDER BY x.date DESC, x.seq DESC LIMIT 1))";
        StringBuilder step = new StringBuilder("CASE");
        for (IncreaseRule.Step s : rule.steps()) {
            step.append(" WHEN ").append(interval("c.value", s.when())).append(" THEN ").append(s.rise());
        }
        step.append(" END");
        return "(SELECT c.value - " + reference + " >= (" + step + ") - 1e-9 FROM " + current + " c)";
    }

    /** Whether a number lies in an interval. */
    private static String interval(String x, Interval i) {
        List<String> parts = new ArrayList<>();
        if (i.low() != null) {
            parts.add(x + (i.lowInclusive() ? " >= " : " > ") + i.low());
        }
        if (i.high() != null) {
            parts.add(x + (i.highInclusive() ? " <= " : " < ") + i.high());
        }
        return parts.isEmpty() ? "(" + x + " IS NOT NULL)" : "(" + String.join(" AND ", parts) + ")";
    }

    static String day(LocalDate d) {
        return "DATE '" + d + "'";
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
