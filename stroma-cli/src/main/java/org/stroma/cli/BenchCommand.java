package org.stroma.cli;

import picocli.CommandLine.Command;

/** {@code stroma bench}: benchmarks that print their figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {ImportBenchmark.class, ScreenBenchmark.class, PrescreenBenchmark.class, RegistryBenchmark.class,
                BadInputBenchmark.class, CrashBenchmark.class,
                DurabilityBenchmark.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
