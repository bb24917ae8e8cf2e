package org.stroma.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.plan.AnalysisPlanText;
import org.stroma.trial.plan.PlanDerivation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma sap --trial FILE [--format markdown|json]}: the draft statistical analysis plan of a trial, derived from
 * its registered outcome measures, with what the statistician still has to decide. A record that cannot be read is
 * one line naming the file, and exit code 2.
 */
@Command(name = "sap", mixinStandardHelpOptions = true,
        description = "Derive a trial's draft statistical analysis plan from its registered outcome measures.")
final class SapCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    enum Format { markdown, json }

    @Option(names = "--trial", paramLabel = "FILE", required = true, description = "A registry record or Stroma protocol JSON.")
    Path trial;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown (default) or json.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<AnalysisPlan> plans = new ArrayList<>();
        try {
            for (ImportedRecord r : new RegistryImporter().read(Files.readAllBytes(trial))) {
                plans.add(PlanDerivation.derive(r.protocol()));
            }
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("stroma: " + e.getFile() + ": no such file");
            return 2;
        } catch (RecordFormatException e) {
            spec.commandLine().getErr().println("stroma: " + trial + ": " + e.getMessage());
            return 2;
        }
        for (AnalysisPlan plan : plans) {
            out.print(format == Format.json ? JSON.writeValueAsString(plan) + System.lineSeparator()
                    : AnalysisPlanText.markdown(plan));
        }
        out.flush();
        return 0;
    }
}
