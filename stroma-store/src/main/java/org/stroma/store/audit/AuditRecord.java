package org.stroma.store.audit;

import java.time.Instant;

/**
 * One row of the audit ledger: who did what to which record, when, the values before and after (as canonical JSON,
 * null for a creation or a deletion), and the reason (required for changes to captured data), chained by hash to the
 * row before.
 */
public record AuditRecord(long seq, Instant at, String actor, String action, String entity, String entityId,
        String oldValue, String newValue, String reason, String prevHash, String hash) {
}
