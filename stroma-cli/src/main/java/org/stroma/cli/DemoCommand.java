package org.stroma.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RegistryImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code stroma demo}: Stroma's main job on the five reference trials. For now it imports each trial's registry record
 * and prints what Stroma read; the later pipeline stages extend it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Stroma on the five reference MSC trials (imports them and prints their summaries).")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RegistryImporter importer = new RegistryImporter();
        var trials = DemoTrials.all();
        out.println("Stroma demo: importing the " + trials.size() + " reference trials\n");
        for (DemoTrials.Trial trial : trials) {
            for (ImportedRecord record : importer.read(trial.content())) {
                out.println(ImportSummary.render(Path.of(trial.name()), record));
            }
        }
        out.flush();
        return 0;
    }
}
