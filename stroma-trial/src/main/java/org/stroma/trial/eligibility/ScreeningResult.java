package org.stroma.trial.eligibility;

import java.time.LocalDate;
import java.util.List;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * A patient screened for a trial on a date: the verdict, every criterion's result (nested ones included, in protocol
 * order), the criteria that rule the patient out, and those still open. A group of alternative criteria is named by
 * its ids joined with "|" ("I4|I5|I6").
 */
public record ScreeningResult(String patient, String trial, LocalDate date, PatientVerdict verdict,
        List<CriterionResult> criteria, List<String> failing, List<String> open) {

    public ScreeningResult {
        criteria = List.copyOf(criteria);
        failing = List.copyOf(failing);
        open = List.copyOf(open);
    }

    public CriterionResult criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("no criterion " + id + " in trial " + trial));
    }
}
