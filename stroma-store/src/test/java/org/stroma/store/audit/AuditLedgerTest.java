package org.stroma.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stroma.store.Database;

/** The audit ledger in a real (embedded) PostgreSQL: append-only, chained, written with the change or not at all. */
class AuditLedgerTest {
    private static Database db;

    @BeforeAll
    static void start() {
        db = Database.temporary();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void scratchTable() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS note (id text PRIMARY KEY, body text)");
        }
    }

    private static void note(String actor, String id, String body) throws SQLException {
        db.write(actor, w -> {
            try (PreparedStatement p = w.connection().prepareStatement("INSERT INTO note VALUES (?, ?)")) {
                p.setString(1, id);
                p.setString(2, body);
                p.executeUpdate();
            }
            w.audit(Change.created("note", id, "{\"body\":\"" + body + "\"}"));
            return null;
        });
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void asSuperuser(String... sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    @Test
    void theSchemaIsMigratedFromEmpty() throws SQLException {
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '1'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_head")).isEqualTo(1);
    }

    @Test
    void aChangeAndItsAuditRowCommitTogetherOrNotAtAll() throws SQLException {
        long before = count("SELECT count(*) FROM audit_ledger");
        note("alice", "n-commit", "first");
        assertThat(count("SELECT count(*) FROM audit_ledger")).isEqualTo(before + 1);
        assertThatThrownBy(() -> db.write("alice", w -> {
            try (Statement s = w.connection().createStatement()) {
                s.execute("INSERT INTO note VALUES ('n-rolled-back', 'x')");
            }
            w.audit(Change.created("note", "n-rolled-back", "{}"));
            throw new IllegalStateException("the work fails after writing");
        })).hasMessageContaining("fails");
        assertThat(count("SELECT count(*) FROM note WHERE id = 'n-rolled-back'")).isZero();
        assertThat(count("SELECT count(*) FROM audit_ledger")).isEqualTo(before + 1);
        assertThatThrownBy(() -> db.write("alice", w -> {
            try (Statement s = w.connection().createStatement()) {
                s.execute("INSERT INTO note VALUES ('n-unaudited', 'x')");
            }
            return null;
        })).hasMessageContaining("recorded no change");
        assertThat(count("SELECT count(*) FROM note WHERE id = 'n-unaudited'")).isZero();
        assertThat(db.ledger().verify(db.connect()).intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveALedgerRow() throws SQLException {
        note("bob", "n-refuse", "kept");
        for (String sql : List.of("UPDATE audit_ledger SET actor = 'mallory'", "DELETE FROM audit_ledger",
                "TRUNCATE audit_ledger")) {
            assertThatThrownBy(() -> asSuperuser(sql)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("the audit ledger is append-only");
        }
        assertThat(db.ledger().verify(db.connect()).intact()).isTrue();
    }

    @Test
    void verificationFindsARowAlteredBehindTheApplicationsBack() throws SQLException {
        note("carol", "n-a", "one");
        note("carol", "n-b", "two");
        note("carol", "n-c", "three");
        long target = count("SELECT seq FROM audit_ledger WHERE entity_id = 'n-b'");
        try {
            asSuperuser("ALTER TABLE audit_ledger DISABLE TRIGGER USER",
                    "UPDATE audit_ledger SET new_value = '{\"body\":\"forged\"}' WHERE seq = " + target,
                    "ALTER TABLE audit_ledger ENABLE TRIGGER USER");
            AuditVerification v = db.ledger().verify(db.connect());
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(target);
            assertThat(v.problem()).contains("altered after it was written");
            assertThat(v).hasToString("broken at row " + target + ": " + v.problem());
        } finally {
            restore(target, "{\"body\":\"two\"}");
        }
        assertThat(db.ledger().verify(db.connect()).intact()).isTrue();
    }

    @Test
    void verificationFindsARemovedRow() throws SQLException {
        note("dave", "n-x", "one");
        note("dave", "n-y", "two");
        long target = count("SELECT seq FROM audit_ledger WHERE entity_id = 'n-x'");
        List<Object[]> saved = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT * FROM audit_ledger WHERE seq = " + target)) {
            rs.next();
            Object[] row = new Object[11];
            for (int i = 0; i < 11; i++) {
                row[i] = rs.getObject(i + 1);
            }
            saved.add(row);
        }
        asSuperuser("ALTER TABLE audit_ledger DISABLE TRIGGER USER", "DELETE FROM audit_ledger WHERE seq = " + target,
                "ALTER TABLE audit_ledger ENABLE TRIGGER USER");
        AuditVerification v = db.ledger().verify(db.connect());
        assertThat(v.brokenAt()).isEqualTo(target);
        assertThat(v.problem()).contains("row " + target + " is missing");
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO audit_ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 11; i++) {
                p.setObject(i + 1, saved.get(0)[i]);
            }
            p.executeUpdate();
        }
        assertThat(db.ledger().verify(db.connect()).intact()).isTrue();
    }

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                note("writer-" + (n % 8), "n-concurrent-" + n, "body " + n);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        AuditVerification v = db.ledger().verify(db.connect());
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(count("SELECT count(DISTINCT seq) FROM audit_ledger")).isEqualTo(v.rows());
    }

    private static void restore(long seq, String value) throws SQLException {
        asSuperuser("ALTER TABLE audit_ledger DISABLE TRIGGER USER",
                "UPDATE audit_ledger SET new_value = '" + value + "' WHERE seq = " + seq,
                "ALTER TABLE audit_ledger ENABLE TRIGGER USER");
    }
}
