package org.stroma.trial.conduct;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.eligibility.CriterionResult;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * What the screening of a subject left open: the criteria no record could decide (a group of alternatives counts as
 * one, met when any of them is). The investigator answers each from the source documents, met or not, and signs; the
 * verdict follows from the answers — a subject becomes eligible only this way, never by a change of state.
 */
public record EligibilityReview(List<OpenCriterion> open) {

    /** A criterion left open: its id ("I4|I5|I6" for alternatives), inclusion or exclusion, and its text. */
    public record OpenCriterion(String id, CriterionKind kind, String text) {
    }

    public EligibilityReview {
        open = List.copyOf(open);
    }

    /** The criteria a screening left open, in its order. */
    public static EligibilityReview of(ScreeningResult r) {
        List<OpenCriterion> open = new ArrayList<>();
        for (String id : r.open()) {
            List<CriterionResult> members = List.of(id.split("\\|")).stream().map(r::criterion).toList();
            open.add(new OpenCriterion(id, members.get(0).kind(), String.join(" — or — ", members.stream()
                    .map(CriterionResult::text).toList())));
        }
        return new EligibilityReview(open);
    }

    /**
     * The verdict the investigator's answers give (true: the criterion is met): ineligible when an inclusion is not
     * met or an exclusion is, eligible otherwise. Every open criterion must be answered, and nothing else.
     */
    public PatientVerdict verdict(Map<String, Boolean> answers) {
        Set<String> ids = new LinkedHashSet<>();
        open.forEach(c -> ids.add(c.id()));
        List<String> extra = answers.keySet().stream().filter(k -> !ids.contains(k)).toList();
        if (!extra.isEmpty()) {
            throw new InvalidInputException("no open criterion " + String.join(", ", extra) + "; the open ones are "
                    + String.join(", ", ids));
        }
        List<String> missing = ids.stream().filter(k -> answers.get(k) == null).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("answer every open criterion; not yet answered: " + String.join(", ",
                    missing));
        }
        boolean out = open.stream().anyMatch(c -> c.kind() == CriterionKind.INCLUSION ? !answers.get(c.id())
                : answers.get(c.id()));
        return out ? PatientVerdict.INELIGIBLE : PatientVerdict.ELIGIBLE;
    }
}
