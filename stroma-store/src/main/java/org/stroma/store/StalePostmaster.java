package org.stroma.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server still running on a data directory whose owner died (killed, crashed): it holds the directory,
 * so a new server cannot start there. It is asked to stop (fast: its clients are gone with the process that died),
 * and killed if it does not; PostgreSQL then recovers the directory from its write-ahead log at the next start.
 */
final class StalePostmaster {
    private static final Duration POLITE = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    /** Stops the server running on {@code dataDirectory}, if one is; the caller holds the directory's lock. */
    static void stop(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> server = running(dataDirectory);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle process = server.get();
        System.err.println("stroma: stopping the database server (process " + process.pid() + ") left running on "
                + dataDirectory + " by a Stroma that did not stop cleanly");
        signal(process.pid(), "INT");
        if (!waitForExit(process, POLITE)) {
            process.destroyForcibly();
            waitForExit(process, POLITE);
        }
        if (process.isAlive()) {
            throw new IllegalStateException("the database server (process " + process.pid() + ") left running on "
                    + dataDirectory + " does not stop: stop it, then start Stroma again");
        }
    }

    /** The live process named on the first line of {@code postmaster.pid}, if it is a PostgreSQL server. */
    static Optional<ProcessHandle> running(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty(); // a half-written file: PostgreSQL itself replaces it
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration limit) {
        try {
            process.onExit().get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
