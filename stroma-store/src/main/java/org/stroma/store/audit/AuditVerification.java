package org.stroma.store.audit;

/** The result of checking the ledger's chain: intact over so many rows, or broken at a row, and how. */
public record AuditVerification(boolean intact, long rows, Long brokenAt, String problem) {
    @Override
    public String toString() {
        return intact ? "intact (" + rows + " rows)" : "broken at row " + brokenAt + ": " + problem;
    }
}
