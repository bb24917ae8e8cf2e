package org.stroma.trial.eligibility;

import java.util.List;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.eligibility.compile.Compilation;

/**
 * One criterion's verdict for one patient, with the reason in words and the patient facts it used. For an exclusion
 * criterion MET means the exclusion applies. {@code nested} is true for criteria under another one ("I4.1"), whose
 * verdicts feed their parent's rather than the patient's directly.
 */
public record CriterionResult(String id, CriterionKind kind, String text, Verdict verdict, String reason,
        List<Evidence> evidence, Compilation compilation, boolean nested) {

    public CriterionResult {
        evidence = List.copyOf(evidence);
    }

    /** Whether this criterion, by itself, rules the patient out. */
    public boolean excludes() {
        return !nested && (kind == CriterionKind.INCLUSION ? verdict == Verdict.NOT_MET : verdict == Verdict.MET);
    }
}
