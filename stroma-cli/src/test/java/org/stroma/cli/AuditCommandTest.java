package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.cli.Cli.stroma;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroma.store.Database;
import org.stroma.store.audit.Change;

/** {@code stroma audit verify} on an embedded database kept under a home folder. */
class AuditCommandTest {

    @Test
    void reportsAnIntactChainThenTheRowAlteredBehindTheApplicationsBack(@TempDir Path home) throws Exception {
        try (Database db = Database.open(Map.of("STROMA_HOME", home.toString()))) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE note (id text PRIMARY KEY)");
            }
            for (String id : new String[] {"a", "b"}) {
                db.write("alice", w -> {
                    try (Statement s = w.connection().createStatement()) {
                        s.execute("INSERT INTO note VALUES ('" + id + "')");
                    }
                    w.audit(Change.created("note", id, "{}"));
                    return null;
                });
            }
        }
        Cli.Run intact = stroma("audit", "verify", "--home", home.toString());
        assertThat(intact.exit()).isZero();
        assertThat(intact.out()).contains("embedded PostgreSQL at " + home.resolve("db")).contains("intact (2 rows;")
                .contains("checkpoints outside the database up to row 2").contains("the study data is what it says");
        // the keys and checkpoints are outside the database, for the home's owner only
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(
                home.resolve("audit").resolve("embedded.key")))).isEqualTo("rw-------");
        assertThat(java.nio.file.Files.readAllLines(home.resolve("audit").resolve("embedded.checkpoints"))).hasSize(2);
        try (Database db = Database.open(Map.of("STROMA_HOME", home.toString()));
                Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_ledger DISABLE TRIGGER USER");
            s.execute("UPDATE audit_ledger SET actor = 'mallory' WHERE seq = 1");
            s.execute("ALTER TABLE audit_ledger ENABLE TRIGGER USER");
        }
        Cli.Run broken = stroma("audit", "verify", "--home", home.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("broken at row 1: its content does not match its hash");
    }
}
