package org.stroma.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.stroma.store.Database;
import picocli.CommandLine.Option;

/**
 * Which database a command opens: the one {@code STROMA_DB_URL} names (the password from
 * {@code STROMA_DB_PASSWORD}), else the embedded one under {@code STROMA_HOME} ({@code ~/.stroma}); the options
 * override the environment.
 */
final class DatabaseOptions {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Stroma's home, where the embedded database keeps its data (default: $STROMA_HOME or ~/.stroma).")
    Path home;

    @Option(names = "--db-url", paramLabel = "JDBC-URL",
            description = "A PostgreSQL to use instead of the embedded one (default: $STROMA_DB_URL).")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Its user (default: $STROMA_DB_USER).")
    String user;

    /** Stroma's home folder: --home, else $STROMA_HOME, else ~/.stroma. */
    Path home() {
        if (home != null) {
            return home;
        }
        String env = System.getenv("STROMA_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".stroma");
    }

    Database open() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (home != null) {
            env.put("STROMA_HOME", home.toString());
        }
        if (url != null) {
            env.put("STROMA_DB_URL", url);
        }
        if (user != null) {
            env.put("STROMA_DB_USER", user);
        }
        return Database.open(env);
    }
}
