package org.stroma.trial.eligibility;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntFunction;
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
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.CompletedAge;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.ProcedureRecord;
import org.stroma.trial.patient.Silence;

/**
 * The verdicts of one rule that reads the record (an age, a condition, a measurement…) for a whole population, read
 * from its {@link FactColumns}: the same decisions as {@link RuleEvaluator}'s, without the reasons and evidence that a
 * person reads — those are made by {@link RuleEvaluator} for the patients someone looks at. What is rare and long to
 * decide (an allergy on record, a series of scores for an increase) is left to {@link RuleEvaluator} for that patient,
 * so that the two cannot differ there. {@code ScreeningProgramTest} holds the two to the same verdict for every
 * criterion of every patient.
 */
final class LeafVerdicts implements Rule.Visitor<VerdictBits> {
    private final FactColumns columns;
    private final ConceptDictionary concepts;
    private final LocalDate date;
    private final String criterionId;
    private final int size;

    /** @param criterionId the criterion whose rule this is, whose attestation answers apply */
    LeafVerdicts(FactColumns columns, ConceptDictionary concepts, LocalDate date, String criterionId) {
        this.columns = columns;
        this.concepts = concepts;
        this.date = date;
        this.criterionId = criterionId;
        this.size = columns.size();
    }

    /** The rule's verdict for every patient. */
    VerdictBits of(Rule leaf) {
        try {
            return leaf.accept(this);
        } catch (DateTimeException | ArithmeticException e) {
            // a window reaching beyond the calendar, found before any patient needed it: each patient as the
            // evaluator has it, which says so only of those who do
            return each(p -> evaluated(leaf, p));
        }
    }

    private VerdictBits each(IntFunction<Verdict> verdict) {
        VerdictBits bits = new VerdictBits(size);
        for (int p = 0; p < size; p++) {
            bits.set(p, verdict.apply(p));
        }
        return bits;
    }

    /** The verdicts of a rule of one concept; unknown for everyone when the dictionary lacks it. */
    private VerdictBits withConcept(String id, Function<Concept, VerdictBits> verdicts) {
        return concepts.find(id).map(verdicts).orElseGet(this::unknown);
    }

    /** The verdict of a rule naming a concept the dictionary lacks, for every patient: unknown. */
    private VerdictBits unknown() {
        return VerdictBits.constant(size, Verdict.UNKNOWN);
    }

    private static Verdict verdict(boolean holds) {
        return holds ? Verdict.MET : Verdict.NOT_MET;
    }

    /** What nothing on record means ({@link RuleEvaluator}'s rule): no, on an export or when the coordinator said so. */
    private Verdict nothingRecorded(int p, BooleanSupplier answered) {
        return columns.silenceMeansAbsent(p) || answered.getAsBoolean() ? Verdict.NOT_MET : Verdict.UNKNOWN;
    }

    /** The patient's verdict as {@link RuleEvaluator} gives it, for what this class leaves to it. */
    private Verdict evaluated(Rule rule, int p) {
        return new RuleEvaluator(concepts, date, columns.patient(p), criterionId, ref -> {
            throw new IllegalStateException("a leaf rule refers to criterion " + ref);
        }).evaluate(rule).verdict();
    }

    private Silence silence(int p) {
        return columns.patient(p).record().silence();
    }

    @Override
    public VerdictBits age(AgeRule rule) {
        return each(p -> {
            LocalDate birth = columns.birthDate(p);
            if (birth == null || birth.isAfter(date) || Period.between(birth, date).getYears() > 120) {
                return Verdict.UNKNOWN;
            }
            return verdict(rule.limits().contains(CompletedAge.between(birth, date, rule.unit())));
        });
    }

    @Override
    public VerdictBits sex(SexRule rule) {
        return each(p -> {
            AdministrativeSex sex = columns.sex(p);
            return sex == null || sex == AdministrativeSex.UNKNOWN ? Verdict.UNKNOWN
                    : verdict(rule.allowed().contains(sex));
        });
    }

    @Override
    public VerdictBits measurement(MeasurementRule rule) {
        return withConcept(rule.concept(), concept -> {
            FactColumn<Observation> observed = columns.observations(concept);
            LocalDate from = from(rule.window());
            Derivation derivation = rule.equation() != null || concept.derivedFrom() != null
                    ? new Derivation(rule, concept) : null;
            // a conversion to the concept's own unit is the one the columns made
            boolean inOwnUnit = rule.unit() != null && !rule.unit().isBlank() && Units.sameUnit(rule.unit(),
                    concept.unit());
            return each(p -> {
                int latest = latest(observed, p, from);
                if (derivation != null && (rule.equation() != null || latest < 0)) {
                    Verdict derived = derivation.verdict(p);
                    if (derived != null) {
                        return derived;
                    }
                }
                return latest < 0 ? Verdict.UNKNOWN : compare(rule, concept, observed.get(latest),
                        columns.inConceptUnit(concept, latest), inOwnUnit);
            });
        });
    }

    private static Verdict compare(MeasurementRule rule, Concept concept, Observation o, Double inConceptUnit,
            boolean inOwnUnit) {
        if (inConceptUnit == null || !concept.isPlausible(inConceptUnit)) {
            return Verdict.UNKNOWN;
        }
        double compared;
        if (rule.timesUln()) {
            Double uln = o.referenceHigh() != null ? o.referenceHigh() : concept.uln();
            if (uln == null || uln <= 0) {
                return Verdict.UNKNOWN;
            }
            compared = o.value() / uln;
        } else {
            Double inRuleUnit;
            if (rule.unit() == null || rule.unit().isBlank()) {
                inRuleUnit = inConceptUnit;
            } else if (o.unit() == null || o.unit().isBlank()) {
                inRuleUnit = Units.convert(inConceptUnit, concept.unit(), rule.unit(), concept);
            } else {
                inRuleUnit = inOwnUnit ? inConceptUnit : Units.convert(o.value(), o.unit(), rule.unit(), concept);
            }
            if (inRuleUnit == null) {
                return Verdict.UNKNOWN;
            }
            compared = inRuleUnit;
        }
        return verdict(rule.interval().contains(compared));
    }

    /** {@link RuleEvaluator}'s eGFR from the latest creatinine, for a rule that names an equation or a concept derived. */
    private final class Derivation {
        private final MeasurementRule rule;
        private final Concept egfr;
        private final Concept creatinine;
        private final FactColumn<Observation> observed;
        private final LocalDate from;
        /** Creatinine in mg/dL by its value in its concept's unit: laboratories report few distinct values. */
        private final Map<Double, Optional<Double>> inMgPerDl = new HashMap<>();
        private final boolean inOwnUnit;

        Derivation(MeasurementRule rule, Concept egfr) {
            this.rule = rule;
            this.egfr = egfr;
            this.creatinine = concepts.find(egfr.derivedFrom()).orElse(null);
            this.observed = creatinine == null ? null : columns.observations(creatinine);
            this.from = from(rule.window());
            this.inOwnUnit = rule.unit() != null && Units.known(rule.unit()) && Units.sameUnit(rule.unit(), egfr.unit());
        }

        /** The patient's verdict by eGFR; null where the rule is decided by a measured value instead. */
        Verdict verdict(int p) {
            if (creatinine == null) {
                return null;
            }
            int latest = latest(observed, p, from);
            if (latest < 0 || observed.get(latest).value() == null) {
                return rule.equation() == null ? null : Verdict.UNKNOWN;
            }
            Double own = columns.inConceptUnit(creatinine, latest);
            Double mgdl = own == null ? null : inMgPerDl.computeIfAbsent(own, v -> Optional.ofNullable(Units.convert(v,
                    creatinine.unit(), "mg/dL", creatinine))).orElse(null);
            if (mgdl == null || !creatinine.isPlausible(own)) {
                return Verdict.UNKNOWN;
            }
            AdministrativeSex sex = columns.sex(p);
            LocalDate birth = columns.birthDate(p);
            if (birth == null || sex == null || sex == AdministrativeSex.UNKNOWN || sex == AdministrativeSex.OTHER) {
                return Verdict.UNKNOWN;
            }
            EgfrEquation equation = rule.equation() != null ? rule.equation() : EgfrEquation.CKD_EPI_2021;
            double value = equation.compute(mgdl, Period.between(birth, observed.get(latest).date()).getYears(), sex);
            Double inRuleUnit = rule.unit() == null || inOwnUnit && clearOfBounds(rule.interval(), value) ? value
                    : Units.convert(value, egfr.unit(), rule.unit(), egfr);
            return inRuleUnit == null ? Verdict.UNKNOWN : LeafVerdicts.verdict(rule.interval().contains(inRuleUnit));
        }
    }

    /**
     * Whether a value is so far from the interval's bounds that {@link Units#convert}'s rounding to twelve significant
     * digits (a relative change below 10⁻¹¹) cannot move it across one: the conversion to the same unit then need not
     * be made to compare it.
     */
    private static boolean clearOfBounds(Interval interval, double value) {
        double margin = Math.abs(value) * 1e-10;
        return Double.isFinite(value) && (interval.low() == null || Math.abs(value - interval.low()) > margin)
                && (interval.high() == null || Math.abs(value - interval.high()) > margin);
    }

    /** The first day of a window that looks back; the beginning of time for the others. */
    private LocalDate from(Window window) {
        return window.kind() == Window.Kind.PAST ? window.bound(date) : LocalDate.MIN;
    }

    /** The position of the patient's latest observation from {@code from} to the date (the first of its day), or -1. */
    private int latest(FactColumn<Observation> observed, int p, LocalDate from) {
        int best = -1;
        LocalDate bestDate = null;
        for (int k = observed.start(p); k < observed.end(p); k++) {
            LocalDate d = observed.get(k).date();
            if (d != null && !d.isAfter(date) && !d.isBefore(from) && (best < 0 || d.isAfter(bestDate))) {
                best = k;
                bestDate = d;
            }
        }
        return best;
    }

    @Override
    public VerdictBits classification(ClassRule rule) {
        return withConcept(rule.concept(), concept -> {
            FactColumn<Observation> observed = columns.observations(concept);
            LocalDate from = from(rule.window());
            return each(p -> {
                int latest = latest(observed, p, from);
                String value = latest < 0 ? null : concept.classOf(observed.get(latest));
                return value == null ? Verdict.UNKNOWN
                        : verdict(rule.classes().stream().anyMatch(c -> c.equalsIgnoreCase(value)));
            });
        });
    }

    @Override
    public VerdictBits condition(ConditionRule rule) {
        return withConcept(rule.concept(), concept -> {
            FactColumn<Diagnosis> matching = columns.conditions(concept);
            FactColumn<Diagnosis> broader = columns.broaderConditions(concept);
            Window.Kind window = rule.window().kind();
            LocalDate bound = RuleEvaluator.bound(rule.window(), date);
            return each(p -> {
                if (concept.femaleOnly() && columns.sex(p) == AdministrativeSex.MALE) {
                    return Verdict.NOT_MET;
                }
                for (int k = matching.start(p); k < matching.end(p); k++) {
                    if (RuleEvaluator.inWindow(matching.get(k), window, bound, concept, date)) {
                        return Verdict.MET;
                    }
                }
                for (int k = broader.start(p); k < broader.end(p); k++) {
                    if (RuleEvaluator.inWindow(broader.get(k), window, bound, concept, date)) {
                        return Verdict.UNKNOWN;
                    }
                }
                return matching.isEmpty(p) ? nothingRecorded(p, () -> deniedCondition(p, concept)) : Verdict.NOT_MET;
            });
        });
    }

    private boolean deniedCondition(int p, Concept concept) {
        return RuleEvaluator.deniedCondition(columns.patient(p).record(), concepts, concept);
    }

    @Override
    public VerdictBits procedure(ProcedureRule rule) {
        return withConcept(rule.concept(), concept -> {
            FactColumn<ProcedureRecord> done = columns.procedures(concept);
            FactColumn<ProcedureRecord> unplaced = columns.unplacedProcedures();
            Window.Kind window = rule.window().kind();
            LocalDate bound = RuleEvaluator.bound(rule.window(), date);
            boolean planned = window == Window.Kind.NEXT;
            Silence.Kind denial = planned ? Silence.Kind.PLANNED_PROCEDURE : Silence.Kind.PROCEDURE;
            return each(p -> {
                boolean answered = false;
                for (int k = done.start(p); k < done.end(p); k++) {
                    ProcedureRecord procedure = done.get(k);
                    if (RuleEvaluator.inWindow(procedure, window, bound, date)) {
                        return Verdict.MET;
                    }
                    // a typed date outside the window answers the question as well as a "no" does
                    answered |= procedure.planned() == planned;
                }
                if (concept.openClass()) {
                    for (int k = unplaced.start(p); k < unplaced.end(p); k++) {
                        if (RuleEvaluator.inWindow(unplaced.get(k), window, bound, date)) {
                            return Verdict.UNKNOWN;
                        }
                    }
                }
                return answered ? Verdict.NOT_MET : nothingRecorded(p, () -> silence(p).denies(denial, concept.id()));
            });
        });
    }

    @Override
    public VerdictBits eventCount(EventCountRule rule) {
        return withConcept(rule.concept(), concept -> {
            FactColumn<Diagnosis> recorded = columns.conditions(concept);
            LocalDate from = from(rule.window());
            return each(p -> {
                int events = 0;
                for (int k = recorded.start(p); k < recorded.end(p); k++) {
                    LocalDate onset = recorded.get(k).onset();
                    if (onset != null && !onset.isAfter(date) && !onset.isBefore(from)) {
                        events++;
                    }
                }
                if (events < rule.atLeast() && !columns.silenceMeansAbsent(p) && !deniedCondition(p, concept)) {
                    return Verdict.UNKNOWN;
                }
                return verdict(events >= rule.atLeast());
            });
        });
    }

    @Override
    public VerdictBits medication(MedicationRule rule) {
        return withClasses(rule.concepts(), classes -> {
            List<FactColumn<Medication>> ofClasses = classes.stream().map(columns::medications).toList();
            List<String> names = rule.names().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
            // which of the population's drug names contain one the rule names, each name read once
            boolean[] naming = new boolean[columns.medicationNames().size()];
            for (int n = 0; n < naming.length; n++) {
                String name = columns.medicationNames().get(n);
                naming[n] = names.stream().anyMatch(name::contains);
            }
            FactColumn<Medication> all = columns.allMedications();
            LocalDate from = RuleEvaluator.takenFrom(rule.window(), date);
            LocalDate to = RuleEvaluator.takenUntil(rule.window(), date);
            return each(p -> {
                // a drug of the classes or named, taken in the period; unknown when one may have been
                boolean unsure = false;
                for (FactColumn<Medication> column : ofClasses) {
                    for (int k = column.start(p); k < column.end(p); k++) {
                        Medication m = column.get(k);
                        if (m.takenBetween(from, to)) {
                            return Verdict.MET;
                        }
                        unsure |= m.possiblyTakenBetween(from, to);
                    }
                }
                if (!names.isEmpty()) {
                    for (int k = all.start(p); k < all.end(p); k++) {
                        int name = columns.medicationName(k);
                        if (name >= 0 && naming[name]) {
                            Medication m = all.get(k);
                            if (m.takenBetween(from, to)) {
                                return Verdict.MET;
                            }
                            unsure |= m.possiblyTakenBetween(from, to);
                        }
                    }
                }
                return unsure ? Verdict.UNKNOWN : nothingRecorded(p, () -> RuleEvaluator.answered(columns.patient(p),
                        classes, rule.names()));
            });
        });
    }

    @Override
    public VerdictBits allergy(AllergyRule rule) {
        return withClasses(rule.concepts(), classes -> each(p -> {
            if (!columns.allergies().isEmpty(p)) {
                return evaluated(rule, p);
            }
            // no allergy on record: "no" on an export, or when the coordinator said there is none of these
            Silence silence = silence(p);
            return nothingRecorded(p, () -> silence.denied().contains(Silence.NO_KNOWN_ALLERGIES)
                    || rule.concepts().stream().allMatch(c -> silence.denies(Silence.Kind.ALLERGY, c))
                    && rule.names().stream().allMatch(n -> silence.denies(Silence.Kind.ALLERGY, n)));
        }));
    }

    @Override
    public VerdictBits exposure(ExposureRule rule) {
        return withClasses(rule.concepts(), classes -> {
            List<FactColumn<Medication>> ofClasses = classes.stream().map(columns::medications).toList();
            FactColumn<Medication> all = columns.allMedications();
            double needed = rule.atLeast().approximateDays();
            return each(p -> {
                long days = 0;
                boolean partlyUnknown = false;
                boolean any = false;
                if (ofClasses.stream().anyMatch(c -> !c.isEmpty(p))) {
                    // each record once, however many of the classes it is in
                    for (int k = all.start(p); k < all.end(p); k++) {
                        Medication m = all.get(k);
                        if (m.start() != null && inAny(ofClasses, p, m)) {
                            LocalDate last = m.knownEnd() == null || m.knownEnd().isAfter(date) ? date : m.knownEnd();
                            days += Math.max(0, ChronoUnit.DAYS.between(m.start(), last));
                            partlyUnknown |= m.endUnknown() && m.end() == null;
                            any = true;
                        }
                    }
                }
                if (!any && !columns.silenceMeansAbsent(p)) {
                    return RuleEvaluator.answered(columns.patient(p), classes, List.of()) ? Verdict.NOT_MET
                            : Verdict.UNKNOWN;
                }
                if (days < needed - 0.5 && partlyUnknown) {
                    return Verdict.UNKNOWN;
                }
                return verdict(days >= needed - 0.5);
            });
        });
    }

    private static boolean inAny(List<FactColumn<Medication>> columns, int p, Medication m) {
        for (FactColumn<Medication> column : columns) {
            for (int k = column.start(p); k < column.end(p); k++) {
                if (column.get(k) == m) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public VerdictBits duration(DurationRule rule) {
        return withConcept(rule.concept(), concept -> {
            FactColumn<Diagnosis> recorded = columns.conditions(concept);
            return each(p -> {
                LocalDate onset = null;
                for (int k = recorded.start(p); k < recorded.end(p); k++) {
                    LocalDate d = recorded.get(k).onset();
                    if (d != null && (onset == null || d.isBefore(onset))) {
                        onset = d;
                    }
                }
                if (onset == null) {
                    return recorded.isEmpty(p) ? nothingRecorded(p, () -> deniedCondition(p, concept)) : Verdict.UNKNOWN;
                }
                return verdict(rule.interval().contains(RuleEvaluator.elapsed(onset, date, rule.unit())));
            });
        });
    }

    @Override
    public VerdictBits increase(IncreaseRule rule) {
        return withConcept(rule.concept(), concept -> {
            FactColumn<Observation> observed = columns.observations(concept);
            // without a value there is nothing to compare; a series of values is left to the evaluator
            return each(p -> observed.isEmpty(p) ? Verdict.UNKNOWN : evaluated(rule, p));
        });
    }

    @Override
    public VerdictBits attestation(Attestation rule) {
        FactColumn<Boolean> answers = columns.attestations(criterionId);
        return each(p -> answers.isEmpty(p) ? Verdict.UNKNOWN : verdict(answers.get(answers.start(p))));
    }

    /** The verdicts of a rule of drug classes; unknown for everyone when the dictionary lacks one of them. */
    private VerdictBits withClasses(List<String> ids, Function<List<Concept>, VerdictBits> verdicts) {
        List<Optional<Concept>> found = ids.stream().map(concepts::find).toList();
        return found.stream().allMatch(Optional::isPresent) ? verdicts.apply(found.stream().map(Optional::get)
                .toList()) : unknown();
    }

    @Override
    public VerdictBits allOf(AllOf rule) {
        throw notALeaf(rule);
    }

    @Override
    public VerdictBits anyOf(AnyOf rule) {
        throw notALeaf(rule);
    }

    @Override
    public VerdictBits not(Not rule) {
        throw notALeaf(rule);
    }

    @Override
    public VerdictBits criterionRef(CriterionRef rule) {
        throw notALeaf(rule);
    }

    private static IllegalArgumentException notALeaf(Rule rule) {
        return new IllegalArgumentException("not a rule that reads the record: " + rule.ruleText());
    }
}
