package org.stroma.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.concept.ConceptTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma eligibility concepts [--out FILE]}: every concept of the dictionary with the codes records are matched
 * by, as Markdown; this is how docs/concept-codes.md is written.
 */
@Command(name = "concepts", mixinStandardHelpOptions = true,
        description = "List the concepts criteria are read into, with the codes records are matched by (Markdown).")
final class ConceptsCommand implements Callable<Integer> {
    static final String COMMAND = "./stroma eligibility concepts --out docs/concept-codes.md";

    @Option(names = "--out", paramLabel = "FILE", description = "Write the table to a file instead of printing it.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String table = ConceptTable.markdown(ConceptDictionary.standard(), COMMAND);
        if (out == null) {
            spec.commandLine().getOut().print(table);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
        return 0;
    }
}
