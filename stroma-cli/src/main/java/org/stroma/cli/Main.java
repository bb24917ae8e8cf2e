package org.stroma.cli;

import picocli.CommandLine;

/** The {@code stroma} command's entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs a command line with the given output streams and returns its exit code. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new StromaCommand()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            // Users' mistakes are reported by the commands themselves; what reaches here is Stroma's own fault.
            StackTraceElement where = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
            cl.getErr().println("stroma: internal error, please report it: " + e + (where == null ? "" : " at " + where)
                    + (System.getenv("STROMA_DEBUG") == null ? " (set STROMA_DEBUG=1 for the full trace)" : ""));
            if (System.getenv("STROMA_DEBUG") != null) {
                e.printStackTrace(cl.getErr());
            }
            return 1;
        });
        return commandLine.execute(args);
    }
}
