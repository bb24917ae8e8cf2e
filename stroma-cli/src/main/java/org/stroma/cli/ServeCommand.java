package org.stroma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.stroma.protocol.text.Words;
import org.stroma.server.Stroma;
import org.stroma.server.demo.DemoSetup;
import org.stroma.server.demo.DemoUser;
import org.stroma.server.http.StromaServer;
import org.stroma.store.Database;
import org.stroma.store.study.StudyStore;
import org.stroma.store.user.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma serve}: the server on its database. A database with no accounts yet gets the five reference trials
 * and a demo account per role, with a password drawn at random, printed once and kept in the home folder (readable by
 * its owner only).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the server (the five reference trials and demo accounts are set up on first start).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", paramLabel = "N", description = "The port to listen on, on 127.0.0.1 (default: 8080).")
    int port = 8080;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return serve(database, port, spec.commandLine().getOut());
    }

    static int serve(DatabaseOptions database, int port, PrintWriter out) throws Exception {
        Database db = database.open();
        Path passwords = database.home().resolve("demo-users.txt");
        UserStore users = new UserStore(db);
        if (!DemoSetup.isDone(users)) {
            String password = password();
            out.println("Setting up: the five reference trials and a demo account for each role…");
            out.flush();
            DemoSetup.run(new StudyStore(db), users, password);
            Files.createDirectories(passwords.getParent());
            Files.writeString(passwords, "demo accounts' password: " + password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        }
        Path registry = database.home().resolve("registry");
        // the registry's related trials: a first index of the reference trials and, from a checkout, the real records
        RegistryCommand.ensure(registry, List.of(Path.of("fixtures", "registry"), Path.of("fixtures", "ctgov")), out);
        StromaServer server = Stroma.serve(db, port, registry);
        out.println("Stroma is running at http://127.0.0.1:" + server.port() + "/ on " + db.description());
        out.println("Demo accounts (" + passwordLine(passwords) + "):");
        for (DemoUser u : DemoSetup.USERS) {
            out.printf("  %-14s %s%s%n", u.username(), Words.of(u.role()),
                    u.siteNote() == null ? "" : ", " + u.siteNote());
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopWithin(STOP_LIMIT, () -> {
                server.close();
                db.close();
            });
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /**
     * How long a stop (Ctrl-C, SIGTERM) may take: the requests under way are given {@link StromaServer#DRAIN} to
     * finish, then the database stops. Past the limit the process ends anyway: every write it acknowledged is already
     * on disk, and an unacknowledged one is rolled back by the database.
     */
    static final Duration STOP_LIMIT = StromaServer.DRAIN.plusSeconds(20);

    static void stopWithin(Duration limit, Runnable stop) {
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
                System.err.println("stroma: the stop took longer than " + limit.toSeconds() + " s; ending now (every"
                        + " acknowledged write is on disk)");
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException e) {
                // stopped in time
            }
        }, "stop-deadline");
        deadline.setDaemon(true);
        deadline.start();
        try {
            stop.run();
        } finally {
            deadline.interrupt();
        }
    }

    private static String passwordLine(Path file) throws IOException {
        return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() + ", kept in " + file
                : "their password was printed at the first start";
    }

    private static String password() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
