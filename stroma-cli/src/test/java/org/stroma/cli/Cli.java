package org.stroma.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the stroma command in the test's JVM and keeps what it printed. */
final class Cli {
    static final Path FIXTURES = Path.of(System.getProperty("user.dir")).resolve("../fixtures").normalize();
    static final Path MESAMI2 = FIXTURES.resolve("seeds/000_b4a57771c457638a.txt");
    static final Path MESEMS = FIXTURES.resolve("seeds/001_1ab109ef512b8771.txt");

    private Cli() {
    }

    /** What one run of the command printed, and how it exited. */
    record Run(int exit, String out, String err) {
    }

    static Run stroma(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }
}
