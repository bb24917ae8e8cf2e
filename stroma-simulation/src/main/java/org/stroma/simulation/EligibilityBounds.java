package org.stroma.simulation;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stroma.trial.capture.FormLibrary;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.rule.AllOf;
import org.stroma.trial.eligibility.rule.AnyOf;
import org.stroma.trial.eligibility.rule.ClassRule;
import org.stroma.trial.eligibility.rule.CriterionRef;
import org.stroma.trial.eligibility.rule.Interval;
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.Rule;
import org.stroma.trial.measure.Units;

/**
 * What a trial's eligibility criteria say of the values a subject can have at baseline, by case report form item: the
 * interval a measurement lies in ("LVEF ≤ 45 %" → lvef at most 45) and the classes allowed ("NYHA III–IV"). A subject
 * who passed the screening meets them, so a believable baseline visit measures them inside: a VO2 peak of 22 in a
 * trial that admits only 20 or less is a reader's first doubt.
 *
 * <p>Only what every eligible patient must meet is taken: an inclusion (or every part of an inclusion's "all of"), an
 * exclusion turned about (an exclusion "LVEF > 45 %" keeps LVEF at most 45; "any of" in an exclusion, each of its
 * parts). A part of an "any of" inclusion, a criterion among alternatives (the multiple sclerosis subtypes), or the
 * parts of an exclusion's "all of" bound no one on their own, and are left out. The intervals are in the item's unit.
 */
final class EligibilityBounds {
    /**
     * The concept a form item measures, where the eligibility dictionary has it: the link between what the criteria
     * bound and what the forms record.
     */
    private static final Map<String, String> CONCEPT_OF_ITEM = Map.ofEntries(
            Map.entry("lvef", "lvef"), Map.entry("lvef_imaging", "lvef"), Map.entry("vo2_peak", "vo2max"),
            Map.entry("creatinine", "creatinine"), Map.entry("hemoglobin", "hemoglobin"),
            Map.entry("potassium", "potassium"), Map.entry("alt", "alt"), Map.entry("troponin", "troponin"),
            Map.entry("crp", "crp"), Map.entry("nt_probnp", "nt_probnp"), Map.entry("bnp", "bnp"),
            Map.entry("systolic_bp", "systolic_bp"), Map.entry("diastolic_bp", "diastolic_bp"),
            Map.entry("heart_rate", "heart_rate"), Map.entry("weight", "body_weight"),
            Map.entry("temperature", "body_temperature"), Map.entry("edss", "edss"), Map.entry("nyha", "nyha"),
            Map.entry("ccs", "ccs"), Map.entry("gel_count", "gel"));

    private final Map<String, Interval> intervals;
    private final Map<String, Set<String>> classes;

    private EligibilityBounds(Map<String, Interval> intervals, Map<String, Set<String>> classes) {
        this.intervals = Collections.unmodifiableMap(intervals);
        this.classes = Collections.unmodifiableMap(classes);
    }

    /** No bounds: a trial whose criteria were not compiled, or a test. */
    static EligibilityBounds none() {
        return new EligibilityBounds(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    static EligibilityBounds of(CompiledEligibility eligibility, ConceptDictionary dictionary) {
        Map<String, CompiledCriterion> byId = new LinkedHashMap<>();
        eligibility.all().forEach(c -> c.flatten().forEach(f -> byId.put(f.id(), f)));
        Set<String> alternatives = new HashSet<>();
        eligibility.alternatives().forEach(alternatives::addAll);
        Reader reader = new Reader(byId, dictionary);
        for (CompiledCriterion c : eligibility.inclusion()) {
            if (!alternatives.contains(c.id())) {
                reader.read(c.rule(), true);
            }
        }
        for (CompiledCriterion c : eligibility.exclusion()) {
            if (!alternatives.contains(c.id())) {
                reader.read(c.rule(), false);
            }
        }
        return new EligibilityBounds(reader.intervals, reader.classes);
    }

    /** The interval an item's baseline lies in, in the item's unit; null when no criterion bounds it. */
    Interval interval(String item) {
        return intervals.get(item);
    }

    /** The classes (the item's codes) an item's baseline may take; null when no criterion bounds it. */
    Set<String> classes(String item) {
        return classes.get(item);
    }

    /** Every bounded item's interval, for a test to hold the simulation's baselines against. */
    Map<String, Interval> intervals() {
        return intervals;
    }

    /** Every bounded item's classes. */
    Map<String, Set<String>> allClasses() {
        return classes;
    }

    /** Walks the rules every eligible patient meets (or, turned about, fails), gathering the bounds per item. */
    private static final class Reader {
        private final Map<String, CompiledCriterion> byId;
        private final ConceptDictionary dictionary;
        private final Map<String, ItemDef> items = new LinkedHashMap<>();
        final Map<String, Interval> intervals = new LinkedHashMap<>();
        final Map<String, Set<String>> classes = new LinkedHashMap<>();
        private final Set<String> visiting = new HashSet<>();

        Reader(Map<String, CompiledCriterion> byId, ConceptDictionary dictionary) {
            this.byId = byId;
            this.dictionary = dictionary;
            for (FormLibrary.Entry e : FormLibrary.standard().entries()) {
                e.form().items().forEach(i -> items.putIfAbsent(i.id(), i));
            }
        }

        /** A rule the patient meets ({@code truth}) or fails. */
        void read(Rule rule, boolean truth) {
            if (rule instanceof AllOf all && truth) {
                all.rules().forEach(r -> read(r, true));
            } else if (rule instanceof AnyOf any && !truth) {
                any.rules().forEach(r -> read(r, false));
            } else if (rule instanceof Not not) {
                read(not.rule(), !truth);
            } else if (rule instanceof CriterionRef ref && byId.containsKey(ref.criterionId())
                    && visiting.add(ref.criterionId())) {
                read(byId.get(ref.criterionId()).rule(), truth);
                visiting.remove(ref.criterionId());
            } else if (rule instanceof MeasurementRule m && m.equation() == null) {
                measurement(m, truth);
            } else if (rule instanceof ClassRule c) {
                classification(c, truth);
            }
        }

        private void measurement(MeasurementRule m, boolean truth) {
            Interval in = truth ? m.interval() : complement(m.interval());
            if (in == null) {
                return; // outside a two-sided interval is not one interval
            }
            Concept concept = dictionary.get(m.concept());
            String unit = m.unit() == null || m.unit().isBlank() ? concept.unit() : m.unit();
            if (m.timesUln()) {
                if (concept.uln() == null) {
                    return;
                }
                in = scale(in, concept.uln());
                unit = concept.unit();
            }
            for (Map.Entry<String, String> e : CONCEPT_OF_ITEM.entrySet()) {
                if (!e.getValue().equals(concept.id()) || !items.containsKey(e.getKey())) {
                    continue;
                }
                Interval inItemUnit = convert(in, unit, items.get(e.getKey()).unit(), concept);
                if (inItemUnit != null) {
                    intervals.merge(e.getKey(), inItemUnit, Reader::intersect);
                }
            }
        }

        private void classification(ClassRule rule, boolean truth) {
            for (Map.Entry<String, String> e : CONCEPT_OF_ITEM.entrySet()) {
                ItemDef item = items.get(e.getKey());
                if (!e.getValue().equals(rule.concept()) || item == null || item.codes().isEmpty()) {
                    continue;
                }
                Set<String> named = new HashSet<>();
                rule.classes().forEach(c -> named.add(c.toUpperCase(Locale.ROOT)));
                Set<String> allowed = new LinkedHashSet<>();
                for (String code : item.codes()) {
                    if (named.contains(code.toUpperCase(Locale.ROOT)) == truth) {
                        allowed.add(code);
                    }
                }
                classes.merge(e.getKey(), allowed, (a, b) -> {
                    Set<String> both = new LinkedHashSet<>(a);
                    both.retainAll(b);
                    return both;
                });
            }
        }

        /** The numbers outside a one-sided interval, as an interval; null for a two-sided one. */
        private static Interval complement(Interval i) {
            if (i.low() != null && i.high() != null) {
                return null;
            }
            if (i.low() != null) {
                return new Interval(null, false, i.low(), !i.lowInclusive());
            }
            if (i.high() != null) {
                return new Interval(i.high(), !i.highInclusive(), null, false);
            }
            return null; // outside every number: nothing to keep
        }

        private static Interval scale(Interval i, double factor) {
            return new Interval(i.low() == null ? null : i.low() * factor, i.lowInclusive(), i.high() == null ? null
                    : i.high() * factor, i.highInclusive());
        }

        /** An interval from the criterion's unit to the item's; null when the two do not convert. */
        private static Interval convert(Interval i, String from, String to, Concept concept) {
            if (to == null || to.isBlank()) {
                return i; // a score or a class: the criterion's numbers are the item's
            }
            Double low = i.low() == null ? null : Units.convert(i.low(), from, to, concept);
            Double high = i.high() == null ? null : Units.convert(i.high(), from, to, concept);
            if (i.low() != null && low == null || i.high() != null && high == null) {
                return null;
            }
            return new Interval(low, i.lowInclusive(), high, i.highInclusive());
        }

        /** The numbers in both: the higher low bound, the lower high bound. */
        private static Interval intersect(Interval a, Interval b) {
            Double low = a.low();
            boolean lowIn = a.lowInclusive();
            if (b.low() != null && (low == null || b.low() > low || b.low().equals(low) && !b.lowInclusive())) {
                low = b.low();
                lowIn = b.lowInclusive();
            }
            Double high = a.high();
            boolean highIn = a.highInclusive();
            if (b.high() != null && (high == null || b.high() < high || b.high().equals(high) && !b.highInclusive())) {
                high = b.high();
                highIn = b.highInclusive();
            }
            return new Interval(low, lowIn, high, highIn);
        }
    }
}
