package org.stroma.trial.eligibility;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.stroma.protocol.ScientificNotation;
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
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.eligibility.rule.MedicationRule;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.ProcedureRule;
import org.stroma.trial.eligibility.rule.Rule;
import org.stroma.trial.eligibility.rule.SexRule;
import org.stroma.trial.eligibility.rule.Window;
import org.stroma.trial.measure.EgfrEquation;
import org.stroma.trial.measure.Units;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;
import org.stroma.trial.patient.Silence;

/**
 * Evaluates rules against one patient's record on a screening date. Missing data, values in units that do not convert
 * and implausible values give UNKNOWN with the reason — never a verdict the data does not support.
 */
public final class RuleEvaluator {
    private final ConceptDictionary concepts;
    private final LocalDate date;
    private final PatientRecord patient;
    private final PatientFacts facts;
    private final String criterionId;
    private final Function<String, Finding> criteria;
    private final Decision decision = new Decision();

    /**
     * @param criterionId the criterion being evaluated, whose attestation answers apply
     * @param criteria    the findings of other criteria, for rules that refer to them
     */
    public RuleEvaluator(ConceptDictionary concepts, LocalDate date, PatientFacts facts, String criterionId,
            Function<String, Finding> criteria) {
        this.concepts = concepts;
        this.date = date;
        this.facts = facts;
        this.patient = facts.record();
        this.criterionId = criterionId;
        this.criteria = criteria;
    }

    public Finding evaluate(Rule rule) {
        try {
            return decide(rule);
        } catch (UnknownConcept e) {
            return Finding.unknown("no concept '" + e.getMessage() + "' in the dictionary");
        }
    }

    private Finding decide(Rule rule) {
        return rule.accept(decision);
    }

    /** Each kind of rule to the check that decides it. */
    private final class Decision implements Rule.Visitor<Finding> {
        @Override
        public Finding allOf(AllOf rule) {
            return all(rule.rules());
        }

        @Override
        public Finding anyOf(AnyOf rule) {
            return any(rule.rules());
        }

        @Override
        public Finding not(Not rule) {
            return evaluate(rule.rule()).negated();
        }

        @Override
        public Finding age(AgeRule rule) {
            return RuleEvaluator.this.age(rule);
        }

        @Override
        public Finding sex(SexRule rule) {
            return RuleEvaluator.this.sex(rule);
        }

        @Override
        public Finding measurement(MeasurementRule rule) {
            return RuleEvaluator.this.measurement(rule);
        }

        @Override
        public Finding classification(ClassRule rule) {
            return RuleEvaluator.this.classification(rule);
        }

        @Override
        public Finding condition(ConditionRule rule) {
            return RuleEvaluator.this.condition(rule);
        }

        @Override
        public Finding procedure(ProcedureRule rule) {
            return RuleEvaluator.this.procedure(rule);
        }

        @Override
        public Finding eventCount(EventCountRule rule) {
            return RuleEvaluator.this.eventCount(rule);
        }

        @Override
        public Finding medication(MedicationRule rule) {
            return RuleEvaluator.this.medication(rule);
        }

        @Override
        public Finding allergy(AllergyRule rule) {
            return RuleEvaluator.this.allergy(rule);
        }

        @Override
        public Finding exposure(ExposureRule rule) {
            return RuleEvaluator.this.exposure(rule);
        }

        @Override
        public Finding duration(DurationRule rule) {
            return RuleEvaluator.this.duration(rule);
        }

        @Override
        public Finding increase(IncreaseRule rule) {
            return RuleEvaluator.this.increase(rule);
        }

        @Override
        public Finding attestation(Attestation rule) {
            return RuleEvaluator.this.attestation(rule);
        }

        @Override
        public Finding criterionRef(CriterionRef rule) {
            return criteria.apply(rule.criterionId());
        }
    }

    private Finding all(List<Rule> rules) {
        List<Finding> findings = rules.stream().map(this::evaluate).toList();
        Verdict v = findings.stream().map(Finding::verdict).reduce(Verdict.MET, Verdict::and);
        return new Finding(v, reasons(findings, v == Verdict.MET ? null : v), Finding.joined(findings));
    }

    private Finding any(List<Rule> rules) {
        List<Finding> findings = rules.stream().map(this::evaluate).toList();
        Verdict v = findings.stream().map(Finding::verdict).reduce(Verdict.NOT_MET, Verdict::or);
        return new Finding(v, reasons(findings, v == Verdict.NOT_MET ? null : v), Finding.joined(findings));
    }

    /** The reasons behind a combined verdict: those of the parts that decided it (all of them when none did alone). */
    private static String reasons(List<Finding> findings, Verdict deciding) {
        List<String> chosen = findings.stream().filter(f -> deciding == null || f.verdict() == deciding)
                .map(Finding::reason).distinct().toList();
        return String.join("; ", chosen);
    }

    private Finding age(AgeRule rule) {
        Integer years = patient.ageOn(date);
        if (years == null) {
            return Finding.unknown("the birth date is not recorded");
        }
        if (patient.birthDate().isAfter(date)) {
            // a birth after the screening date would count as age 0, a newborn's
            return Finding.unknown("the recorded birth date " + patient.birthDate() + " is after the screening date");
        }
        if (years > 120) {
            return Finding.unknown("the recorded birth date gives an implausible age of " + years);
        }
        long age = patient.ageOn(date, rule.unit());
        String said = age + " " + rule.unit().label();
        Evidence e = new Evidence("age", said, date, "birth date " + patient.birthDate());
        return Finding.of(rule.limits().contains(age), "age " + said + "; " + rule.describe(), List.of(e));
    }

    private Finding sex(SexRule rule) {
        AdministrativeSex sex = patient.sex();
        if (sex == null || sex == AdministrativeSex.UNKNOWN) {
            return Finding.unknown("the sex is not recorded");
        }
        return Finding.of(rule.allowed().contains(sex), "sex " + sex.name().toLowerCase(Locale.ROOT),
                List.of(new Evidence("sex", sex.name().toLowerCase(Locale.ROOT), null, null)));
    }

    private Finding measurement(MeasurementRule rule) {
        Concept concept = concept(rule.concept());
        if (rule.equation() != null || concept.derivedFrom() != null && latest(concept, rule.window()) == null) {
            Finding derived = derivedEgfr(rule, concept);
            if (derived != null) {
                return derived;
            }
        }
        Observation latest = latest(concept, rule.window());
        if (latest == null) {
            return Finding.unknown("no " + concept.label() + " recorded " + rule.window().describe());
        }
        return compare(rule, concept, latest);
    }

    private Finding compare(MeasurementRule rule, Concept concept, Observation o) {
        if (o.value() == null) {
            return Finding.unknown("the " + concept.label() + " of " + o.date() + " has no numeric value");
        }
        Evidence e = evidence(concept.label(), ScientificNotation.plain(o.value()) + " " + nullToEmpty(o.unit()),
                o.date(), o.source(), o);
        Double inConceptUnit = Units.toConceptUnit(o.value(), o.unit(), concept);
        if (inConceptUnit == null) {
            return new Finding(Verdict.UNKNOWN, "the " + concept.label() + " of " + o.date() + (o.unit() == null
                    || o.unit().isBlank() ? " is recorded without a unit" : " is in '" + o.unit()
                    + "', which does not convert to " + concept.unit()), List.of(e));
        }
        if (!concept.isPlausible(inConceptUnit)) {
            return new Finding(Verdict.UNKNOWN, "the " + concept.label() + " of " + o.date() + " ("
                    + ScientificNotation.plain(o.value()) + " " + nullToEmpty(o.unit()) + ") is implausible", List.of(e));
        }
        double compared;
        String shown;
        if (rule.timesUln()) {
            Double uln = o.referenceHigh() != null ? o.referenceHigh() : concept.uln();
            if (uln == null || uln <= 0) {
                return new Finding(Verdict.UNKNOWN, "no upper limit of normal for " + concept.label(), List.of(e));
            }
            compared = o.value() / uln;
            shown = ScientificNotation.plain(Math.round(compared * 100) / 100.0) + " × ULN (ULN "
                    + ScientificNotation.plain(uln) + (o.referenceHigh() != null ? " from the laboratory)" : ", Stroma's"
                    + " default)");
        } else {
            // converted in one step from the record's unit, so that 250 µmol/L stays 250 µmol/L
            Double inRuleUnit = rule.unit() == null || rule.unit().isBlank() ? inConceptUnit
                    : o.unit() == null || o.unit().isBlank() ? Units.convert(inConceptUnit, concept.unit(), rule.unit(),
                    concept) : Units.convert(o.value(), o.unit(), rule.unit(), concept);
            if (inRuleUnit == null) {
                return new Finding(Verdict.UNKNOWN, "the criterion's unit '" + rule.unit() + "' does not convert to "
                        + concept.unit(), List.of(e));
            }
            compared = inRuleUnit;
            shown = ScientificNotation.plain(round(inRuleUnit)) + " " + nullToEmpty(rule.unit());
        }
        boolean holds = rule.interval().contains(compared);
        return Finding.of(holds, concept.label() + " " + shown.trim() + " on " + o.date() + "; criterion: "
                + rule.interval().describe(concept.label(), rule.timesUln() ? "× ULN" : rule.unit()), List.of(e));
    }

    /** eGFR from the latest creatinine, by the equation the criterion names (CKD-EPI 2021 when it names none). */
    private Finding derivedEgfr(MeasurementRule rule, Concept egfr) {
        Concept creatinine = concepts.find(egfr.derivedFrom()).orElse(null);
        if (creatinine == null) {
            return null;
        }
        Observation scr = latest(creatinine, rule.window());
        if (scr == null || scr.value() == null) {
            return rule.equation() == null ? null : Finding.unknown("no serum creatinine recorded "
                    + rule.window().describe() + " to compute eGFR by " + rule.equation().label());
        }
        Double own = Units.toConceptUnit(scr.value(), scr.unit(), creatinine);
        Double mgdl = own == null ? null : Units.convert(own, creatinine.unit(), "mg/dL", creatinine);
        Evidence e = evidence(creatinine.label(), ScientificNotation.plain(scr.value()) + " " + nullToEmpty(scr.unit()),
                scr.date(), scr.source(), scr);
        if (mgdl == null || !creatinine.isPlausible(own)) {
            return new Finding(Verdict.UNKNOWN, "the creatinine of " + scr.date() + " cannot be used ("
                    + (mgdl == null ? "unit '" + scr.unit() + "' does not convert" : "implausible value") + ")", List.of(e));
        }
        Integer age = patient.ageOn(scr.date());
        if (age == null || patient.sex() == null || patient.sex() == AdministrativeSex.UNKNOWN
                || patient.sex() == AdministrativeSex.OTHER) {
            return new Finding(Verdict.UNKNOWN, "eGFR needs the patient's age and sex (female or male)", List.of(e));
        }
        EgfrEquation equation = rule.equation() != null ? rule.equation() : EgfrEquation.CKD_EPI_2021;
        double value = equation.compute(mgdl, age, patient.sex());
        Double inRuleUnit = rule.unit() == null ? value : Units.convert(value, egfr.unit(), rule.unit(), egfr);
        if (inRuleUnit == null) {
            return new Finding(Verdict.UNKNOWN, "the criterion's unit '" + rule.unit() + "' is not a GFR unit", List.of(e));
        }
        Evidence computed = new Evidence("eGFR (" + equation.label() + ")", ScientificNotation.plain(round(value))
                + " mL/min/1.73m2", scr.date(), "computed from creatinine " + ScientificNotation.plain(round(mgdl))
                + " mg/dL, age " + age + ", " + patient.sex().name().toLowerCase(Locale.ROOT));
        return Finding.of(rule.interval().contains(inRuleUnit), "eGFR " + ScientificNotation.plain(round(value))
                + " mL/min/1.73m2 by " + equation.label() + " on " + scr.date() + "; criterion: "
                + rule.interval().describe("eGFR", rule.unit()), List.of(e, computed));
    }

    private Finding classification(ClassRule rule) {
        Concept concept = concept(rule.concept());
        Observation latest = latest(concept, rule.window());
        if (latest == null) {
            return Finding.unknown("no " + concept.label() + " recorded " + rule.window().describe());
        }
        String value = concept.classOf(latest);
        if (value == null) {
            return Finding.unknown("the " + concept.label() + " of " + latest.date() + " has no value Stroma can read");
        }
        Evidence e = evidence(concept.label(), value, latest.date(), latest.source(), latest);
        boolean holds = rule.classes().stream().anyMatch(c -> c.equalsIgnoreCase(value));
        return Finding.of(holds, concept.label() + " " + value + " on " + latest.date() + "; criterion: "
                + String.join(" or ", rule.classes()), List.of(e));
    }

    private Finding condition(ConditionRule rule) {
        Concept concept = concept(rule.concept());
        if (concept.femaleOnly() && patient.sex() == AdministrativeSex.MALE) {
            return Finding.notMet(concept.label() + " does not apply to a male patient",
                    List.of(new Evidence("sex", "male", null, null)));
        }
        List<Diagnosis> matching = facts.conditions(concept);
        List<Diagnosis> inWindow = matching.stream().filter(d -> inWindow(d, rule.window(), concept, date))
                .toList();
        if (!inWindow.isEmpty()) {
            Diagnosis d = inWindow.get(0);
            return Finding.met(concept.label() + " since " + d.onset() + " (" + rule.window().describe() + ")",
                    List.of(evidence(concept.label(), display(d.codes()), d.onset(), d.source(), d)));
        }
        List<Diagnosis> broader = facts.broaderConditions(concept).stream()
                .filter(d -> inWindow(d, rule.window(), concept, date)).toList();
        if (!broader.isEmpty()) {
            // a record of the broader condition is not a record that the narrower one is absent
            Diagnosis d = broader.get(0);
            return new Finding(Verdict.UNKNOWN, display(d.codes()) + " on record (" + rule.window().describe()
                    + "), which is broader than " + concept.label() + ": whether it is " + concept.label()
                    + " is not recorded", List.of(new Evidence(concept.label(), display(d.codes()), d.onset(),
                    d.source())));
        }
        if (matching.isEmpty()) {
            return nothingRecorded("no " + concept.label() + " on record", deniedCondition(patient, concepts, concept));
        }
        return Finding.notMet(concept.label() + " on record, but not " + rule.window().describe() + " (since "
                + matching.get(0).onset() + ")", List.of());
    }

    /**
     * Whether a condition counts in a window: for "now", present today (an event, such as a relapse, counts for 30
     * days after its onset); for a past window, present at some time within it; ever, if it began by today.
     */
    static boolean inWindow(Diagnosis d, Window window, Concept concept, LocalDate date) {
        return inWindow(d, window.kind(), bound(window, date), concept, date);
    }

    /**
     * The same, the window given by its kind and its {@link Window#bound} on the date (null for ever and now). A
     * condition is present until its concept says ({@link Concept#presentUntil}).
     */
    static boolean inWindow(Diagnosis d, Window.Kind window, LocalDate bound, Concept concept, LocalDate date) {
        LocalDate onset = d.onset();
        boolean event = concept.event();
        LocalDate end = concept.presentUntil(onset, d.abatement());
        return switch (window) {
            case EVER -> onset == null || !onset.isAfter(date);
            case NOW -> (onset == null || !onset.isAfter(date)) && (end == null || end.isAfter(date));
            case PAST -> event
                    // an event counts when it happened within the window
                    ? onset != null && !onset.isAfter(date) && !onset.isBefore(bound)
                    // a condition counts when it was present at some time within the window
                    : (onset == null || !onset.isAfter(date)) && (end == null || !end.isBefore(bound));
            case NEXT -> onset != null && onset.isAfter(date) && !onset.isAfter(bound);
        };
    }

    /** A window's first or last day on the date; null for ever and now, which have none. */
    static LocalDate bound(Window window, LocalDate date) {
        return window.kind() == Window.Kind.PAST || window.kind() == Window.Kind.NEXT ? window.bound(date) : null;
    }

    private Finding procedure(ProcedureRule rule) {
        Concept concept = concept(rule.concept());
        Window w = rule.window();
        List<ProcedureRecord> found = facts.procedures(concept).stream().filter(p -> inWindow(p, w, date)).toList();
        if (found.isEmpty() && concept.openClass()) {
            // "surgery" is a class no list of codes closes: a procedure in the window the dictionary places nowhere
            // may be one, and is no "no"
            ProcedureRecord unplaced = facts.unplacedProcedures().stream().filter(p -> inWindow(p, w, date)).findFirst()
                    .orElse(null);
            if (unplaced != null) {
                return new Finding(Verdict.UNKNOWN, "a procedure " + (unplaced.planned() ? "planned for " : "on ")
                        + unplaced.date() + " (" + display(unplaced.codes()) + ") that may be a " + concept.label()
                        + ": the dictionary does not place it", List.of(evidence(concept.label(),
                        display(unplaced.codes()), unplaced.date(), unplaced.source(), unplaced)));
            }
        }
        if (found.isEmpty()) {
            boolean planned = w.kind() == Window.Kind.NEXT;
            String reason = "no " + concept.label() + (planned ? " planned " : " ") + w.describe();
            // a typed date outside the window answers the question as well as a "no" does
            boolean answered = facts.procedures(concept).stream().anyMatch(p -> p.planned() == planned);
            return answered ? Finding.notMet(reason, List.of()) : nothingRecorded(reason, patient.silence().denies(
                    planned ? Silence.Kind.PLANNED_PROCEDURE : Silence.Kind.PROCEDURE, concept.id()));
        }
        ProcedureRecord p = found.get(0);
        return Finding.met(concept.label() + (p.planned() ? " planned for " : " on ") + p.date(),
                List.of(evidence(concept.label(), display(p.codes()), p.date(), p.source(), p)));
    }

    static boolean inWindow(ProcedureRecord p, Window w, LocalDate date) {
        return inWindow(p, w.kind(), bound(w, date), date);
    }

    /** The same, the window given by its kind and its {@link Window#bound} on the date (null for ever and now). */
    static boolean inWindow(ProcedureRecord p, Window.Kind w, LocalDate bound, LocalDate date) {
        return p.date() != null && switch (w) {
            case EVER -> !p.planned() && !p.date().isAfter(date);
            case NOW -> !p.planned() && p.date().equals(date);
            case PAST -> !p.planned() && !p.date().isAfter(date) && !p.date().isBefore(bound);
            case NEXT -> p.planned() && !p.date().isBefore(date) && !p.date().isAfter(bound);
        };
    }

    private Finding eventCount(EventCountRule rule) {
        Concept concept = concept(rule.concept());
        List<Diagnosis> events = facts.conditions(concept).stream().filter(d -> d.onset() != null)
                .filter(d -> !d.onset().isAfter(date) && (rule.window().kind() != Window.Kind.PAST
                        || !d.onset().isBefore(rule.window().bound(date))))
                .sorted(Comparator.comparing(Diagnosis::onset)).toList();
        List<Evidence> evidence = events.stream().map(d -> evidence(concept.label(), "recorded", d.onset(),
                d.source(), d)).toList();
        if (events.size() < rule.atLeast() && !patient.silence().meansAbsent()
                && !deniedCondition(patient, concepts, concept)) {
            // a typed record holds one onset of a condition: it cannot show the others
            return new Finding(Verdict.UNKNOWN, events.size() + " " + concept.label() + " typed " + rule.window()
                    .describe() + "; criterion: at least " + rule.atLeast() + ", which a typed record cannot count",
                    evidence);
        }
        return Finding.of(events.size() >= rule.atLeast(), events.size() + " " + concept.label() + " "
                + rule.window().describe() + "; criterion: at least " + rule.atLeast(), evidence);
    }

    private Finding medication(MedicationRule rule) {
        List<Concept> classes = rule.concepts().stream().map(this::concept).toList();
        Window w = rule.window();
        LocalDate from = takenFrom(w, date);
        LocalDate to = takenUntil(w, date);
        Medication unsure = null;
        Set<Medication> ofClasses = ofClasses(classes);
        for (Medication m : patient.medications()) {
            boolean isOne = ofClasses.contains(m)
                    || rule.names().stream().anyMatch(n -> m.text() != null
                    && m.text().toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT)));
            if (isOne && m.takenBetween(from, to)) {
                return Finding.met(m.text() + " from " + m.start() + (m.end() != null ? " to " + m.end()
                        : m.endUnknown() ? ", stopped on a date not recorded" : ", ongoing"),
                        List.of(evidence("medication", m.text(), m.start(), m.source(), m)));
            }
            if (isOne && m.possiblyTakenBetween(from, to)) {
                unsure = m;
            }
        }
        if (unsure != null) {
            return new Finding(Verdict.UNKNOWN, unsure.text() + " was started on " + unsure.start() + " and stopped on a"
                    + " date the record does not give", List.of(evidence("medication", unsure.text(),
                    unsure.start(), unsure.source(), unsure)));
        }
        return nothingRecorded("no " + rule.describe().substring("took ".length()).replace(" " + w.describe(), "")
                + " taken " + w.describe(), answered(facts, classes, rule.names()));
    }

    /** The first day of the period a medication rule asks about. */
    static LocalDate takenFrom(Window w, LocalDate date) {
        return switch (w.kind()) {
            case EVER -> LocalDate.MIN;
            case NOW, NEXT -> date;
            case PAST -> w.bound(date);
        };
    }

    /** The last day of the period a medication rule asks about. */
    static LocalDate takenUntil(Window w, LocalDate date) {
        return w.kind() == Window.Kind.NEXT ? w.bound(date) : date;
    }

    /**
     * An allergy or intolerance to a drug of the classes or a substance named: met by one that holds; unknown when
     * the only one is recorded as resolved, inactive or unconfirmed (whether it holds is the investigator's to say),
     * when an allergy to another drug of a named drug's class is on record (it may be the same drug under another
     * name), or when an allergy to a drug Stroma cannot place is on record (it may be one asked) — unless the
     * coordinator said the patient has none.
     */
    private Finding allergy(AllergyRule rule) {
        List<Concept> classes = rule.concepts().stream().map(this::concept).toList();
        Set<Allergy> ofClasses = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        classes.forEach(c -> ofClasses.addAll(facts.allergies(c)));
        Allergy resolved = null;
        for (Allergy a : patient.allergies()) {
            if (ofClasses.contains(a) || rule.names().stream().anyMatch(n -> names(a, n))) {
                if (a.active()) {
                    return Finding.met("allergy or intolerance to " + a.substance() + " on record"
                            + (a.recorded() != null ? " since " + a.recorded() : ""),
                            List.of(evidence("allergy", a.substance(), a.recorded(), a.source(), a)));
                }
                resolved = a;
            }
        }
        String substances = rule.describe().substring("has a known allergy or intolerance to ".length());
        if (resolved != null) {
            return new Finding(Verdict.UNKNOWN, "an allergy or intolerance to " + resolved.substance()
                    + " is on record as resolved, inactive or unconfirmed: whether it holds is not recorded",
                    List.of(evidence("allergy", resolved.substance(), resolved.recorded(), resolved.source(),
                            resolved)));
        }
        Silence silence = patient.silence();
        boolean answered = silence.denied().contains(Silence.NO_KNOWN_ALLERGIES)
                || rule.concepts().stream().allMatch(c -> silence.denies(Silence.Kind.ALLERGY, c))
                && rule.names().stream().allMatch(n -> silence.denies(Silence.Kind.ALLERGY, n));
        if (answered && !silence.meansAbsent()) {
            // the coordinator said the patient has none: other allergies typed beside it do not make it unknown
            return nothingRecorded("no allergy or intolerance to " + substances + " on record", true);
        }
        for (String name : rule.names()) {
            // an allergy to another drug of the class a named one is in ("lidocaine", for "xylocaine") may be to it
            for (Concept holding : concepts.classesNaming(name)) {
                for (Allergy a : facts.allergies(holding)) {
                    return new Finding(Verdict.UNKNOWN, "an allergy or intolerance to " + a.substance() + " is on"
                            + " record, of " + holding.label() + " as " + name + " is: whether it is to " + name
                            + " is not recorded", List.of(evidence("allergy", a.substance(), a.recorded(), a.source(),
                            a)));
                }
            }
        }
        if (!facts.unplacedAllergies().isEmpty()) {
            // a drug no class holds may be one asked, or a drug asked by name under another name
            Allergy a = facts.unplacedAllergies().get(0);
            return new Finding(Verdict.UNKNOWN, "an allergy or intolerance to " + a.substance() + " is on record,"
                    + " which Stroma cannot place: whether it is to " + substances + " is not recorded",
                    List.of(evidence("allergy", a.substance(), a.recorded(), a.source(), a)));
        }
        return nothingRecorded("no allergy or intolerance to " + substances + " on record", answered);
    }

    /** Whether an allergy's substance is the one named: by its name in the allergy's text or codes' displays. */
    private static boolean names(Allergy a, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return a.substance().toLowerCase(Locale.ROOT).contains(n) || a.codes().stream()
                .anyMatch(c -> c.display() != null && c.display().toLowerCase(Locale.ROOT).contains(n));
    }

    private Finding exposure(ExposureRule rule) {
        List<Concept> classes = rule.concepts().stream().map(this::concept).toList();
        long days = 0;
        boolean partlyUnknown = false;
        List<Evidence> evidence = new ArrayList<>();
        Set<Medication> ofClasses = ofClasses(classes);
        for (Medication m : patient.medications()) {
            if (m.start() != null && ofClasses.contains(m)) {
                LocalDate last = m.knownEnd() == null || m.knownEnd().isAfter(date) ? date : m.knownEnd();
                days += Math.max(0, ChronoUnit.DAYS.between(m.start(), last));
                partlyUnknown |= m.endUnknown() && m.end() == null;
                evidence.add(evidence("medication", m.text(), m.start(), m.source(), m));
            }
        }
        if (evidence.isEmpty() && !patient.silence().meansAbsent()) {
            return nothingRecorded("no " + String.join(" or ", rule.concepts()) + " on record",
                    answered(facts, classes, List.of()));
        }
        double needed = rule.atLeast().approximateDays();
        String reason = days + " days of " + String.join(" or ", rule.concepts()) + " on record; criterion: at least "
                + rule.atLeast();
        if (days < needed - 0.5 && partlyUnknown) {
            return new Finding(Verdict.UNKNOWN, reason + " (a treatment's end date is not recorded)", evidence);
        }
        return Finding.of(days >= needed - 0.5, reason, evidence);
    }

    private Finding duration(DurationRule rule) {
        Concept concept = concept(rule.concept());
        Optional<Diagnosis> first = facts.conditions(concept).stream().filter(d -> d.onset() != null)
                .min(Comparator.comparing(Diagnosis::onset));
        if (first.isEmpty()) {
            boolean any = !facts.conditions(concept).isEmpty();
            return any ? Finding.unknown("the onset of " + concept.label() + " is not recorded")
                    : nothingRecorded("no " + concept.label() + " on record", deniedCondition(patient, concepts,
                    concept));
        }
        LocalDate onset = first.get().onset();
        double elapsed = elapsed(onset, date, rule.unit());
        return Finding.of(rule.interval().contains(elapsed), concept.label() + " since " + onset + " ("
                + ScientificNotation.plain(Math.floor(elapsed * 10) / 10) + " " + rule.unit().label() + "); criterion: "
                + rule.interval().describe("time since onset", rule.unit().label()), List.of(evidence(
                concept.label(), "onset", onset, first.get().source(), first.get())));
    }

    /**
     * Calendar time from one date to another in a unit: whole units, plus the fraction of the next one. Two years to
     * the day is exactly 2, whatever leap days lie between.
     */
    static double elapsed(LocalDate from, LocalDate to, org.stroma.protocol.TimeUnit unit) {
        ChronoUnit chrono = switch (unit) {
            case YEAR -> ChronoUnit.YEARS;
            case MONTH -> ChronoUnit.MONTHS;
            case WEEK -> ChronoUnit.WEEKS;
            default -> ChronoUnit.DAYS;
        };
        long whole = chrono.between(from, to);
        LocalDate reached = from.plus(whole, chrono);
        long rest = ChronoUnit.DAYS.between(reached, to);
        long next = ChronoUnit.DAYS.between(reached, reached.plus(1, chrono));
        return whole + (double) rest / next;
    }

    private Finding increase(IncreaseRule rule) {
        Concept concept = concept(rule.concept());
        List<Observation> values = observations(concept).filter(o -> o.value() != null && o.date() != null
                        && !o.date().isAfter(date))
                .sorted(Comparator.comparing(Observation::date)).toList();
        if (values.isEmpty()) {
            return Finding.unknown("no " + concept.label() + " recorded");
        }
        Observation current = values.get(values.size() - 1);
        LocalDate from = rule.window().kind() == Window.Kind.PAST ? rule.window().bound(date) : LocalDate.MIN;
        List<Observation> earlier = values.stream().filter(o -> !o.date().isBefore(from) && o.date().isBefore(
                current.date())).toList();
        Observation reference = earlier.isEmpty() ? values.stream().filter(o -> o.date().isBefore(from))
                .reduce((a, b) -> b).orElse(null) : earlier.get(0);
        if (reference == null) {
            return Finding.unknown("only one " + concept.label() + " recorded; an increase needs an earlier value");
        }
        double step = rule.steps().stream().filter(s -> s.when().contains(current.value()))
                .mapToDouble(IncreaseRule.Step::rise).findFirst().orElse(Double.NaN);
        List<Evidence> evidence = List.of(evidence(concept.label(), ScientificNotation.plain(reference.value()),
                reference.date(), reference.source(), reference), evidence(concept.label(),
                ScientificNotation.plain(current.value()), current.date(), current.source(), current));
        if (Double.isNaN(step)) {
            return new Finding(Verdict.UNKNOWN, "the current " + concept.label() + " " + current.value()
                    + " falls under none of the criterion's cases", evidence);
        }
        double rise = current.value() - reference.value();
        return Finding.of(rise >= step - 1e-9, concept.label() + " " + ScientificNotation.plain(reference.value())
                + " on " + reference.date() + " to " + ScientificNotation.plain(current.value()) + " on "
                + current.date() + "; criterion: a rise of at least " + ScientificNotation.plain(step), evidence);
    }

    private Finding attestation(Attestation rule) {
        Boolean answer = patient.attestations().get(criterionId);
        if (answer == null) {
            return Finding.unknown("needs the investigator's attestation: " + rule.question());
        }
        return Finding.of(answer, "the investigator attested " + (answer ? "yes" : "no") + ": " + rule.question(),
                List.of(new Evidence("attestation", answer ? "yes" : "no", null, criterionId)));
    }

    /**
     * What a record without the fact means: a record system's export leaves out what is not there, so it is not met;
     * a typed record leaves out what was not answered, so it is unknown, unless the coordinator answered (said no, or
     * gave dates outside the window).
     */
    private Finding nothingRecorded(String reason, boolean answered) {
        if (patient.silence().meansAbsent()) {
            return Finding.notMet(reason, List.of());
        }
        if (answered) {
            return Finding.notMet(reason + " (as the coordinator answered)", List.of());
        }
        return Finding.unknown(reason + ": not answered");
    }

    /** Whether the coordinator said the patient does not have the condition, or a condition it is a kind of. */
    static boolean deniedCondition(PatientRecord patient, ConceptDictionary concepts, Concept concept) {
        return patient.silence().denied().stream().anyMatch(d -> d.kind() == Silence.Kind.CONDITION
                && concepts.isA(concept, d.name()));
    }

    /**
     * Whether the coordinator answered for each of these classes and drugs: a class said no to or typed with its
     * dates; a drug said no to by name, typed, or among the ingredients of a class answered for.
     */
    static boolean answered(PatientFacts facts, List<Concept> classes, List<String> names) {
        PatientRecord patient = facts.record();
        Silence silence = patient.silence();
        List<Concept> answered = classes.stream().filter(c -> silence.denies(Silence.Kind.MEDICATION, c.id())
                || !facts.medications(c).isEmpty()).toList();
        return answered.size() == classes.size() && names.stream().allMatch(n -> silence.denies(
                Silence.Kind.DRUG_NAME, n) || answered.stream().anyMatch(c -> c.matches(List.of(), n))
                || patient.medications().stream().anyMatch(m -> m.text() != null && m.text().toLowerCase(Locale.ROOT)
                .contains(n.toLowerCase(Locale.ROOT))));
    }

    /** The patient's latest observation of a concept within the window, or null. */
    private Observation latest(Concept concept, Window window) {
        return latest(facts.observations(concept), window, date);
    }

    /** The latest of these observations within the window, the first of those on that day; null when none is. */
    static Observation latest(List<Observation> observations, Window window, LocalDate date) {
        LocalDate from = window.kind() == Window.Kind.PAST ? window.bound(date) : LocalDate.MIN;
        return observations.stream().filter(o -> o.date() != null && !o.date().isAfter(date) && !o.date().isBefore(from))
                .max(Comparator.comparing(Observation::date)).orElse(null);
    }

    private java.util.stream.Stream<Observation> observations(Concept concept) {
        return facts.observations(concept).stream();
    }

    /** A concept the rule names; one the dictionary lacks makes the rule unknown ({@link #evaluate}). */
    private Concept concept(String id) {
        return concepts.find(id).orElseThrow(() -> new UnknownConcept(id));
    }

    /** A rule names a concept the dictionary does not have: the rule cannot be decided. */
    private static final class UnknownConcept extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownConcept(String id) {
            super(id, null, false, false);
        }
    }

    /** The patient's medications of any of these classes (the same record once, however many classes it is in). */
    private Set<Medication> ofClasses(List<Concept> classes) {
        Set<Medication> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        classes.forEach(c -> all.addAll(facts.medications(c)));
        return all;
    }

    /** Evidence from a record's fact, saying so when the fact was recognised by its display text, not a code. */
    private Evidence evidence(String what, String value, LocalDate on, String source, Object fact) {
        return new Evidence(what, value, on, source, facts.matchedByName(fact));
    }

    private static String display(List<org.stroma.trial.patient.Code> codes) {
        return codes.stream().map(c -> c.display() != null ? c.display() : c.code()).distinct()
                .collect(Collectors.joining(", "));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
