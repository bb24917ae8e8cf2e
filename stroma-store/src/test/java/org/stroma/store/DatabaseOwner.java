package org.stroma.store;

import java.nio.file.Path;

/** A process that starts the embedded database at a directory, says so, and waits to be killed. */
public final class DatabaseOwner {
    public static void main(String[] args) throws Exception {
        EmbeddedDatabase.at(Path.of(args[0]));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts an owner of {@code dir} in a JVM of its own and returns once its database runs. */
    public static Process start(Path dir) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DatabaseOwner.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        if (!"ready".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("the database owner did not start: " + line);
        }
        return p;
    }
}
