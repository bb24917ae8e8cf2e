package org.stroma.trial.eligibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.AskedFact.Kind;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.rule.AgeRule;
import org.stroma.trial.eligibility.rule.AllOf;
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
import org.stroma.trial.eligibility.rule.AllergyRule;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.ProcedureRule;
import org.stroma.trial.eligibility.rule.Rule;
import org.stroma.trial.eligibility.rule.SexRule;
import org.stroma.trial.eligibility.rule.Window;

/**
 * What some criteria of a trial ask of a patient, so that a form can ask it and nothing else: whether the age and the
 * sex matter, the facts their rules read (in the order the criteria first ask them), and the criteria the investigator
 * answers. A criterion that refers to another asks what the other asks.
 */
public record AskedFacts(boolean age, boolean sex, List<AskedFact> facts, List<CompiledCriterion> questions) {

    public AskedFacts {
        facts = List.copyOf(facts);
        questions = List.copyOf(questions);
    }

    /** What every criterion of the trial asks. */
    public static AskedFacts of(CompiledEligibility eligibility, ConceptDictionary dictionary) {
        return of(eligibility, eligibility.all().stream().map(CompiledCriterion::id).toList(), dictionary);
    }

    /**
     * What these criteria ask, nested criteria included; an id may name a group of alternatives ("I4|I5|I6", as a
     * screening names what it left open).
     */
    public static AskedFacts of(CompiledEligibility eligibility, Collection<String> ids, ConceptDictionary dictionary) {
        Map<String, CompiledCriterion> byId = new LinkedHashMap<>();
        eligibility.all().forEach(c -> byId.put(c.id(), c));
        Collector collector = new Collector(dictionary, byId);
        ids.stream().flatMap(id -> List.of(id.split("\\|")).stream()).forEach(collector::criterion);
        return new AskedFacts(collector.age, collector.sex, List.copyOf(collector.facts.values()),
                collector.questions);
    }

    /** The fact a form names by this key, or null. */
    public AskedFact fact(String key) {
        return facts.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    /** Walks the criteria's rules, each criterion once, gathering what they ask. */
    private static final class Collector implements Rule.Visitor<Void> {
        private static final List<String> ROMAN = List.of("I", "II", "III", "IV");
        private final ConceptDictionary dictionary;
        private final Map<String, CompiledCriterion> byId;
        private final Set<String> seen = new LinkedHashSet<>();
        private final Map<String, AskedFact> facts = new LinkedHashMap<>();
        private final List<CompiledCriterion> questions = new ArrayList<>();
        private boolean age;
        private boolean sex;
        /** The criterion whose rule is being walked. */
        private String asking;

        Collector(ConceptDictionary dictionary, Map<String, CompiledCriterion> byId) {
            this.dictionary = dictionary;
            this.byId = byId;
        }

        void criterion(String id) {
            CompiledCriterion c = byId.get(id);
            if (c == null || !seen.add(id)) {
                return;
            }
            if (c.rule() != null) {
                if (c.rule().asksInvestigator()) {
                    questions.add(c);
                }
                String outer = asking;
                asking = id;
                c.rule().accept(this);
                asking = outer;
            }
            c.children().forEach(child -> criterion(child.id()));
        }

        private void ask(Kind kind, String name, String unit, List<String> classes, boolean dated) {
            Concept concept = kind == Kind.DRUG_NAME ? null : dictionary.find(name).orElse(null);
            if (kind != Kind.DRUG_NAME && kind != Kind.ALLERGY && concept == null) {
                return; // a rule naming a concept the dictionary lacks is unknown whatever the form says
            }
            AskedFact fact = new AskedFact(kind, name, concept == null ? name : concept.label(), unit, classes, dated,
                    List.of(asking));
            facts.merge(fact.key(), fact, AskedFact::and);
        }

        /** Whether a "yes" to a condition needs its onset to be read against this window. */
        private boolean dated(Window window, String concept) {
            return window.kind() == Window.Kind.PAST || window.kind() == Window.Kind.NEXT
                    || dictionary.find(concept).map(Concept::event).orElse(false);
        }

        private void rules(List<Rule> rules) {
            rules.forEach(r -> r.accept(this));
        }

        @Override
        public Void allOf(AllOf rule) {
            rules(rule.rules());
            return null;
        }

        @Override
        public Void anyOf(AnyOf rule) {
            rules(rule.rules());
            return null;
        }

        @Override
        public Void not(Not rule) {
            return rule.rule().accept(this);
        }

        @Override
        public Void age(AgeRule rule) {
            age = true;
            return null;
        }

        @Override
        public Void sex(SexRule rule) {
            sex = true;
            return null;
        }

        @Override
        public Void measurement(MeasurementRule rule) {
            // eGFR needs the age and sex when computed from creatinine; the form asks the value itself
            ask(Kind.MEASUREMENT, rule.concept(), dictionary.find(rule.concept()).map(Concept::unit).orElse(null),
                    List.of(), true);
            return null;
        }

        @Override
        public Void classification(ClassRule rule) {
            // every class of a graded scale is offered, not only those the rule names: a class II is an answer too
            List<String> classes = new ArrayList<>(dictionary.find(rule.concept()).map(Concept::plausible)
                    .filter(p -> p.size() == 2 && p.get(0) == 1 && p.get(1) == 4).map(p -> ROMAN).orElse(List.of()));
            dictionary.find(rule.concept()).ifPresent(c -> c.valueCodes().keySet().stream().sorted()
                    .filter(k -> !classes.contains(k)).forEach(classes::add));
            rule.classes().stream().filter(k -> !classes.contains(k)).forEach(classes::add);
            ask(Kind.CLASS, rule.concept(), null, classes, true);
            return null;
        }

        @Override
        public Void condition(ConditionRule rule) {
            ask(Kind.CONDITION, rule.concept(), null, List.of(), dated(rule.window(), rule.concept()));
            return null;
        }

        @Override
        public Void procedure(ProcedureRule rule) {
            // a procedure counts on its date, whatever the window: a "yes" always needs it
            ask(rule.window().kind() == Window.Kind.NEXT ? Kind.PLANNED_PROCEDURE : Kind.PROCEDURE, rule.concept(),
                    null, List.of(), true);
            return null;
        }

        @Override
        public Void eventCount(EventCountRule rule) {
            ask(Kind.CONDITION, rule.concept(), null, List.of(), true);
            return null;
        }

        @Override
        public Void medication(MedicationRule rule) {
            boolean dated = rule.window().kind() != Window.Kind.EVER;
            rule.concepts().forEach(c -> ask(Kind.MEDICATION, c, null, List.of(), dated));
            // a drug named in the criterion is asked by name unless one of the rule's classes holds it already
            List<Concept> classes = rule.concepts().stream().flatMap(c -> dictionary.find(c).stream()).toList();
            rule.names().stream().filter(n -> classes.stream().noneMatch(c -> c.matches(List.of(), n)))
                    .forEach(n -> ask(Kind.DRUG_NAME, n, null, List.of(), dated));
            return null;
        }

        @Override
        public Void allergy(AllergyRule rule) {
            // a class of drugs or a substance named, each asked by its concept or its name
            rule.concepts().forEach(c -> ask(Kind.ALLERGY, c, null, List.of(), false));
            rule.names().forEach(n -> ask(Kind.ALLERGY, n, null, List.of(), false));
            return null;
        }

        @Override
        public Void exposure(ExposureRule rule) {
            rule.concepts().forEach(c -> ask(Kind.MEDICATION, c, null, List.of(), true));
            return null;
        }

        @Override
        public Void duration(DurationRule rule) {
            ask(Kind.CONDITION, rule.concept(), null, List.of(), true);
            return null;
        }

        @Override
        public Void increase(IncreaseRule rule) {
            // a rise needs two values; the form takes the latest, and the rule stays unknown without an earlier one
            ask(Kind.MEASUREMENT, rule.concept(), dictionary.find(rule.concept()).map(Concept::unit).orElse(null),
                    List.of(), true);
            return null;
        }

        @Override
        public Void attestation(Attestation rule) {
            return null; // the investigator's: the criterion is among the questions
        }

        @Override
        public Void criterionRef(CriterionRef rule) {
            criterion(rule.criterionId());
            return null;
        }
    }
}
