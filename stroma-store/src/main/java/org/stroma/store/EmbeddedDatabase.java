package org.stroma.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A real PostgreSQL (17) started from Maven artifacts, the database Stroma runs on when none is given by URL.
 *
 * <p>A temporary one (tests, benchmarks, simulations) lives in a fresh directory removed when it closes; nothing in it
 * outlives the run, so it skips flushing to disk. One at a data directory is the trial's database, and is run as
 * one: every commit is flushed to disk before it is acknowledged, the superuser has a password drawn at first start
 * (kept beside the data, readable by its owner only), a server left running by a process that died is stopped before
 * a new one starts, and a watchdog stops the server if the process that started it dies without closing it.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /**
     * How long a starting server may take to answer. The library waits 10 s, which a two-core machine busy with a
     * browser and a build can exceed; a server that has not answered in two minutes is not coming.
     */
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);

    private final EmbeddedPostgres postgres;
    private final Map<String, String> credentials;
    private final Runnable onClose;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Map<String, String> credentials, Runnable onClose) {
        this.postgres = postgres;
        this.credentials = credentials;
        this.onClose = onClose;
    }

    /** A database for one run: tests, benchmarks. */
    public static EmbeddedDatabase temporary() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder().setCleanDataDirectory(true)
                    .setPGStartupWait(STARTUP_LIMIT).start(), Map.of(),
                    () -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The database whose data is kept in {@code dataDirectory}, created on first use. Only one process runs it at a
     * time: a second is refused while the first lives.
     */
    public static EmbeddedDatabase at(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath();
        FileChannel lockFile = null;
        try {
            Files.createDirectories(dir.getParent());
            lockFile = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                throw new IllegalStateException("another Stroma is running on the database in " + dir
                        + ": stop it first (only one process runs an embedded database)");
            }
            // This process holds the lock, so a server still running on the directory was left by one that died.
            StalePostmaster.stop(dir);
            SuperuserPassword password = SuperuserPassword.of(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(STARTUP_LIMIT)
                    // the server is stopped by close() (after the web server has drained) or by the watchdog
                    .setRegisterShutdownHook(false)
                    // durable commits: -F (no fsync) is what the library passes; these come after it and win
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost");
            password.configure(builder, dir);
            EmbeddedPostgres postgres = builder.start();
            password.setOnOlderDatabase(postgres, dir);
            Watchdog watchdog = Watchdog.start(dir);
            FileChannel held = lockFile;
            return new EmbeddedDatabase(postgres, Map.of("password", password.value()), () -> {
                watchdog.stop();
                closeQuietly(held);
            });
        } catch (IOException | SQLException e) {
            closeQuietly(lockFile);
            throw new IllegalStateException("the embedded PostgreSQL did not start in " + dir + ": " + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            closeQuietly(lockFile);
            throw e;
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase(credentials);
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
        return postgres.getDatabase("postgres", name, credentials);
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

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        } finally {
            onClose.run();
        }
    }
}
