package org.stroma.trial.eligibility;

import java.util.ArrayList;
import java.util.List;

/** A rule's verdict for a patient, the reason in words, and the facts it rests on. */
public record Finding(Verdict verdict, String reason, List<Evidence> evidence) {
    public Finding {
        evidence = List.copyOf(evidence);
    }

    public static Finding met(String reason, List<Evidence> evidence) {
        return new Finding(Verdict.MET, reason, evidence);
    }

    public static Finding notMet(String reason, List<Evidence> evidence) {
        return new Finding(Verdict.NOT_MET, reason, evidence);
    }

    public static Finding unknown(String reason) {
        return new Finding(Verdict.UNKNOWN, reason, List.of());
    }

    /** The verdict of a rule that holds when {@code holds}, with the same reason and evidence either way. */
    public static Finding of(boolean holds, String reason, List<Evidence> evidence) {
        return new Finding(holds ? Verdict.MET : Verdict.NOT_MET, reason, evidence);
    }

    public Finding negated() {
        return new Finding(verdict.not(), reason, evidence);
    }

    static List<Evidence> joined(List<Finding> findings) {
        List<Evidence> all = new ArrayList<>();
        findings.forEach(f -> all.addAll(f.evidence()));
        return all;
    }
}
