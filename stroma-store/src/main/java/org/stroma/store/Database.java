package org.stroma.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.stroma.store.audit.AuditLedger;
import org.stroma.store.audit.Change;

/**
 * Stroma's database: a PostgreSQL given by {@code STROMA_DB_URL} (with {@code STROMA_DB_USER} and
 * {@code STROMA_DB_PASSWORD}), or else the embedded one, its data under {@code $STROMA_HOME/db} ({@code ~/.stroma} by
 * default). Opening it brings its schema up to date. Every write of study data goes through {@link #write}, which
 * makes the change and its audit rows in one transaction.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final AutoCloseable owned;
    private final String description;

    /** {@code owned} is what closing the database also closes: its embedded server, or null. */
    private Database(HikariDataSource pool, AutoCloseable owned, String description) {
        this.pool = pool;
        this.owned = owned;
        this.description = description;
    }

    /** The database the environment names, or the embedded one at its home. */
    public static Database open(Map<String, String> env) {
        String url = env.get("STROMA_DB_URL");
        if (url != null && !url.isBlank()) {
            return external(url, env.get("STROMA_DB_USER"), env.get("STROMA_DB_PASSWORD"));
        }
        String home = env.get("STROMA_HOME");
        Path dir = (home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"),
                ".stroma")).resolve("db");
        return on(EmbeddedDatabase.at(dir), "embedded PostgreSQL at " + dir);
    }

    /** A PostgreSQL server given by its JDBC URL. */
    public static Database external(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("stroma");
        return migrated(new HikariDataSource(config), null, "PostgreSQL at " + url);
    }

    /** An embedded database for one run (tests), removed when closed. */
    public static Database temporary() {
        return on(EmbeddedDatabase.temporary(), "temporary embedded PostgreSQL");
    }

    /**
     * A fresh database on an embedded server that outlives it, for one of many runs (a sweep of simulations); it is
     * dropped when closed.
     */
    public static Database fresh(EmbeddedDatabase server, String name) throws SQLException {
        DataSource source = server.createDatabase(name);
        return on(source, () -> server.dropDatabase(name), "database " + name + " on a temporary embedded PostgreSQL");
    }

    private static Database on(EmbeddedDatabase embedded, String description) {
        return on(embedded.dataSource(), embedded, description);
    }

    private static Database on(DataSource source, AutoCloseable owned, String description) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setMaximumPoolSize(8);
        config.setPoolName("stroma");
        return migrated(new HikariDataSource(config), owned, description);
    }

    private static Database migrated(HikariDataSource pool, AutoCloseable owned, String description) {
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            closeQuietly(owned, e);
            throw e;
        }
        return new Database(pool, owned, description);
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
                for (Change change : write.changes) {
                    AuditLedger.append(c, actor, change);
                }
                c.commit();
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
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("the database did not close cleanly: " + e.getMessage(), e);
            }
        }
    }
}
