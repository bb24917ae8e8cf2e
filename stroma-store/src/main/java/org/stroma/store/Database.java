package org.stroma.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.stroma.store.audit.AuditLedger;
import org.stroma.store.audit.AuditRecord;
import org.stroma.store.audit.AuditSeal;
import org.stroma.store.audit.Change;

/**
 * Stroma's database: a PostgreSQL given by {@code STROMA_DB_URL} (with {@code STROMA_DB_USER} and
 * {@code STROMA_DB_PASSWORD}), or else the embedded one, its data under {@code $STROMA_HOME/db} ({@code ~/.stroma} by
 * default). Opening it brings its schema up to date. Every write of study data goes through {@link #write}, which
 * makes the change and its audit rows in one transaction, durable before it returns. The audit ledger's keys and
 * checkpoints are kept in {@code $STROMA_HOME/audit}, outside the database.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final AutoCloseable owned;
    private final String description;
    private final AuditLedger ledger;

    /** {@code owned} is what closing the database also closes: its embedded server, or null. */
    private Database(HikariDataSource pool, AutoCloseable owned, String description, AuditLedger ledger) {
        this.pool = pool;
        this.owned = owned;
        this.description = description;
        this.ledger = ledger;
    }

    /** The database the environment names, or the embedded one at its home. */
    public static Database open(Map<String, String> env) {
        String home = env.get("STROMA_HOME");
        Path dir = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"),
                ".stroma");
        String url = env.get("STROMA_DB_URL");
        if (url != null && !url.isBlank()) {
            return external(url, env.get("STROMA_DB_USER"), env.get("STROMA_DB_PASSWORD"), dir.resolve("audit"));
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.at(dir.resolve("db"));
        return on(embedded.dataSource(), embedded, dir.resolve("audit"), "embedded PostgreSQL at " + dir.resolve("db"));
    }

    /**
     * A PostgreSQL server given by its JDBC URL. Its commits must be durable: a server that does not flush them to
     * disk is refused, and every connection asks for synchronous commits.
     */
    public static Database external(String url, String user, String password, Path auditDirectory) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setConnectionInitSql("SET synchronous_commit = on");
        config.setMaximumPoolSize(8);
        config.setPoolName("stroma");
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW fsync")) {
            r.next();
            if (!r.getString(1).equals("on")) {
                throw new IllegalStateException("the PostgreSQL at " + url + " runs with fsync off, so a write it"
                        + " acknowledged could be lost in a crash: turn fsync on");
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e instanceof SQLException q ? new IllegalStateException("cannot use the PostgreSQL at " + url + ": "
                    + q.getMessage(), q) : (RuntimeException) e;
        }
        String sealName = "server-" + Integer.toHexString(url.hashCode());
        return migrated(pool, null, auditDirectory, sealName, "PostgreSQL at " + url);
    }

    /** An embedded database for one run (tests), removed when closed with the ledger's keys. */
    public static Database temporary() {
        Path audit = temporaryDirectory();
        EmbeddedDatabase embedded = EmbeddedDatabase.temporary();
        return on(embedded.dataSource(), () -> {
            embedded.close();
            deleteTree(audit);
        }, audit, "temporary embedded PostgreSQL");
    }

    /**
     * A fresh database on an embedded server that outlives it, for one of many runs (a sweep of simulations); it is
     * dropped when closed.
     */
    public static Database fresh(EmbeddedDatabase server, String name) throws SQLException {
        DataSource source = server.createDatabase(name);
        Path audit = temporaryDirectory();
        return on(source, () -> {
            server.dropDatabase(name);
            deleteTree(audit);
        }, audit, "database " + name + " on a temporary embedded PostgreSQL");
    }

    private static Database on(DataSource source, AutoCloseable owned, Path audit, String description) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setMaximumPoolSize(8);
        config.setPoolName("stroma");
        return migrated(new HikariDataSource(config), owned, audit, "embedded", description);
    }

    /**
     * The pool, on a schema brought up to date, with its ledger's seal: {@code sealName} tells apart the databases
     * one home uses (the embedded one, and each server by its URL).
     */
    private static Database migrated(HikariDataSource pool, AutoCloseable owned, Path audit, String sealName,
            String description) {
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            AuditLedger.Head head;
            try (Connection c = pool.getConnection()) {
                head = AuditLedger.head(c);
            }
            return new Database(pool, owned, description, new AuditLedger(AuditSeal.at(audit, sealName, head.ledger(),
                    head.seq())));
        } catch (SQLException e) {
            pool.close();
            IllegalStateException failed = new IllegalStateException("cannot open " + description + ": "
                    + e.getMessage(), e);
            closeQuietly(owned, failed);
            throw failed;
        } catch (RuntimeException e) {
            pool.close();
            closeQuietly(owned, e);
            throw e;
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("stroma-audit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void closeQuietly(AutoCloseable owned, RuntimeException cause) {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connect() throws SQLException {
        return pool.getConnection();
    }

    /** The audit ledger of this database, with its keys. */
    public AuditLedger ledger() {
        return ledger;
    }

    /** "embedded PostgreSQL at /root/.stroma/db", or the URL of the server. */
    public String description() {
        return description;
    }

    /** A unit of work that writes study data and says what it changed. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Write write) throws SQLException;
    }

    /** The transaction of a write: its connection, and the changes it records as it makes them. */
    public static final class Write {
        private final Connection connection;
        private final List<Change> changes = new ArrayList<>();

        Write(Connection connection) {
            this.connection = connection;
        }

        public Connection connection() {
            return connection;
        }

        public void audit(Change change) {
            changes.add(change);
        }
    }

    /**
     * The one way study data is written: the work and its audit rows commit together, or neither does. A work that
     * records no change is refused, so that nothing is written unaudited.
     */
    public <T> T write(String actor, Work<T> work) throws SQLException {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a write needs the person who makes it");
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                Write write = new Write(c);
                T result = work.run(write);
                if (write.changes.isEmpty()) {
                    throw new IllegalStateException("a write recorded no change for the audit ledger");
                }
                AuditRecord last = null;
                for (Change change : write.changes) {
                    last = ledger.append(c, actor, change);
                }
                c.commit();
                ledger.checkpoint(last);
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
        ledger.close();
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("the database did not close cleanly: " + e.getMessage(), e);
            }
        }
    }
}
