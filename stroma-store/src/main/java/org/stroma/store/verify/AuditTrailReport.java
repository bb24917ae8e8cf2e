package org.stroma.store.verify;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stroma.store.audit.AuditVerification;

/** The ledger's chain as checked, the differences between the study data and the ledger, and what was compared. */
public record AuditTrailReport(AuditVerification chain, List<String> problems, Map<String, Integer> checked) {
    public boolean intact() {
        return chain.intact() && problems.isEmpty();
    }

    @Override
    public String toString() {
        if (!chain.intact()) {
            return chain.toString();
        }
        String compared = checked.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return problems.isEmpty() ? chain + "; the study data is what it says (" + compared + ")"
                : "the chain is " + chain + ", but the study data is not what it says:\n  "
                        + String.join("\n  ", problems);
    }
}
