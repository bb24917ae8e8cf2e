package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness at a small size, as the suite runs it (the figures in docs/reliability.md come from the full
 * size): the real {@code stroma serve} in a process of its own, killed under load each way, restarted, and every
 * write it acknowledged looked for.
 */
class CrashBenchmarkTest {
    @Test
    void nothingAcknowledgedIsLostWhateverWayTheServerEnds(@TempDir Path home) throws Exception {
        CrashBenchmark bench = new CrashBenchmark();
        bench.home = home;
        bench.cycles = 1;
        bench.formClients = 6;
        bench.randomizers = 2;
        bench.loadSeconds = 3;
        bench.settleSeconds = 2;
        StringWriter said = new StringWriter();
        CrashBenchmark.Result result = bench.run(new PrintWriter(said));
        assertThat(result.cycles()).extracting(CrashBenchmark.Cycle::ending)
                .containsExactly(CrashBenchmark.Ending.values());
        // the load did write, and the writes it was told were kept are all there after each restart
        assertThat(result.acknowledged()).as(said.toString()).isGreaterThan(30);
        assertThat(result.lost()).as(said.toString()).isZero();
        for (CrashBenchmark.Cycle c : result.cycles()) {
            assertThat(c.databaseOutlived()).as("the database outlived its server in " + c).isFalse();
        }
        CrashBenchmark.Cycle stopped = result.cycles().get(2);
        assertThat(stopped.stopSeconds()).as("SIGTERM under load ends the server within its limit").isNotNull()
                .isLessThan((double) ServeCommand.STOP_LIMIT.toSeconds());
        assertThat(result.audit().intact()).as(result.audit().toString()).isTrue();
        assertThat(result.audit().checked().get("conduct events")).isGreaterThan(30);
    }
}
