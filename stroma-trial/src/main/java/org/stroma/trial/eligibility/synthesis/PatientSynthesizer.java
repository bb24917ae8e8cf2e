package org.stroma.trial.eligibility.synthesis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.stroma.protocol.CriterionKind;
import org.stroma.protocol.Offset;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
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
import org.stroma.trial.measure.Units;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.CompletedAge;

/**
 * Makes up patients for a trial from its compiled criteria, for simulation: an eligible patient has facts that meet
 * every inclusion and miss every exclusion, and the investigator answers what records cannot show; a failing patient
 * is the same but for one criterion, turned the other way. It works from the rules, not from any trial's text, so it
 * serves any registry record Stroma compiles. Rules on the same measurement (haemoglobin at least 10 and not above
 * 18) are solved together; what it cannot make true (an increase over time) is left to the screening to report.
 */
public final class PatientSynthesizer {
    private final ConceptDictionary dictionary;
    private final CompiledEligibility eligibility;
    private final Map<String, CompiledCriterion> byId = new LinkedHashMap<>();
    private final Random random;
    private final Screening screening;

    public PatientSynthesizer(ConceptDictionary dictionary, CompiledEligibility eligibility, long seed) {
        this.dictionary = dictionary;
        this.eligibility = eligibility;
        this.random = new Random(seed);
        this.screening = new Screening(dictionary, eligibility);
        eligibility.all().forEach(c -> c.flatten().forEach(f -> byId.put(f.id(), f)));
    }

    /** A patient meant to be eligible on the screening date. */
    public SyntheticPatient eligible(String id, LocalDate date) {
        return build(id, date, null);
    }

    /**
     * A patient meant to be eligible on the screening date, of the sex given wherever the criteria leave it open: a
     * simulation draws it from the share of each sex in the trial's population, where the criteria alone would give a
     * trial of heart failure as many women as men (or, with a pregnancy exclusion, only women).
     */
    public SyntheticPatient eligible(String id, LocalDate date, AdministrativeSex sex) {
        preferredSex = sex;
        try {
            return build(id, date, null);
        } finally {
            preferredSex = null;
        }
    }

    /**
     * A patient meant to be ineligible, for one criterion chosen at random among those a record decides (or, when
     * none does, one the investigator answers; another is tried when turning one does not make the patient
     * ineligible); the criterion is returned with the patient.
     */
    public Failing failing(String id, LocalDate date) {
        List<CompiledCriterion> candidates = topLevel().stream().filter(c -> !c.rule().asksInvestigator()).toList();
        if (candidates.isEmpty()) {
            candidates = topLevel();
        }
        List<CompiledCriterion> order = new ArrayList<>(candidates);
        Collections.shuffle(order, random);
        Failing last = null;
        for (CompiledCriterion chosen : order) {
            last = new Failing(build(id, date, chosen.id()), chosen.id());
            if (screening.screen(last.patient().toRecord(dictionary), date).verdict() == PatientVerdict.INELIGIBLE) {
                return last;
            }
        }
        return last;
    }

    /** An ineligible patient and the criterion that makes them so. */
    public record Failing(SyntheticPatient patient, String criterion) {
    }

    private List<CompiledCriterion> topLevel() {
        List<CompiledCriterion> all = new ArrayList<>(eligibility.inclusion());
        all.addAll(eligibility.exclusion());
        return all;
    }

    /** Builds the patient a way at a time until the trial's own screening gives the verdict wanted. */
    private SyntheticPatient build(String id, LocalDate date, String flipped) {
        PatientVerdict wanted = flipped == null ? PatientVerdict.ELIGIBLE : PatientVerdict.INELIGIBLE;
        SyntheticPatient patient = null;
        for (falsifyOrder = 0; falsifyOrder < FALSIFY_ORDERS.size(); falsifyOrder++) {
            patient = attempt(id, date, flipped);
            if (screening.screen(patient.toRecord(dictionary), date).verdict() == wanted) {
                break;
            }
        }
        falsifyOrder = 0;
        return patient;
    }

    private SyntheticPatient attempt(String id, LocalDate date, String flipped) {
        Facts facts = new Facts(date);
        List<String> grouped = new ArrayList<>();
        for (List<String> group : eligibility.alternatives()) {
            grouped.addAll(group.subList(1, group.size())); // one alternative met is enough: the first
        }
        String flippedRule = flipped == null ? null : byId.get(flipped).rule().ruleText();
        for (CompiledCriterion c : topLevel()) {
            if (grouped.contains(c.id()) && !c.id().equals(flipped)) {
                continue;
            }
            if (flippedRule != null && !c.id().equals(flipped) && c.rule().ruleText().equals(flippedRule)) {
                continue; // the same rule twice (the registry's age limits and the criterion): turned once
            }
            boolean wanted = c.kind() == CriterionKind.INCLUSION;
            if (c.id().equals(flipped)) {
                wanted = !wanted;
            }
            want(c.rule(), wanted, c.id(), facts);
        }
        return facts.patient(id);
    }

    private void want(Rule rule, boolean truth, String criterion, Facts f) {
        rule.accept(new Wish(truth, criterion, f));
    }

    /**
     * The facts that make one rule come out as wanted ({@code truth}) for a criterion, added to {@code f}. Where a
     * rule cannot be made to come out that way from made-up records, nothing is added and the screening reports it.
     */
    private final class Wish implements Rule.Visitor<Void> {
        private final boolean truth;
        private final String criterion;
        private final Facts f;

        Wish(boolean truth, String criterion, Facts f) {
            this.truth = truth;
            this.criterion = criterion;
            this.f = f;
        }

        @Override
        public Void allOf(AllOf rule) {
            if (truth) {
                rule.rules().forEach(r -> want(r, true, criterion, f));
            } else {
                want(easiestToFalsify(rule.rules()), false, criterion, f);
            }
            return null;
        }

        @Override
        public Void anyOf(AnyOf rule) {
            if (truth) {
                want(preferAnswered(rule.rules()), true, criterion, f);
            } else {
                rule.rules().forEach(r -> want(r, false, criterion, f));
            }
            return null;
        }

        @Override
        public Void not(Not rule) {
            want(rule.rule(), !truth, criterion, f);
            return null;
        }

        @Override
        public Void attestation(Attestation rule) {
            f.answers.put(criterion, truth);
            return null;
        }

        @Override
        public Void criterionRef(CriterionRef rule) {
            CompiledCriterion target = byId.get(rule.criterionId());
            if (target != null) {
                want(target.rule(), truth, target.id(), f);
            }
            return null;
        }

        @Override
        public Void age(AgeRule rule) {
            if (rule.unit() == TimeUnit.YEAR) {
                f.ages.add(new Constraint(rule.limits(), truth));
            } else {
                f.finerAges.add(new AgeConstraint(rule, truth));
            }
            return null;
        }

        @Override
        public Void sex(SexRule rule) {
            for (AdministrativeSex s : List.of(AdministrativeSex.FEMALE, AdministrativeSex.MALE)) {
                if (rule.allowed().contains(s) != truth) {
                    f.excludedSexes.add(s);
                }
            }
            return null;
        }

        @Override
        public Void measurement(MeasurementRule rule) {
            PatientSynthesizer.this.measurement(rule, truth, f);
            return null;
        }

        @Override
        public Void classification(ClassRule rule) {
            f.classes.computeIfAbsent(rule.concept(), k -> new ArrayList<>()).add(new ClassConstraint(rule, truth));
            return null;
        }

        @Override
        public Void condition(ConditionRule rule) {
            if (dictionary.get(rule.concept()).femaleOnly()) {
                f.preferFemale = true; // pregnancy and the like are asked of women; for a man they do not apply
                f.needsFemale |= truth; // a patient who must be pregnant is a woman, whatever sex was asked
            }
            if (truth) {
                f.condition(rule.concept(), dayWithin(rule.window(), f.date), dictionary.get(rule.concept()).event());
            }
            return null;
        }

        @Override
        public Void eventCount(EventCountRule rule) {
            if (truth) {
                for (int k = 1; k <= rule.atLeast(); k++) {
                    f.events.add(new SyntheticPatient.Condition(rule.concept(), spread(rule.window(), f.date, k,
                            rule.atLeast())));
                }
            }
            return null;
        }

        @Override
        public Void duration(DurationRule rule) {
            f.durations.computeIfAbsent(rule.concept(), k -> new ArrayList<>()).add(new DurationConstraint(rule,
                    truth));
            return null;
        }

        @Override
        public Void procedure(ProcedureRule rule) {
            if (truth) {
                boolean planned = rule.window().kind() == Window.Kind.NEXT;
                f.procedures.add(new SyntheticPatient.Procedure(rule.concept(), planned ? rule.window().bound(f.date)
                        .minusDays(1) : dayWithin(rule.window(), f.date), planned));
            }
            return null;
        }

        @Override
        public Void medication(MedicationRule rule) {
            if (!truth) {
                f.forbiddenDrugs.add(rule);
            }
            if (truth && (!rule.concepts().isEmpty() || !rule.names().isEmpty())) {
                LocalDate start = rule.window().kind() == Window.Kind.NEXT ? f.date : dayWithin(rule.window(), f.date);
                f.drugs.add(rule.concepts().isEmpty()
                        ? new SyntheticPatient.Drug(null, rule.names().get(0), start, null)
                        : new SyntheticPatient.Drug(rule.concepts().get(0), null, start, null));
            }
            return null;
        }

        @Override
        public Void allergy(AllergyRule rule) {
            // an allergy is made only where one is wanted: a record without one is not allergic
            if (truth) {
                f.allergies.add(rule.concepts().isEmpty() ? new SyntheticPatient.Allergen(null, rule.names().get(0))
                        : new SyntheticPatient.Allergen(rule.concepts().get(0), null));
            }
            return null;
        }

        @Override
        public Void exposure(ExposureRule rule) {
            if (truth && !rule.concepts().isEmpty()) {
                f.drugs.add(new SyntheticPatient.Drug(rule.concepts().get(0), null, f.date.minusDays(Math.round(
                        rule.atLeast().approximateDays()) + 30), null));
            }
            return null;
        }

        /**
         * Only "no rise" is made up (the same value twice, a few months apart); a rise over time is not made true, and
         * the screening reports the rule as it finds it.
         */
        @Override
        public Void increase(IncreaseRule rule) {
            if (!truth) {
                Concept c = dictionary.get(rule.concept());
                double v = typical(c);
                f.measurements.add(new SyntheticPatient.Measurement(c.id(), v, c.unit(), null, f.date.minusDays(120)));
                f.measurements.add(new SyntheticPatient.Measurement(c.id(), v, c.unit(), null, f.date.minusDays(2)));
            }
            return null;
        }
    }

    /**
     * The orders in which the parts of a combination are tried when one must be made false: the investigator's
     * answer first, then either a value (a measurement, the age) or a condition left absent, then the rest. Each is
     * tried in turn until the screening agrees.
     */
    private static final List<List<Class<?>>> FALSIFY_ORDERS = List.of(
            List.of(Attestation.class, MeasurementRule.class, AgeRule.class, ClassRule.class, IncreaseRule.class),
            List.of(Attestation.class, ConditionRule.class, MeasurementRule.class, AgeRule.class, ClassRule.class),
            List.of());
    private int falsifyOrder;
    /** The sex asked of the patient being built, where the criteria allow it; null: as the criteria fall. */
    private AdministrativeSex preferredSex;

    private Rule easiestToFalsify(List<Rule> rules) {
        for (Class<?> kind : FALSIFY_ORDERS.get(falsifyOrder)) {
            for (Rule r : rules) {
                if (kind.isInstance(r)) {
                    return r;
                }
            }
        }
        return rules.get(0);
    }

    /** The part of a combination the investigator answers, when there is one: a judgement is the likeliest to turn. */
    private static Rule preferAnswered(List<Rule> rules) {
        return rules.stream().filter(r -> r instanceof Attestation).findFirst().orElse(rules.get(0));
    }

    private void measurement(MeasurementRule m, boolean truth, Facts f) {
        Concept c = dictionary.get(m.concept());
        Interval in = m.interval();
        String unit = m.unit() == null || m.unit().isBlank() ? c.unit() : m.unit();
        if (m.timesUln()) {
            Double uln = c.uln();
            if (uln == null) {
                return;
            }
            in = scale(in, uln);
            unit = c.unit();
        } else if (!unit.equals(c.unit())) {
            in = convert(in, unit, c.unit(), c);
            if (in == null) {
                return;
            }
        }
        if (m.equation() != null) {
            f.egfr.add(new EgfrConstraint(m, in, truth));
            return;
        }
        String concept = c.derivedFrom() != null ? c.id() : m.concept();
        f.values.computeIfAbsent(concept, k -> new ArrayList<>()).add(new Constraint(in, truth));
        f.windows.merge(concept, m.window(), (a, b) -> a.kind() == Window.Kind.NOW ? a : b);
    }

    private static Interval scale(Interval i, double factor) {
        return new Interval(i.low() == null ? null : i.low() * factor, i.lowInclusive(), i.high() == null ? null
                : i.high() * factor, i.highInclusive());
    }

    private static Interval convert(Interval i, String from, String to, Concept c) {
        Double low = i.low() == null ? null : Units.convert(i.low(), from, to, c);
        Double high = i.high() == null ? null : Units.convert(i.high(), from, to, c);
        if ((i.low() != null && low == null) || (i.high() != null && high == null)) {
            return null;
        }
        return new Interval(low, i.lowInclusive(), high, i.highInclusive());
    }

    /** A day inside a window, before the screening date: the middle of a past window, a year ago for "ever". */
    private static LocalDate dayWithin(Window w, LocalDate date) {
        return switch (w.kind()) {
            case EVER -> date.minusYears(1);
            case NOW -> date.minusDays(1);
            case PAST -> date.minusDays(Math.max(1, (date.toEpochDay() - w.bound(date).toEpochDay()) / 2));
            case NEXT -> date;
        };
    }

    /** The k-th of n events, spread over a past window. */
    private static LocalDate spread(Window w, LocalDate date, int k, int n) {
        long span = w.kind() == Window.Kind.PAST ? date.toEpochDay() - w.bound(date).toEpochDay() : 365;
        return date.minusDays(Math.max(1, span * k / (n + 1)));
    }

    /**
     * A value a concept usually has: below its upper limit of normal when it has one, else the geometric middle of
     * its plausible range (a lab range spans orders of magnitude), else 1.
     */
    private static double typical(Concept c) {
        if (c.uln() != null) {
            return Math.round(c.uln() * 0.6 * 100) / 100.0;
        }
        if (c.plausible().size() == 2) {
            double lo = c.plausible().get(0);
            double hi = c.plausible().get(1);
            return lo > 0 ? Math.round(Math.sqrt(lo * hi) * 100) / 100.0 : (lo + hi) / 2;
        }
        return 1;
    }

    /** An age in months, weeks or days ("6 to 24 months") that the patient's birth date must meet, or miss. */
    record AgeConstraint(AgeRule rule, boolean inside) {
    }

    /** A value inside (or outside) an interval, or whether one is, as a constraint. */
    record Constraint(Interval interval, boolean inside) {
        boolean holds(double v) {
            return interval.contains(v) == inside;
        }
    }

    record ClassConstraint(ClassRule rule, boolean inside) {
    }

    record DurationConstraint(DurationRule rule, boolean inside) {
    }

    record EgfrConstraint(MeasurementRule rule, Interval interval, boolean inside) {
    }

    /** The facts gathered for one patient, and the choices made once every rule has asked for its part. */
    private final class Facts {
        final LocalDate date;
        final List<Constraint> ages = new ArrayList<>();
        final List<AgeConstraint> finerAges = new ArrayList<>();
        final List<AdministrativeSex> excludedSexes = new ArrayList<>();
        boolean preferFemale;
        boolean needsFemale;
        final Map<String, List<Constraint>> values = new LinkedHashMap<>();
        final Map<String, Window> windows = new LinkedHashMap<>();
        final Map<String, List<ClassConstraint>> classes = new LinkedHashMap<>();
        final Map<String, List<DurationConstraint>> durations = new LinkedHashMap<>();
        final List<EgfrConstraint> egfr = new ArrayList<>();
        final List<SyntheticPatient.Measurement> measurements = new ArrayList<>();
        final Map<String, SyntheticPatient.Condition> conditions = new LinkedHashMap<>();
        final List<SyntheticPatient.Condition> events = new ArrayList<>();
        final List<SyntheticPatient.Procedure> procedures = new ArrayList<>();
        final List<SyntheticPatient.Drug> drugs = new ArrayList<>();
        final List<MedicationRule> forbiddenDrugs = new ArrayList<>();
        final List<SyntheticPatient.Allergen> allergies = new ArrayList<>();
        final Map<String, Boolean> answers = new LinkedHashMap<>();

        Facts(LocalDate date) {
            this.date = date;
        }

        void condition(String concept, LocalDate onset, boolean event) {
            if (event) {
                events.add(new SyntheticPatient.Condition(concept, onset));
            } else {
                conditions.merge(concept, new SyntheticPatient.Condition(concept, onset),
                        (a, b) -> a.onset().isBefore(b.onset()) ? a : b);
            }
        }

        SyntheticPatient patient(String id) {
            int chosenAge = (int) Math.round(choose(ages, 40 + random.nextInt(30), 0, 100, 1));
            List<AdministrativeSex> allowed = new ArrayList<>(List.of(AdministrativeSex.FEMALE, AdministrativeSex.MALE));
            allowed.removeAll(excludedSexes);
            AdministrativeSex sex = preferredSex != null && allowed.contains(preferredSex) && !(needsFemale
                    && preferredSex == AdministrativeSex.MALE) ? preferredSex : allowed.isEmpty()
                    ? AdministrativeSex.FEMALE : allowed.size() == 1 || preferFemale ? allowed.get(0)
                    : allowed.get(random.nextInt(2));
            LocalDate birth = finerAges.isEmpty() ? date.minusYears(chosenAge).minusDays(30 + random.nextInt(300))
                    : birthMeetingFinerAges(random.nextInt(30));
            // the age the measurements that depend on it (eGFR's creatinine) are made for: the birth date's
            int age = (int) CompletedAge.between(birth, date, TimeUnit.YEAR);
            for (Map.Entry<String, List<Constraint>> e : values.entrySet()) {
                Concept c = dictionary.get(e.getKey());
                double lo = c.plausible().size() == 2 ? c.plausible().get(0) : -1e9;
                double hi = c.plausible().size() == 2 ? c.plausible().get(1) : 1e9;
                double v = choose(e.getValue(), typical(c), lo, hi, 0.01);
                Window w = windows.get(e.getKey());
                measurements.add(new SyntheticPatient.Measurement(c.id(), v, c.unit(), null,
                        w != null && w.kind() == Window.Kind.NOW ? date : date.minusDays(2)));
            }
            for (EgfrConstraint e : egfr) {
                measurements.add(creatinineFor(e, age, sex));
            }
            for (Map.Entry<String, List<ClassConstraint>> e : classes.entrySet()) {
                // the classes the dictionary names by code ("CURRENT", "FORMER", "NEVER"), or a graded scale's
                Concept concept = dictionary.get(e.getKey());
                TreeSet<String> options = new TreeSet<>(concept.valueCodes().isEmpty() ? List.of("I", "II", "III", "IV")
                        : concept.valueCodes().keySet());
                e.getValue().forEach(cc -> options.addAll(cc.rule().classes().stream().map(String::toUpperCase)
                        .toList()));
                String chosen = options.stream().filter(o -> e.getValue().stream().allMatch(cc -> cc.rule().classes()
                        .stream().anyMatch(o::equalsIgnoreCase) == cc.inside())).findFirst().orElse(options.first());
                measurements.add(new SyntheticPatient.Measurement(e.getKey(), null, null, chosen, date.minusDays(2)));
            }
            for (Map.Entry<String, List<DurationConstraint>> e : durations.entrySet()) {
                boolean wanted = e.getValue().stream().anyMatch(DurationConstraint::inside);
                if (wanted || conditions.containsKey(e.getKey())) {
                    double years = chooseYears(e.getValue());
                    conditions.put(e.getKey(), new SyntheticPatient.Condition(e.getKey(), date.minusDays(Math.round(
                            years * 365.25))));
                }
            }
            List<SyntheticPatient.Drug> taken = drugs.stream().map(this::stoppedBeforeForbidden).toList();
            drugs.clear();
            drugs.addAll(taken);
            List<SyntheticPatient.Condition> all = new ArrayList<>(conditions.values());
            all.addAll(events);
            return new SyntheticPatient(id, birth, sex, measurements, all, procedures, drugs, allergies, answers);
        }

        /**
         * A drug one criterion needs and another forbids within a recent window ("treated with a disease-modifying
         * therapy" but "none in the last 3 months") is stopped two weeks before that window, keeping its length.
         */
        private SyntheticPatient.Drug stoppedBeforeForbidden(SyntheticPatient.Drug d) {
            SyntheticPatient.Drug result = d;
            for (MedicationRule m : forbiddenDrugs) {
                // the forbidden class would recognise the drug as recorded (its code, or its class's)
                SyntheticPatient.Drug drug = d;
                boolean same = d.concept() != null && m.concepts().stream().anyMatch(c -> c.equals(drug.concept())
                        || dictionary.isA(dictionary.get(drug.concept()), c) || dictionary.get(c).matches(
                        SyntheticPatient.codes(dictionary, drug.concept()), dictionary.get(drug.concept()).label()));
                if (!same || m.window().kind() == Window.Kind.EVER || m.window().kind() == Window.Kind.NEXT) {
                    continue;
                }
                LocalDate from = m.window().kind() == Window.Kind.NOW ? date : m.window().bound(date);
                LocalDate end = from.minusDays(14);
                long length = Math.max(180, result.start().until(result.end() == null ? date : result.end(),
                        ChronoUnit.DAYS));
                result = new SyntheticPatient.Drug(d.concept(), d.name(), end.minusDays(length), end);
            }
            return result;
        }

        /** Creatinine (mg/dL) that gives an eGFR the rule wants, by bisection on the equation (eGFR falls as it rises). */
        private SyntheticPatient.Measurement creatinineFor(EgfrConstraint e, int age, AdministrativeSex sex) {
            double target = choose(List.of(new Constraint(e.interval(), e.inside())), 75, 5, 150, 0.5);
            double lo = 0.2;
            double hi = 15;
            for (int i = 0; i < 60; i++) {
                double mid = (lo + hi) / 2;
                if (e.rule().equation().compute(mid, age, sex) > target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return new SyntheticPatient.Measurement("creatinine", Math.round((lo + hi) / 2 * 100) / 100.0, "mg/dL",
                    null, date.minusDays(2));
        }

        /**
         * A birth date meeting every age in months, weeks or days and every age in years, found day by day back from
         * the screening date (from a few days before it, for variety) over a century: infants' limits ("postnatal age
         * ≤ 28 days") are met exactly, as the evaluator counts them. The screening day itself when none does.
         */
        private LocalDate birthMeetingFinerAges(int daysFirst) {
            for (int start : new int[] {daysFirst, 0}) {
                for (int days = start; days <= 36_525; days++) {
                    LocalDate birth = date.minusDays(days);
                    long years = CompletedAge.between(birth, date, TimeUnit.YEAR);
                    if (ages.stream().allMatch(c -> c.holds(years)) && finerAges.stream().allMatch(c -> c.rule()
                            .limits().contains(CompletedAge.between(birth, date, c.rule().unit())) == c.inside())) {
                        return birth;
                    }
                }
            }
            return date;
        }

        private double chooseYears(List<DurationConstraint> constraints) {
            for (double years : new double[] {3, 1.5, 6, 0.75, 10, 0.3, 15, 20, 0.1, 30}) {
                boolean ok = constraints.stream().allMatch(d -> {
                    double inUnit = years * 365.25 / new Offset(1, d.rule().unit()).approximateDays();
                    return d.rule().interval().contains(inUnit) == d.inside();
                });
                if (ok) {
                    return years;
                }
            }
            return 3;
        }
    }

    /**
     * A value meeting every constraint: the preferred one if it does, else one from the constraints' own bounds and
     * the points between them, within the plausible range where possible; {@code step} nudges past open bounds.
     */
    static double choose(List<Constraint> constraints, double preferred, double lowest, double highest, double step) {
        if (constraints.stream().allMatch(c -> c.holds(preferred))) {
            return preferred;
        }
        if (step >= 1) {
            // whole numbers (an age): the nearest that meets them all
            for (int d = 0; d <= highest - lowest; d++) {
                for (double v : new double[] {preferred + d, preferred - d}) {
                    if (v >= lowest && v <= highest && constraints.stream().allMatch(c -> c.holds(v))) {
                        return v;
                    }
                }
            }
            return preferred;
        }
        TreeSet<Double> points = new TreeSet<>(List.of(lowest, highest));
        for (Constraint c : constraints) {
            for (Double b : new Double[] {c.interval().low(), c.interval().high()}) {
                if (b != null) {
                    points.add(b);
                    points.add(b + Math.max(step, Math.abs(b) * 0.1));
                    points.add(b - Math.max(step, Math.abs(b) * 0.1));
                }
            }
        }
        List<Double> sorted = new ArrayList<>(points);
        List<Double> candidates = new ArrayList<>();
        for (int i = 0; i + 1 < sorted.size(); i++) {
            candidates.add((sorted.get(i) + sorted.get(i + 1)) / 2);
        }
        candidates.addAll(sorted);
        double best = preferred;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (double v : candidates) {
            boolean plausible = v >= lowest && v <= highest;
            if (plausible && constraints.stream().allMatch(c -> c.holds(v)) && Math.abs(v - preferred) < bestDistance) {
                best = v;
                bestDistance = Math.abs(v - preferred);
            }
        }
        double rounded = Math.round(best * 100) / 100.0;
        return constraints.stream().allMatch(c -> c.holds(rounded)) ? rounded : best;
    }
}
