package org.stroma.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The embedded database run as the trial's database: durable, behind a password, and restartable after any crash. */
class EmbeddedDatabaseTest {
    @TempDir
    Path home;

    @Test
    void commitsAreFlushedToDiskBeforeTheyAreAcknowledged() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.at(home.resolve("db")); Connection c = db.connect()) {
            assertThat(setting(c, "fsync")).isEqualTo("on");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(c, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void noConnectionWithoutThePasswordKeptForItsOwnerOnly() throws Exception {
        Path db = home.resolve("db");
        try (EmbeddedDatabase running = EmbeddedDatabase.at(db); Connection c = running.connect()) {
            Path file = home.resolve("db.password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            int port = port(c);
            assertThatThrownBy(() -> connect(port, null)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> connect(port, "not-the-password")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection ok = connect(port, Files.readString(file).strip())) {
                assertThat(ok.isValid(5)).isTrue();
            }
        }
        // the same password again at the next start
        try (EmbeddedDatabase again = EmbeddedDatabase.at(db); Connection c = again.connect()) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void aDatabaseMadeBeforePasswordsGetsOneAtItsNextStart() throws Exception {
        Path db = home.resolve("db");
        // made as before: anyone local is trusted as superuser
        EmbeddedPostgres.builder().setDataDirectory(db).setCleanDataDirectory(false).start().close();
        try (EmbeddedDatabase running = EmbeddedDatabase.at(db); Connection c = running.connect()) {
            assertThatThrownBy(() -> connect(port(c), null)).isInstanceOf(SQLException.class);
        }
        assertThat(Files.readString(db.resolve("pg_hba.conf"))).doesNotContain("trust");
        assertThat(home.resolve("db.password.pending")).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("db.password"))))
                .isEqualTo("rw-------");
        try (EmbeddedDatabase again = EmbeddedDatabase.at(db); Connection c = again.connect()) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void anOlderDatabaseWhoseFirstStartWithAPasswordWasCutShortStartsWithTheSamePassword() throws Exception {
        Path db = home.resolve("db");
        EmbeddedPostgres.builder().setDataDirectory(db).setCleanDataDirectory(false).start().close();
        // a first start with a password pending gives it to the superuser and asks connections for it; then, as if
        // the process had died before the password was kept, it is pending again
        Files.writeString(home.resolve("db.password.pending"), "the-pending-password\n");
        EmbeddedDatabase.at(db).close();
        Files.move(home.resolve("db.password"), home.resolve("db.password.pending"));
        try (EmbeddedDatabase again = EmbeddedDatabase.at(db); Connection c = again.connect()) {
            assertThat(c.isValid(5)).isTrue();
            assertThatThrownBy(() -> connect(port(c), null)).isInstanceOf(SQLException.class);
        }
        assertThat(Files.readString(home.resolve("db.password")).strip()).isEqualTo("the-pending-password");
    }

    @Test
    void aSecondProcessOnTheSameDatabaseIsRefusedWhileTheFirstLives() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.at(home.resolve("db"))) {
            Process other = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                    DatabaseOwner.class.getName(), home.resolve("db").toString()).redirectErrorStream(true).start();
            String said = new String(other.getInputStream().readAllBytes());
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isNotZero();
            assertThat(said).contains("another Stroma is running on the database in");
            try (Connection c = first.connect()) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void theServerDoesNotOutliveAnOwnerKilledOutright() throws Exception {
        Path db = home.resolve("db");
        Process owner = DatabaseOwner.start(db);
        ProcessHandle server = StalePostmaster.running(db).orElseThrow();
        owner.destroyForcibly().waitFor();
        assertThat(server.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
        try (EmbeddedDatabase again = EmbeddedDatabase.at(db); Connection c = again.connect()) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void aServerLeftRunningWithoutItsWatchdogIsStoppedAtTheNextStart() throws Exception {
        Path db = home.resolve("db");
        Process owner = DatabaseOwner.start(db);
        ProcessHandle server = StalePostmaster.running(db).orElseThrow();
        // the worst case: the watchdog dies with its owner (a container's processes killed together)
        owner.descendants().filter(p -> p.info().command().map(c -> c.endsWith("sh")).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        owner.destroyForcibly().waitFor();
        assertThat(server.isAlive()).isTrue();
        try (EmbeddedDatabase again = EmbeddedDatabase.at(db); Connection c = again.connect()) {
            assertThat(c.isValid(5)).isTrue();
            assertThat(server.isAlive()).isFalse();
        }
    }

    @Test
    void aLockFileCutShortByACrashDoesNotStopTheNextStart() throws Exception {
        Path db = home.resolve("db");
        EmbeddedDatabase.at(db).close();
        for (String halfWritten : new String[] {"", "12", "999999999\n"}) {
            Files.writeString(db.resolve("postmaster.pid"), halfWritten);
            try (EmbeddedDatabase again = EmbeddedDatabase.at(db); Connection c = again.connect()) {
                assertThat(c.isValid(5)).as("after a postmaster.pid of '" + halfWritten.strip() + "'").isTrue();
            }
        }
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    private static int port(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT current_setting('port')")) {
            r.next();
            return Integer.parseInt(r.getString(1));
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName("postgres");
        source.setUser("postgres");
        if (password != null) {
            source.setPassword(password);
        }
        return source.getConnection();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
