package org.stroma.trial.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.patient.PatientRecord;

/**
 * Screens patients against one trial's compiled eligibility. Every criterion is evaluated, nested ones too, each once
 * (a criterion that refers to another reuses its finding). The patient is ineligible when a top-level inclusion is not
 * met — for a group of alternatives, when none of them is — or an exclusion is met; incomplete when nothing rules the
 * patient out but something is unknown; eligible otherwise.
 */
public final class Screening {
    private final ConceptDictionary concepts;
    private final CompiledEligibility eligibility;
    private final Map<String, CompiledCriterion> byId = new LinkedHashMap<>();
    private final Set<String> nested = new HashSet<>();
    private final Map<String, List<String>> groupOf = new HashMap<>();

    public Screening(ConceptDictionary concepts, CompiledEligibility eligibility) {
        this.concepts = concepts;
        this.eligibility = eligibility;
        for (CompiledCriterion top : concat(eligibility.inclusion(), eligibility.exclusion())) {
            for (CompiledCriterion c : top.flatten()) {
                byId.put(c.id(), c);
                if (c != top) {
                    nested.add(c.id());
                }
            }
        }
        eligibility.alternatives().forEach(group -> group.forEach(id -> groupOf.put(id, group)));
    }

    public ScreeningResult screen(PatientRecord patient, LocalDate date) {
        return screen(PatientFacts.of(patient, concepts), date);
    }

    /** Screens a patient whose facts are already filed by concept (to screen one patient for several trials). */
    public ScreeningResult screen(PatientFacts patient, LocalDate date) {
        Map<String, Finding> findings = new HashMap<>();
        Set<String> evaluating = new HashSet<>();
        List<CriterionResult> results = new ArrayList<>();
        for (CompiledCriterion c : byId.values()) {
            Finding f = finding(c.id(), patient, date, findings, evaluating);
            results.add(new CriterionResult(c.id(), c.kind(), c.text(), f.verdict(), f.reason(), f.evidence(),
                    c.compilation(), nested.contains(c.id())));
        }
        // a group of alternatives naming a criterion the protocol does not have: that member is unknown
        Outcome outcome = outcome(id -> findings.containsKey(id) ? findings.get(id).verdict() : Verdict.UNKNOWN);
        return new ScreeningResult(patient.record().id(), eligibility.trial(), date, outcome.verdict(), results,
                outcome.failing(), outcome.open());
    }

    /** The patient's verdict, the criteria that rule the patient out and those left open. */
    record Outcome(PatientVerdict verdict, List<String> failing, List<String> open) {
    }

    /**
     * The verdict from each criterion's: a top-level inclusion not met or exclusion met rules the patient out, a
     * group of alternatives none of which is met too; what is unknown leaves the patient incomplete.
     */
    Outcome outcome(Function<String, Verdict> verdictOf) {
        List<String> failing = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (CompiledCriterion c : byId.values()) {
            if (nested.contains(c.id()) || groupOf.containsKey(c.id())) {
                continue;
            }
            Verdict v = verdictOf.apply(c.id());
            if (c.kind() == CriterionKind.INCLUSION ? v == Verdict.NOT_MET : v == Verdict.MET) {
                failing.add(c.id());
            } else if (v == Verdict.UNKNOWN) {
                open.add(c.id());
            }
        }
        for (List<String> group : eligibility.alternatives()) {
            Verdict any = group.stream().map(verdictOf).reduce(Verdict.NOT_MET, Verdict::or);
            if (any != Verdict.MET) {
                (any == Verdict.NOT_MET ? failing : open).add(String.join("|", group));
            }
        }
        PatientVerdict verdict = !failing.isEmpty() ? PatientVerdict.INELIGIBLE
                : !open.isEmpty() ? PatientVerdict.INCOMPLETE : PatientVerdict.ELIGIBLE;
        return new Outcome(verdict, failing, open);
    }

    /** Every criterion of the trial, nested ones too, in the order they are screened. */
    List<CompiledCriterion> criteria() {
        return List.copyOf(byId.values());
    }

    boolean nested(String id) {
        return nested.contains(id);
    }

    /** Whether the criterion is one of a group of alternatives, which counts only with its group. */
    boolean inGroup(String id) {
        return groupOf.containsKey(id);
    }

    CompiledEligibility eligibility() {
        return eligibility;
    }

    private Finding finding(String id, PatientFacts patient, LocalDate date, Map<String, Finding> findings,
            Set<String> evaluating) {
        Finding known = findings.get(id);
        if (known != null) {
            return known;
        }
        CompiledCriterion c = byId.get(id);
        if (c == null) {
            return Finding.unknown("the rule refers to criterion " + id + ", which this protocol does not have");
        }
        if (!evaluating.add(id)) {
            return Finding.unknown("criterion " + id + " refers back to itself");
        }
        RuleEvaluator evaluator = new RuleEvaluator(concepts, date, patient, id,
                ref -> finding(ref, patient, date, findings, evaluating));
        Finding f = evaluator.evaluate(c.rule());
        evaluating.remove(id);
        findings.put(id, f);
        return f;
    }

    private static List<CompiledCriterion> concat(List<CompiledCriterion> a, List<CompiledCriterion> b) {
        List<CompiledCriterion> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
