package org.stroma.cli.chia;

import java.util.List;
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
 * What a rule that looks at the patient is about: the dictionary concepts it names, the drug names it quotes, its
 * time window (null for the kinds that have none) and whether it is about a condition (a condition, a count of events
 * or a disease's duration). Age and sex name no concept: nothing in a criterion's words anchors them.
 */
public record LeafSubject(List<String> concepts, List<String> drugNames, Window window, boolean aboutCondition) {

    public LeafSubject {
        concepts = List.copyOf(concepts);
        drugNames = List.copyOf(drugNames);
    }

    /** The subject of a leaf rule; null for a rule that is not a leaf. */
    public static LeafSubject of(Rule rule) {
        return rule.accept(OF);
    }

    private static LeafSubject about(String concept, Window window) {
        return new LeafSubject(List.of(concept), List.of(), window, false);
    }

    private static final Rule.Visitor<LeafSubject> OF = new Rule.Visitor<>() {
        @Override
        public LeafSubject allOf(AllOf rule) {
            return null;
        }

        @Override
        public LeafSubject anyOf(AnyOf rule) {
            return null;
        }

        @Override
        public LeafSubject not(Not rule) {
            return null;
        }

        @Override
        public LeafSubject attestation(Attestation rule) {
            return null;
        }

        @Override
        public LeafSubject criterionRef(CriterionRef rule) {
            return null;
        }

        @Override
        public LeafSubject age(AgeRule rule) {
            return new LeafSubject(List.of(), List.of(), null, false);
        }

        @Override
        public LeafSubject sex(SexRule rule) {
            return new LeafSubject(List.of(), List.of(), null, false);
        }

        @Override
        public LeafSubject measurement(MeasurementRule rule) {
            return about(rule.concept(), rule.window());
        }

        @Override
        public LeafSubject classification(ClassRule rule) {
            return about(rule.concept(), rule.window());
        }

        @Override
        public LeafSubject condition(ConditionRule rule) {
            return new LeafSubject(List.of(rule.concept()), List.of(), rule.window(), true);
        }

        @Override
        public LeafSubject procedure(ProcedureRule rule) {
            return about(rule.concept(), rule.window());
        }

        @Override
        public LeafSubject eventCount(EventCountRule rule) {
            return new LeafSubject(List.of(rule.concept()), List.of(), rule.window(), true);
        }

        @Override
        public LeafSubject medication(MedicationRule rule) {
            return new LeafSubject(rule.concepts(), rule.names(), rule.window(), false);
        }

        @Override
        public LeafSubject allergy(AllergyRule rule) {
            return new LeafSubject(rule.concepts(), rule.names(), null, false);
        }

        @Override
        public LeafSubject exposure(ExposureRule rule) {
            return new LeafSubject(rule.concepts(), List.of(), null, false);
        }

        @Override
        public LeafSubject duration(DurationRule rule) {
            return new LeafSubject(List.of(rule.concept()), List.of(), null, true);
        }

        @Override
        public LeafSubject increase(IncreaseRule rule) {
            return about(rule.concept(), rule.window());
        }
    };
}
