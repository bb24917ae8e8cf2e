package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
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

/**
 * Tidies compiled rules without changing what they mean (nested ands and ors flattened, repeats dropped), and lists the
 * concepts a rule speaks of.
 */
final class Rules {
    private Rules() {
    }

    /** The rule tidied; null (a text that says nothing computable) stays null. */
    static Rule simplify(Rule rule) {
        return rule == null ? null : rule.accept(SIMPLIFY);
    }

    /** The dictionary concepts a rule speaks of, each once, in the order they appear. */
    static Set<String> concepts(Rule rule) {
        Set<String> ids = new LinkedHashSet<>();
        rule.accept(new ConceptCollector(ids));
        return ids;
    }

    /** Only and, or and not are tidied; every other kind of rule is already as simple as it gets. */
    private static final Rule.Visitor<Rule> SIMPLIFY = new LeavesKept() {
        @Override
        public Rule allOf(AllOf rule) {
            List<Rule> parts = flatten(rule.rules(), r -> r instanceof AllOf all ? all.rules() : List.of(r));
            return parts.size() == 1 ? parts.get(0) : new AllOf(parts);
        }

        @Override
        public Rule anyOf(AnyOf rule) {
            List<Rule> parts = flatten(rule.rules(), r -> r instanceof AnyOf any ? any.rules() : List.of(r));
            return parts.size() == 1 ? parts.get(0) : new AnyOf(parts);
        }

        @Override
        public Rule not(Not rule) {
            Rule inner = simplify(rule.rule());
            return inner instanceof Not twice ? twice.rule() : new Not(inner);
        }

        @Override
        public Rule criterionRef(CriterionRef rule) {
            return rule;
        }
    };

    /**
     * Adds the concepts of a rule and of its parts. Age, sex, an attestation and a reference to another criterion name
     * no dictionary concept.
     */
    private static final class ConceptCollector implements Rule.Visitor<Void> {
        private final Set<String> ids;

        ConceptCollector(Set<String> ids) {
            this.ids = ids;
        }

        @Override
        public Void allOf(AllOf rule) {
            rule.rules().forEach(r -> r.accept(this));
            return null;
        }

        @Override
        public Void anyOf(AnyOf rule) {
            rule.rules().forEach(r -> r.accept(this));
            return null;
        }

        @Override
        public Void not(Not rule) {
            return rule.rule().accept(this);
        }

        @Override
        public Void measurement(MeasurementRule rule) {
            ids.add(rule.concept());
            return null;
        }

        @Override
        public Void classification(ClassRule rule) {
            ids.add(rule.concept());
            return null;
        }

        @Override
        public Void condition(ConditionRule rule) {
            ids.add(rule.concept());
            return null;
        }

        @Override
        public Void procedure(ProcedureRule rule) {
            ids.add(rule.concept());
            return null;
        }

        @Override
        public Void eventCount(EventCountRule rule) {
            ids.add(rule.concept());
            return null;
        }

        @Override
        public Void medication(MedicationRule rule) {
            ids.addAll(rule.concepts());
            return null;
        }

        @Override
        public Void allergy(AllergyRule rule) {
            ids.addAll(rule.concepts());
            return null;
        }

        @Override
        public Void exposure(ExposureRule rule) {
            ids.addAll(rule.concepts());
            return null;
        }

        @Override
        public Void duration(DurationRule rule) {
            ids.add(rule.concept());
            return null;
        }

        @Override
        public Void increase(IncreaseRule rule) {
            ids.add(rule.concept());
            return null;
        }

        @Override
        public Void age(AgeRule rule) {
            return null;
        }

        @Override
        public Void sex(SexRule rule) {
            return null;
        }

        @Override
        public Void attestation(Attestation rule) {
            return null;
        }

        @Override
        public Void criterionRef(CriterionRef rule) {
            return null;
        }
    }

    /**
     * The simplified rules, each once, with those of the same connective opened up: {@code opened} gives the parts of a
     * rule of that connective, or the rule alone.
     */
    private static List<Rule> flatten(List<Rule> rules, Function<Rule, List<Rule>> opened) {
        List<Rule> parts = new ArrayList<>();
        for (Rule r : rules) {
            for (Rule part : opened.apply(simplify(r))) {
                if (!parts.contains(part)) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }
}
