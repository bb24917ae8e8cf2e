package org.stroma.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A real PostgreSQL (17) started from Maven artifacts, the database Stroma runs on when none is given by URL. A
 * temporary one lives in a fresh directory removed when it closes; one at a data directory keeps its data between
 * runs.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A database for one run: tests, benchmarks. */
    public static EmbeddedDatabase temporary() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder().setCleanDataDirectory(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /** A database whose data is kept in {@code dataDirectory}, created on first use. */
    public static EmbeddedDatabase at(Path dataDirectory) {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).start());
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start in " + dataDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /**
     * A new, empty database on this server, for one of many runs (a sweep of simulations): far cheaper than a server
     * of its own. {@link #dropDatabase} removes it.
     */
    public DataSource createDatabase(String name) throws SQLException {
        requireName(name);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    public void dropDatabase(String name) throws SQLException {
        requireName(name);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void requireName(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("'" + name + "' is not a database name (lower-case letters, digits, _)");
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
