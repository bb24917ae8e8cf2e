package org.stroma.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;

/**
 * The embedded database's superuser password: drawn at the database's first start, kept in a file beside its data
 * directory that only its owner can read, and required of every connection, by socket or by TCP. A database made
 * before Stroma drew passwords gets one at its next start.
 */
final class SuperuserPassword {
    private static final String HBA = """
            # Written by Stroma: every connection gives the superuser's password (kept in %s).
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private final Path file;
    /**
     * Where the password waits while a database made before Stroma drew passwords does not have it yet (null for
     * the others): this start gives it to the superuser, then moves it to {@link #file}.
     */
    private final Path pending;
    private final String value;

    private SuperuserPassword(Path file, Path pending, String value) {
        this.file = file;
        this.pending = pending;
        this.value = value;
    }

    /** The password of the database in {@code dataDirectory}, drawn and written now if it has none yet. */
    static SuperuserPassword of(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
        if (Files.exists(file)) {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException("the database's password file " + file + " is empty: restore it from"
                        + " a backup");
            }
            return new SuperuserPassword(file, null, value);
        }
        // a database made before Stroma drew passwords waits with its password pending until its superuser has it,
        // so that a crash in between leaves it open to the same password at the next start, never to a lost one
        Path pending = file.resolveSibling(file.getFileName() + ".pending");
        if (Files.exists(pending)) {
            return new SuperuserPassword(file, pending, Files.readString(pending, StandardCharsets.UTF_8).strip());
        }
        Path hba = dataDirectory.resolve("pg_hba.conf");
        boolean initialised = Files.exists(dataDirectory.resolve("postgresql.conf"));
        if (initialised && Files.exists(hba) && Files.readAllLines(hba).stream().map(String::strip)
                .anyMatch(line -> !line.startsWith("#") && line.matches(".*\\s(scram-sha-256|md5|password)$"))) {
            throw new IllegalStateException("the database in " + dataDirectory + " has a password, kept in " + file
                    + ", which is missing: restore it from a backup");
        }
        return initialised ? new SuperuserPassword(file, pending, drawInto(pending))
                : new SuperuserPassword(file, null, drawInto(file));
    }

    /** A new password, written to {@code file} whole and readable by its owner only. */
    private static String drawInto(Path file) throws IOException {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path drawn = Files.createTempFile(file.getParent(), ".password", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(drawn, value + "\n", StandardCharsets.UTF_8);
        Files.move(drawn, file, StandardCopyOption.ATOMIC_MOVE);
        return value;
    }

    String value() {
        return value;
    }

    /** How the database is started: a new one is made with the password required from the start. */
    void configure(EmbeddedPostgres.Builder builder, Path dataDirectory) {
        builder.setConnectConfig("password", value);
        if (!Files.exists(dataDirectory.resolve("postgresql.conf"))) {
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", file.toString());
        }
        if (pending == null) {
            // before every start, so that a hand-edited file does not let anyone in without it
            builder.setDataDirectoryCustomizer(d -> writeHba(d.toPath()));
        }
    }

    /** Once started: an older database's superuser gets the password, and connections need it from now on. */
    void setOnOlderDatabase(EmbeddedPostgres postgres, Path dataDirectory) throws SQLException, IOException {
        if (pending == null) {
            return;
        }
        // trusted as before, or (a start cut short after this step) already asked for the password
        try (Connection c = postgres.getPostgresDatabase(Map.of("password", value)).getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD '" + value + "'");
            writeHba(dataDirectory);
            s.execute("SELECT pg_reload_conf()");
        }
        Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeHba(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA.formatted(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDirectory.resolve("pg_hba.conf") + ": "
                    + e.getMessage(), e);
        }
    }
}
