package org.stroma.store.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends to the audit ledger and checks it. Appends are made inside the caller's transaction (the one that makes the
 * change), one at a time: the chain's head row is locked until that transaction ends. Each row's hash is keyed by the
 * ledger's {@link AuditSeal}, and once the transaction has committed the new head is put on record outside the
 * database ({@link Checkpoints}) before the write is acknowledged.
 */
public final class AuditLedger {
    private final AuditSeal seal;
    private final Checkpoints checkpoints;

    public AuditLedger(AuditSeal seal) {
        this.seal = seal;
        this.checkpoints = new Checkpoints(seal);
    }

    /** The ledger's id (given by the database at its creation) and its last row now. */
    public record Head(String ledger, long seq) {
    }

    public static Head head(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ledger, seq FROM audit_head")) {
            rs.next();
            return new Head(rs.getString(1), rs.getLong(2));
        }
    }

    public AuditSeal seal() {
        return seal;
    }

    /** Appends a change's row to the ledger within the caller's transaction; returns the row written. */
    public AuditRecord append(Connection tx, String actor, Change change) throws SQLException {
        if (tx.getAutoCommit()) {
            throw new IllegalStateException("the audit ledger is written inside the transaction of the change");
        }
        long seq;
        String prev;
        try (Statement s = tx.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT seq, hash FROM audit_head FOR UPDATE")) {
            rs.next();
            seq = rs.getLong(1) + 1;
            prev = rs.getString(2);
        }
        // microseconds: what PostgreSQL keeps, so that the hash computed now is the hash recomputed later
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AuditRecord row = new AuditRecord(seq, at, actor, change.action(), change.entity(), change.entityId(),
                change.oldValue(), change.newValue(), change.reason(), prev, null);
        String hash = hash(row);
        try (PreparedStatement insert = tx.prepareStatement("INSERT INTO audit_ledger (seq, at, actor, action, entity,"
                + " entity_id, old_value, new_value, reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setString(3, actor);
            insert.setString(4, change.action());
            insert.setString(5, change.entity());
            insert.setString(6, change.entityId());
            insert.setString(7, change.oldValue());
            insert.setString(8, change.newValue());
            insert.setString(9, change.reason());
            insert.setString(10, prev);
            insert.setString(11, hash);
            insert.executeUpdate();
        }
        try (PreparedStatement head = tx.prepareStatement("UPDATE audit_head SET seq = ?, hash = ?")) {
            head.setLong(1, seq);
            head.setString(2, hash);
            head.executeUpdate();
        }
        return new AuditRecord(seq, at, actor, change.action(), change.entity(), change.entityId(), change.oldValue(),
                change.newValue(), change.reason(), prev, hash);
    }

    /** After the transaction that wrote {@code row} (its last) committed, and before the write is acknowledged. */
    public void checkpoint(AuditRecord row) {
        checkpoints.write(row.seq(), row.hash(), row.at());
    }

    /**
     * Walks the chain from the first row (each row's hash recomputed with the seal's key, each link to the row before
     * checked), then holds it against every checkpoint written outside the database.
     */
    public AuditVerification verify(Connection db) throws SQLException {
        Head now = head(db);
        if (!now.ledger().equals(seal.ledger())) {
            return broken(0, null, "the database holds audit ledger " + now.ledger() + ", but its keys are those of"
                    + " ledger " + seal.ledger() + ": the ledger was replaced");
        }
        List<Checkpoints.Checkpoint> marks = checkpoints.read();
        Map<Long, Checkpoints.Checkpoint> bySeq = new HashMap<>();
        long lastMark = 0;
        for (Checkpoints.Checkpoint mark : marks) {
            if (!mark.signed()) {
                return broken(0, null, "line " + mark.line() + " of " + seal.checkpointFile() + " is not a checkpoint"
                        + " signed with this ledger's key");
            }
            bySeq.put(mark.seq(), mark);
            lastMark = Math.max(lastMark, mark.seq());
        }
        String prev = "genesis";
        long expected = 1;
        long rows = 0;
        try (Statement s = db.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery("SELECT seq, at, actor, action, entity, entity_id, old_value, new_value,"
                    + " reason, prev_hash, hash FROM audit_ledger ORDER BY seq")) {
                while (rs.next()) {
                    AuditRecord row = new AuditRecord(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11));
                    if (row.seq() != expected) {
                        return broken(rows, expected, "row " + expected + " is missing (the next is " + row.seq()
                                + ")");
                    }
                    if (!row.prevHash().equals(prev)) {
                        return broken(rows, row.seq(), "it does not follow the row before (its link is "
                                + row.prevHash() + ", the row before hashes to " + prev + ")");
                    }
                    if (!hash(row).equals(row.hash())) {
                        return broken(rows, row.seq(), "its content does not match its hash (it was altered after"
                                + " it was written, or written without the ledger's key)");
                    }
                    Checkpoints.Checkpoint mark = bySeq.get(row.seq());
                    if (mark != null && !mark.hash().equals(row.hash())) {
                        return broken(rows, row.seq(), "it is not the row acknowledged at " + mark.at()
                                + " (checkpoint line " + mark.line() + "): the ledger was rewritten from here");
                    }
                    prev = row.hash();
                    expected++;
                    rows++;
                }
            }
            if (lastMark > rows) {
                return broken(rows, rows + 1, "the ledger ends at row " + rows + ", but row " + lastMark + " was"
                        + " acknowledged (checkpoint at " + bySeq.get(lastMark).at() + "): rows were cut off the end");
            }
            try (ResultSet head = s.executeQuery("SELECT seq, hash FROM audit_head")) {
                head.next();
                if (head.getLong(1) != rows || !head.getString(2).equals(prev)) {
                    return broken(rows, rows + 1, "the chain ends at row " + rows + " but its head says "
                            + head.getLong(1) + " (rows were removed from the end)");
                }
            }
        }
        return new AuditVerification(true, rows, null, null, lastMark);
    }

    private static AuditVerification broken(long rows, Long at, String problem) {
        return new AuditVerification(false, rows, at, problem, 0);
    }

    /** The keyed hash over the row's fields, each length-prefixed so that no two different rows read alike. */
    String hash(AuditRecord r) {
        StringBuilder s = new StringBuilder();
        for (Object field : new Object[] {r.seq(), r.at(), r.actor(), r.action(), r.entity(), r.entityId(),
                r.oldValue(), r.newValue(), r.reason(), r.prevHash()}) {
            String v = field == null ? "\u0000" : field.toString();
            s.append(v.length()).append(':').append(v).append('|');
        }
        return seal.rowHash(r.seq(), s.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void close() {
        checkpoints.close();
    }
}
