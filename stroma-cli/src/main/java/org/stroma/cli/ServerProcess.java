package org.stroma.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code stroma serve} run in a process of its own, on a home folder, to be stopped or killed as an operator or a
 * crash would: its output goes to {@code serve.log} in the home.
 */
final class ServerProcess {
    private final Process process;
    private final Path home;
    private final int port;

    private ServerProcess(Process process, Path home, int port) {
        this.process = process;
        this.home = home;
        this.port = port;
    }

    /** Starts the server and returns once it answers, or throws saying why it did not start within the limit. */
    static ServerProcess start(Path home, int port, Duration limit) throws IOException, InterruptedException {
        Files.createDirectories(home);
        Path log = home.resolve("serve.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--home", home.toString(),
                "--port", Integer.toString(port)).redirectErrorStream(true).start();
        CompletableFuture<Boolean> running = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log,
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    if (line.startsWith("Stroma is running at")) {
                        running.complete(true);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            running.complete(false);
        }, "serve-output");
        copier.setDaemon(true);
        copier.start();
        boolean up;
        try {
            up = running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            up = false;
        }
        if (!up) {
            p.destroyForcibly().waitFor();
            List<String> tail = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new IllegalStateException("stroma serve did not start on " + home + " within " + limit.toSeconds()
                    + " s; its last words: " + String.join(" | ", tail.subList(Math.max(0, tail.size() - 5),
                            tail.size())));
        }
        return new ServerProcess(p, home, port);
    }

    int port() {
        return port;
    }

    /** The database server's process, while it runs. */
    Optional<ProcessHandle> database() throws IOException {
        Path pid = home.resolve("db").resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pid);
        return lines.isEmpty() || !lines.get(0).strip().matches("\\d+") ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
    }

    /** {@code kill -9} of the server alone, as an out-of-memory killer would. */
    void killServer() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** {@code kill -9} of the server and of its database with every one of its processes at once, as a power cut. */
    void killServerAndDatabase() throws IOException, InterruptedException {
        List<ProcessHandle> all = new ArrayList<>();
        database().ifPresent(pg -> {
            all.add(pg);
            pg.descendants().forEach(all::add);
        });
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            h.onExit().join();
        }
    }

    /** {@code SIGTERM}, as an operator's stop: how long it took to exit, or null if it had not after the limit. */
    Duration terminate(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return null;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
