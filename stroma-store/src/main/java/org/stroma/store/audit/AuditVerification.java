package org.stroma.store.audit;

/**
 * The result of checking the ledger: intact over so many rows (the last {@code checkpointed} of them acknowledged
 * with a checkpoint outside the database), or broken at a row, and how.
 */
public record AuditVerification(boolean intact, long rows, Long brokenAt, String problem, long checkpointed) {
    @Override
    public String toString() {
        return intact ? "intact (" + rows + " rows; checkpoints outside the database up to row " + checkpointed + ")"
                : brokenAt == null ? "broken: " + problem : "broken at row " + brokenAt + ": " + problem;
    }
}
