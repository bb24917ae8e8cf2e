package org.stroma.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Stops the embedded database server when the process that started it dies without stopping it (killed, out of
 * memory): the server runs detached, so it would otherwise outlive its owner and hold the data directory. A small
 * shell process polls the owner and, once it is gone, asks the server — the same one, if the directory still names it
 * — for a fast shutdown.
 */
final class Watchdog {
    private static final String SCRIPT = """
            while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
            if [ "$(head -n 1 "$3/postmaster.pid" 2>/dev/null)" = "$2" ]; then kill -INT "$2"; fi
            """;

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    static Watchdog start(Path dataDirectory) throws IOException {
        long server = StalePostmaster.running(dataDirectory).orElseThrow(() -> new IllegalStateException(
                "the database server started on " + dataDirectory + " is not running")).pid();
        Process p = new ProcessBuilder("sh", "-c", SCRIPT, "stroma-watchdog", Long.toString(ProcessHandle.current()
                .pid()), Long.toString(server), dataDirectory.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new Watchdog(p);
    }

    /** The owner stopped the server itself: the watchdog is no longer needed. */
    void stop() {
        process.destroy();
    }
}
