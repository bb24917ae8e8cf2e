package org.stroma.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
