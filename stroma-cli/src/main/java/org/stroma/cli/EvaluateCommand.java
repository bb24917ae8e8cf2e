package org.stroma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.stroma.cli.chia.AuditDraw;
import org.stroma.cli.chia.ChiaCorpus;
import org.stroma.cli.chia.ChiaEvaluation;
import org.stroma.cli.chia.ChiaFigures;
import org.stroma.cli.chia.ChiaReport;
import org.stroma.cli.chia.EvaluatedLine;
import org.stroma.trial.concept.ConceptDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code stroma eligibility evaluate --chia DIR}: compiles the criteria of trials annotated in the Chia corpus and
 * sets what compiled beside Chia's annotations — the share of criteria that became data rules, numeric thresholds,
 * conditions, time windows and negations.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure eligibility compilation against an annotated corpus (Chia, BRAT files).")
final class EvaluateCommand implements Callable<Integer> {
    enum Format { text, json }

    @Option(names = "--chia", paramLabel = "DIR", required = true,
            description = "A directory of Chia trials: NCT…_inc.txt, _exc.txt and their .ann files.")
    Path chia;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (Markdown, with the definitions) or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--sample", paramLabel = "N", description = "Evaluate N trials drawn at random (default: all).")
    Integer sample;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "The seed of the draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--audit", paramLabel = "N", description = "Instead of the figures, draw N criteria that compiled"
            + " to a data rule (not flagged non-query-able) for judging by hand, as a Markdown table.")
    Integer audit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(chia)) {
            err.println("stroma: " + chia + ": no such directory");
            return 2;
        }
        if (sample != null && sample < 1 || audit != null && audit < 1) {
            err.println("stroma: --sample and --audit must be at least 1");
            return 2;
        }
        ChiaFigures figures;
        try {
            List<String> ids = ChiaCorpus.trialIds(chia);
            if (ids.isEmpty()) {
                err.println("stroma: " + chia + ": no Chia trials (NCT…_inc.txt, NCT…_exc.txt)");
                return 2;
            }
            if (sample != null) {
                ids = ChiaCorpus.sample(ids, sample, seed);
            }
            ChiaEvaluation evaluation = new ChiaEvaluation(ConceptDictionary.standard());
            if (audit != null) {
                List<EvaluatedLine> lines = new java.util.ArrayList<>();
                for (String id : ids) {
                    lines.addAll(evaluation.evaluate(ChiaCorpus.read(chia, id)));
                }
                out.print(AuditDraw.markdown(AuditDraw.draw(lines, audit, seed), command() + " --audit " + audit
                        + " --seed " + seed));
                out.flush();
                return 0;
            }
            figures = evaluation.run(chia, ids);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("stroma: " + e.getMessage());
            return 2;
        }
        String command = command() + (sample == null ? "" : " --seed " + seed);
        out.print(format == Format.json ? ChiaReport.json(figures, command).toPrettyString() + "\n"
                : ChiaReport.text(figures, command));
        out.flush();
        return 0;
    }

    private String command() {
        return "./stroma eligibility evaluate --chia " + chia + (sample == null ? "" : " --sample " + sample);
    }
}
