package org.stroma.cli;

import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.stroma.store.Database;
import org.stroma.store.verify.AuditTrail;
import org.stroma.store.verify.AuditTrailReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma bench crash}: Stroma under load, crashed again and again, and what it had acknowledged looked for
 * after each restart. Three ways to end: {@code kill -9} of the server alone (its database must not outlive it),
 * {@code kill -9} of the server and of every database process at once (a power cut), and {@code SIGTERM} (an
 * operator's stop, which must drain and exit in bounded time). After the last cycle the audit trail is verified.
 */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = "Kill Stroma under load, restart it, and count the acknowledged writes it lost (there must be"
                + " none); exit 1 if any was lost, a restart failed or the audit trail is broken.")
final class CrashBenchmark implements Callable<Integer> {
    /** How a cycle ends. */
    enum Ending {
        KILL_SERVER("kill -9 of the server"),
        KILL_SERVER_AND_DATABASE("kill -9 of the server and its database"),
        STOP("SIGTERM under load");

        final String words;

        Ending(String words) {
            this.words = words;
        }
    }

    @Option(names = "--cycles", paramLabel = "N", description = "Cycles of each ending (default: 10).")
    int cycles = 10;

    @Option(names = "--form-clients", paramLabel = "N", description = "Clients saving forms (default: 50).")
    int formClients = 50;

    @Option(names = "--randomizers", paramLabel = "N", description = "Clients randomizing new subjects (default: 10).")
    int randomizers = 10;

    @Option(names = "--load-seconds", paramLabel = "S", description = "The longest load before the crash; each cycle"
            + " draws a moment between a third of it and all of it (default: 6).")
    double loadSeconds = 6;

    @Option(names = "--settle-seconds", paramLabel = "S", description = "How long the load runs after the last"
            + " restart, to see latency settle (default: 30).")
    double settleSeconds = 30;

    @Option(names = "--seed", paramLabel = "N", description = "Seeds the crash moments (default: 1).")
    long seed = 1;

    @Option(names = "--home", paramLabel = "DIR", description = "Where the server keeps its data (default: a new"
            + " temporary folder).")
    Path home;

    @Spec
    CommandSpec spec;

    /** What one cycle measured. */
    record Cycle(int number, Ending ending, int acknowledged, List<String> lost, Double stopSeconds,
            boolean databaseOutlived, double restartSeconds, double p50, double p99) {
    }

    /** The run's figures: each cycle, and the audit trail at the end. */
    record Result(List<Cycle> cycles, AuditTrailReport audit, int acknowledged) {
        int lost() {
            return cycles.stream().mapToInt(c -> c.lost().size()).sum();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Result result = run(out);
        return result.lost() == 0 && result.audit().intact()
                && result.cycles().stream().noneMatch(c -> c.databaseOutlived() || c.ending() == Ending.STOP
                && c.stopSeconds() == null) ? 0 : 1;
    }

    Result run(PrintWriter out) throws Exception {
        Path dir = home != null ? home : Files.createTempDirectory("stroma-crash");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Random random = new Random(seed);
        out.printf(Locale.ROOT, "Stroma under load (%d clients saving forms, %d randomizing), crashed %d times each"
                + " way, on %s%n", formClients, randomizers, cycles, dir);
        out.println("cycle  ending                                    acked  lost  stop s  db outlived  restart s"
                + "  p50 ms  p99 ms");
        out.flush();
        ServerProcess server = ServerProcess.start(dir, port, Duration.ofMinutes(5));
        String password = Files.readString(dir.resolve("demo-users.txt"), StandardCharsets.UTF_8).strip()
                .replaceFirst(".*: ", "");
        HttpSession coordinator = new HttpSession(port).signIn("coordinator", password);
        TrialLoad load = new TrialLoad(coordinator);
        List<String> formSubjects = new ArrayList<>();
        for (int i = 1; i <= formClients; i++) {
            String id = "F" + i;
            if (!load.randomizeNew(id)) {
                throw new IllegalStateException("could not prepare subject " + id);
            }
            formSubjects.add(id);
        }
        List<Cycle> done = new ArrayList<>();
        double restart = 0;
        int number = 0;
        for (int c = 0; c < cycles; c++) {
            for (Ending ending : Ending.values()) {
                number++;
                Latencies times = load.timeFromNow();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> clients = new ArrayList<>();
                for (String id : formSubjects) {
                    clients.add(started(() -> load.saveFormsUntil(id, stop)));
                }
                for (int r = 1; r <= randomizers; r++) {
                    String prefix = "R" + number + "-" + r;
                    clients.add(started(() -> load.randomizeUntil(prefix, stop)));
                }
                long moment = (long) (loadSeconds * 1000 * (1 + 2 * random.nextDouble()) / 3);
                Thread.sleep(moment);
                Double stopSeconds = null;
                switch (ending) {
                    case KILL_SERVER -> server.killServer();
                    case KILL_SERVER_AND_DATABASE -> server.killServerAndDatabase();
                    case STOP -> {
                        Duration took = server.terminate(Duration.ofSeconds(120));
                        stopSeconds = took == null ? null : took.toMillis() / 1000.0;
                    }
                }
                stop.set(true);
                for (Thread t : clients) {
                    t.join();
                }
                boolean outlived = databaseOutlives(server);
                long t0 = System.nanoTime();
                server = ServerProcess.start(dir, port, Duration.ofMinutes(5));
                restart = (System.nanoTime() - t0) / 1e9;
                List<String> lost = load.lost(coordinator);
                Cycle cycle = new Cycle(number, ending, load.acks().size(), lost, stopSeconds, outlived, restart,
                        times.percentileMillis(50), times.percentileMillis(99));
                done.add(cycle);
                out.printf(Locale.ROOT, "%5d  %-40s %6d %5d  %6s  %-11s  %9.1f  %6.0f  %6.0f%n", cycle.number(),
                        ending.words, cycle.acknowledged(), lost.size(), stopSeconds == null ? "-"
                                : String.format(Locale.ROOT, "%.1f", stopSeconds), outlived ? "YES" : "no",
                        restart, cycle.p50(), cycle.p99());
                for (String l : lost) {
                    out.println("       lost: " + l);
                }
                out.flush();
            }
        }
        // the same load, on the server as it came up after the last crash: how latency settles
        Latencies settling = load.timeFromNow();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (String id : formSubjects) {
            clients.add(started(() -> load.saveFormsUntil(id, stop)));
        }
        Thread.sleep((long) (settleSeconds * 1000));
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
        out.println("after the last restart, under the same load (seconds: saves, p50 ms, p99 ms):");
        for (double from = 0; from < settleSeconds; from += 5) {
            out.printf(Locale.ROOT, "  %3.0f–%3.0f s: %5d  %6.0f  %6.0f%n", from, from + 5, settling.count(from,
                    from + 5), settling.percentileMillis(50, from, from + 5), settling.percentileMillis(99, from,
                    from + 5));
        }
        server.terminate(Duration.ofSeconds(120));
        AuditTrailReport audit;
        try (Database db = Database.open(Map.of("STROMA_HOME", dir.toString()))) {
            audit = AuditTrail.verify(db);
        }
        Result result = new Result(done, audit, load.acks().size());
        out.printf(Locale.ROOT, "%d acknowledged writes, %d lost, over %d crashes; every restart came up%n",
                result.acknowledged(), result.lost(), done.size());
        out.println("audit trail: " + audit);
        out.flush();
        return result;
    }

    private static Thread started(Runnable work) {
        Thread t = new Thread(work, "client");
        t.start();
        return t;
    }

    /** Whether the database still runs, some seconds after its server died (the watchdog stops it). */
    private static boolean databaseOutlives(ServerProcess server) throws Exception {
        for (int i = 0; i < 60; i++) {
            if (server.database().isEmpty()) {
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }
}
