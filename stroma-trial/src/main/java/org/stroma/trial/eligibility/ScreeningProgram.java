package org.stroma.trial.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.trial.concept.ConceptDictionary;
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
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.eligibility.rule.MedicationRule;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.ProcedureRule;
import org.stroma.trial.eligibility.rule.Rule;
import org.stroma.trial.eligibility.rule.SexRule;

/**
 * Screening a population against several trials at once. The trials' criteria are compiled into a program: each rule
 * that reads the record (an age, a condition, a measurement within a window…) becomes a leaf, the same leaf for every
 * criterion of every trial that asks the same thing, and the rest — all of, any of, not, a criterion's reference to
 * another — becomes three-valued logic over the leaves' verdicts. Running it computes each leaf's verdict for the
 * whole population from its {@link FactColumns}, then the criteria and the patients' verdicts 64 patients at a time
 * ({@link VerdictBits}). Reasons and evidence are not made: {@link PopulationVerdicts#explain} screens one patient by
 * {@link Screening} for whoever looks at them. Every verdict is {@link Screening}'s: the leaves decide as
 * {@link RuleEvaluator} does, and criteria are combined as {@link Screening} combines them, in the same order (which
 * decides what a criterion that refers back to itself sees).
 */
public final class ScreeningProgram {
    private final ConceptDictionary concepts;
    private final List<Leaf> leaves = new ArrayList<>();
    private final List<TrialProgram> trials = new ArrayList<>();

    /** A rule that reads the record, and the criterion whose answers it takes when it asks the investigator. */
    private record Leaf(Rule rule, String criterionId) {
    }

    /** A trial's criteria as expressions over the leaves, in {@link Screening}'s order. */
    private record TrialProgram(Screening screening, List<CompiledCriterion> criteria, List<Node> expressions) {
    }

    /** An instruction of the program: the verdicts it gives the population in a run. */
    private interface Node {
        VerdictBits verdicts(Run run);
    }

    private record LeafNode(int leaf) implements Node {
        @Override
        public VerdictBits verdicts(Run run) {
            return run.leaves.get(leaf);
        }
    }

    private record AllNode(List<Node> parts) implements Node {
        @Override
        public VerdictBits verdicts(Run run) {
            VerdictBits v = VerdictBits.constant(run.size, Verdict.MET);
            for (Node part : parts) {
                v = v.and(part.verdicts(run));
            }
            return v;
        }
    }

    private record AnyNode(List<Node> parts) implements Node {
        @Override
        public VerdictBits verdicts(Run run) {
            VerdictBits v = VerdictBits.constant(run.size, Verdict.NOT_MET);
            for (Node part : parts) {
                v = v.or(part.verdicts(run));
            }
            return v;
        }
    }

    private record NotNode(Node part) implements Node {
        @Override
        public VerdictBits verdicts(Run run) {
            return part.verdicts(run).not();
        }
    }

    /** Another criterion's verdict, by its position in the trial's criteria. */
    private record CriterionNode(int criterion) implements Node {
        @Override
        public VerdictBits verdicts(Run run) {
            return run.criterion(criterion);
        }
    }

    private record ConstantNode(Verdict verdict) implements Node {
        @Override
        public VerdictBits verdicts(Run run) {
            return VerdictBits.constant(run.size, verdict);
        }
    }

    /** One trial's program run over a population: the leaves' verdicts, and each criterion's once computed. */
    private static final class Run {
        private final TrialProgram trial;
        private final List<VerdictBits> leaves;
        private final VerdictBits[] criteria;
        private final int size;

        Run(TrialProgram trial, List<VerdictBits> leaves, int size) {
            this.trial = trial;
            this.leaves = leaves;
            this.criteria = new VerdictBits[trial.criteria().size()];
            this.size = size;
        }

        VerdictBits criterion(int c) {
            if (criteria[c] == null) {
                criteria[c] = trial.expressions().get(c).verdicts(this);
            }
            return criteria[c];
        }
    }

    private ScreeningProgram(ConceptDictionary concepts) {
        this.concepts = concepts;
    }

    public static ScreeningProgram compile(ConceptDictionary concepts, List<CompiledEligibility> trials) {
        ScreeningProgram program = new ScreeningProgram(concepts);
        Map<Leaf, Integer> leafIndex = new HashMap<>();
        for (CompiledEligibility trial : trials) {
            program.trials.add(new TrialCompiler(new Screening(concepts, trial), program.leaves, leafIndex).compile());
        }
        return program;
    }

    /** The number of distinct rules that read the record, over all the trials. */
    public int leafCount() {
        return leaves.size();
    }

    /** Screens every patient of the population on the date against every trial of the program. */
    public PopulationVerdicts run(FactColumns population, LocalDate date) {
        if (population.dictionary() != concepts) {
            // the columns' values are in the units of their dictionary's concepts: another's may differ
            throw new IllegalArgumentException("the population's facts were filed by another concept dictionary than"
                    + " the program's");
        }
        List<VerdictBits> leafVerdicts = new ArrayList<>(leaves.size());
        for (Leaf leaf : leaves) {
            leafVerdicts.add(new LeafVerdicts(population, concepts, date, leaf.criterionId()).of(leaf.rule()));
        }
        List<PopulationVerdicts.Trial> screened = new ArrayList<>();
        for (TrialProgram trial : trials) {
            Run run = new Run(trial, leafVerdicts, population.size());
            List<VerdictBits> criteria = new ArrayList<>();
            for (int c = 0; c < trial.criteria().size(); c++) {
                criteria.add(run.criterion(c));
            }
            screened.add(new PopulationVerdicts.Trial(trial.screening(), trial.criteria(), criteria,
                    population.size()));
        }
        return new PopulationVerdicts(population, date, screened);
    }

    /**
     * Compiles one trial as {@link Screening} evaluates it: criterion after criterion, a referred criterion when it is
     * first referred to; a reference to a criterion the trial lacks, or to one whose evaluation is under way, is
     * unknown — which references those are does not depend on the patient, so it is decided here once.
     */
    private static final class TrialCompiler implements Rule.Visitor<Node> {
        private final Screening screening;
        private final List<CompiledCriterion> criteria;
        private final Map<String, Integer> position = new LinkedHashMap<>();
        private final Node[] expressions;
        private final Set<String> evaluating = new HashSet<>();
        private final List<Leaf> leaves;
        private final Map<Leaf, Integer> leafIndex;
        private String criterionId;

        TrialCompiler(Screening screening, List<Leaf> leaves, Map<Leaf, Integer> leafIndex) {
            this.screening = screening;
            this.criteria = screening.criteria();
            this.leaves = leaves;
            this.leafIndex = leafIndex;
            for (int c = 0; c < criteria.size(); c++) {
                position.put(criteria.get(c).id(), c);
            }
            expressions = new Node[criteria.size()];
        }

        TrialProgram compile() {
            criteria.forEach(c -> criterion(c.id()));
            return new TrialProgram(screening, criteria, List.of(expressions));
        }

        private Node criterion(String id) {
            Integer c = position.get(id);
            if (c == null || expressions[c] == null && evaluating.contains(id)) {
                return new ConstantNode(Verdict.UNKNOWN);
            }
            if (expressions[c] == null) {
                evaluating.add(id);
                String outer = criterionId;
                criterionId = id;
                expressions[c] = criteria.get(c).rule().accept(this);
                criterionId = outer;
                evaluating.remove(id);
            }
            return new CriterionNode(c);
        }

        private Node leaf(Rule rule) {
            // only an attestation's answer depends on the criterion asking it
            Leaf leaf = new Leaf(rule, rule instanceof Attestation ? criterionId : null);
            Integer index = leafIndex.get(leaf);
            if (index == null) {
                index = leaves.size();
                leaves.add(leaf);
                leafIndex.put(leaf, index);
            }
            return new LeafNode(index);
        }

        @Override
        public Node allOf(AllOf rule) {
            return new AllNode(rule.rules().stream().map(r -> r.accept(this)).toList());
        }

        @Override
        public Node anyOf(AnyOf rule) {
            return new AnyNode(rule.rules().stream().map(r -> r.accept(this)).toList());
        }

        @Override
        public Node not(Not rule) {
            return new NotNode(rule.rule().accept(this));
        }

        @Override
        public Node criterionRef(CriterionRef rule) {
            return criterion(rule.criterionId());
        }

        @Override
        public Node age(AgeRule rule) {
            return leaf(rule);
        }

        @Override
        public Node sex(SexRule rule) {
            return leaf(rule);
        }

        @Override
        public Node measurement(MeasurementRule rule) {
            return leaf(rule);
        }

        @Override
        public Node classification(ClassRule rule) {
            return leaf(rule);
        }

        @Override
        public Node condition(ConditionRule rule) {
            return leaf(rule);
        }

        @Override
        public Node procedure(ProcedureRule rule) {
            return leaf(rule);
        }

        @Override
        public Node eventCount(EventCountRule rule) {
            return leaf(rule);
        }

        @Override
        public Node medication(MedicationRule rule) {
            return leaf(rule);
        }

        @Override
        public Node allergy(AllergyRule rule) {
            return leaf(rule);
        }

        @Override
        public Node exposure(ExposureRule rule) {
            return leaf(rule);
        }

        @Override
        public Node duration(DurationRule rule) {
            return leaf(rule);
        }

        @Override
        public Node increase(IncreaseRule rule) {
            return leaf(rule);
        }

        @Override
        public Node attestation(Attestation rule) {
            return leaf(rule);
        }
    }
}
