package org.stroma.cli;

import picocli.CommandLine.Command;

/** The top-level {@code stroma} command; each pipeline stage is a subcommand. */
@Command(name = "stroma", mixinStandardHelpOptions = true, version = "Stroma 0.1.0",
        description = "Runs cell-therapy clinical trials from the registry record to the analysed, exported data.",
        subcommands = {DemoCommand.class, ServeCommand.class, ImportCommand.class, ScreenCommand.class, PrescreenCommand.class, RegistryCommand.class,
                EligibilityCommand.class,
                SimulateCommand.class, ExportCommand.class, AnalyseCommand.class, SapCommand.class, AuditCommand.class,
                BenchCommand.class})
final class StromaCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
