package org.stroma.cli;

/**
 * An unexpected exception, described on one line for the person running the command: it is Stroma's fault, to be
 * reported; the full trace is printed where {@code STROMA_DEBUG} is set.
 */
final class Unexpected {
    private Unexpected() {
    }

    static String describe(Throwable e) {
        StackTraceElement where = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
        if (System.getenv("STROMA_DEBUG") != null) {
            e.printStackTrace();
        }
        return "internal error, please report it: " + e + (where == null ? "" : " at " + where)
                + (System.getenv("STROMA_DEBUG") == null ? " (set STROMA_DEBUG=1 for the full trace)" : "");
    }
}
