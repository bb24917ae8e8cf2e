package org.stroma.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server still running on a data directory whose owner died (killed, crashed): it holds the directory,
 * so a new server cannot start there. It is asked to stop (fast: its clients are gone with the process that died),
 * and killed if it does not; PostgreSQL then recovers the directory from its write-ahead log at the next start.
 */
final class StalePostmaster {
    private static final Duration POLITE = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    /**
     * Stops the server running on {@code dataDirectory}, if one is, and removes a lock file a crash left behind (one
     * cut short, or naming a process that is gone), which would stop PostgreSQL from starting. The caller holds the
     * directory's lock, so no live Stroma uses it.
     */
    static void stop(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> server = running(dataDirectory);
        if (server.isPresent()) {
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
        Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
    }

    /**
     * The PostgreSQL server running on a data directory: the process {@code postmaster.pid} names, or, when that file
     * was cut short, a {@code postgres} process started on the directory.
     */
    static Optional<ProcessHandle> running(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (Files.isRegularFile(pidFile)) {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).strip().matches("\\d{1,10}")) {
                Optional<ProcessHandle> named = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                        .filter(ProcessHandle::isAlive).filter(StalePostmaster::isPostgres);
                if (named.isPresent()) {
                    return named;
                }
            }
        }
        String dir = dataDirectory.toString();
        return ProcessHandle.allProcesses().filter(StalePostmaster::isPostgres)
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(dir)).orElse(false))
                .findFirst();
    }

    private static boolean isPostgres(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
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
            process.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
