package org.stroma.cli;

import picocli.CommandLine.Command;

/** {@code stroma eligibility}: what Stroma makes of trials' eligibility criteria. */
@Command(name = "eligibility", mixinStandardHelpOptions = true,
        description = "Show what Stroma computes of trials' eligibility criteria.",
        subcommands = {CoverageCommand.class, EvaluateCommand.class, ConceptsCommand.class})
final class EligibilityCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
