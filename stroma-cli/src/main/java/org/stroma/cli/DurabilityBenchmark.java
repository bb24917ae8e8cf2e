package org.stroma.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.stroma.store.Database;
import org.stroma.store.audit.Change;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma bench durability}: what an audited write costs on the embedded database as Stroma runs it (every
 * commit flushed to disk): the write with its hash-chained audit row and its checkpoint outside the database, against
 * a bare JDBC insert and commit of the same row on the same database, side by side in one run, at 10, 50 and 100
 * clients.
 */
@Command(name = "durability", mixinStandardHelpOptions = true,
        description = "Audited, durable writes against bare JDBC insert+commit on the same embedded database.")
final class DurabilityBenchmark implements Callable<Integer> {
    @Option(names = "--clients", split = ",", paramLabel = "N,N…", description = "Concurrent clients (default:"
            + " 10,50,100).")
    List<Integer> clients = List.of(10, 50, 100);

    @Option(names = "--seconds", paramLabel = "S", description = "How long each measure runs (default: 10).")
    double seconds = 10;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Files.createTempDirectory("stroma-durability");
        try (Database db = Database.open(Map.of("STROMA_HOME", home.toString()))) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_note (id text PRIMARY KEY, body text NOT NULL)");
            }
            out.printf(Locale.ROOT, "Durable writes on %s (fsync and synchronous commit on), %.0f s each:%n",
                    db.description(), seconds);
            out.println("clients  audited writes/s  p50 ms  p99 ms  |  bare JDBC writes/s  p50 ms  p99 ms  |  bare/audited");
            AtomicLong ids = new AtomicLong();
            for (int n : clients) {
                Latencies audited = measure(n, () -> {
                    String id = "a" + ids.incrementAndGet();
                    db.write("bench", w -> {
                        insert(w.connection(), id);
                        w.audit(Change.created("bench_note", id, "{\"body\":\"a note\"}"));
                        return null;
                    });
                });
                Latencies bare = measure(n, () -> {
                    try (Connection c = db.connect()) {
                        c.setAutoCommit(false);
                        insert(c, "b" + ids.incrementAndGet());
                        c.commit();
                    }
                });
                double a = audited.count() / seconds;
                double b = bare.count() / seconds;
                out.printf(Locale.ROOT, "%7d  %16.0f  %6.1f  %6.1f  |  %18.0f  %6.1f  %6.1f  |  %12.1f%n", n, a,
                        audited.percentileMillis(50), audited.percentileMillis(99), b, bare.percentileMillis(50),
                        bare.percentileMillis(99), b / a);
                out.flush();
            }
        } finally {
            try (var paths = Files.walk(home)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return 0;
    }

    private static void insert(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_note (id, body) VALUES (?, 'a note')")) {
            p.setString(1, id);
            p.executeUpdate();
        }
    }

    /** One write, as a client makes it. */
    @FunctionalInterface
    private interface Write {
        void run() throws Exception;
    }

    /** {@code n} clients writing one after another for the set time, after a second of warming up. */
    private Latencies measure(int n, Write write) throws InterruptedException {
        AtomicBoolean timing = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        Latencies[] times = {new Latencies()};
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        write.run();
                        ok = true;
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (timing.get()) {
                        times[0].add(start, ok);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(1000);
        times[0] = new Latencies();
        timing.set(true);
        Thread.sleep((long) (seconds * 1000));
        timing.set(false);
        stop.set(true);
        Latencies measured = times[0];
        for (Thread t : threads) {
            t.join();
        }
        return measured;
    }
}
