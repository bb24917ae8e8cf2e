package org.stroma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stroma.server.demo.ReferenceTrials;
import org.stroma.protocol.Identification;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.compile.CoverageReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stroma eligibility coverage [TRIAL...] [--out FILE] [--format markdown|json]}: each criterion of each trial,
 * the rule it compiled to and the share of measurable criteria that compiled, as Markdown — or, for scripts, as JSON
 * Lines, one object per criterion. Without trials, the five reference trials; this is how docs/eligibility-coverage.md
 * is written.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Report which eligibility criteria compile into rules (Markdown).")
final class CoverageCommand implements Callable<Integer> {
    static final String REFERENCE_COMMAND = "./stroma eligibility coverage --out docs/eligibility-coverage.md";
    /**
     * The heading of the measurement on the Chia corpus, which follows the generated report in the same file. It is
     * written from {@code ./stroma eligibility evaluate}, on a corpus Stroma does not ship, so rewriting the report
     * keeps it as it stands.
     */
    static final String CHIA_SECTION = "## On trials Stroma was not built for: Chia";

    @Parameters(paramLabel = "TRIAL", arity = "0..*",
            description = "Registry records (default: the five reference trials).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to a file instead of printing it.")
    Path out;

    enum Format { markdown, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown, or json: one JSON object per criterion, a line each (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<CoverageReport.Trial> trials = new ArrayList<>();
        try {
            if (files.isEmpty()) {
                for (ReferenceTrials.Trial t : ReferenceTrials.all()) {
                    trials.addAll(trials("seed " + t.name(), t.content()));
                }
            } else {
                for (Path f : files) {
                    trials.addAll(trials(f.toString(), Files.readAllBytes(f)));
                }
            }
        } catch (BadInput e) {
            err.println("stroma: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("stroma: " + e.getFile() + ": no such file");
            return 2;
        }
        String command = files.isEmpty() && out != null ? REFERENCE_COMMAND : "./stroma eligibility coverage";
        String report = format == Format.json ? CoverageJson.lines(trials) : CoverageReport.markdown(trials, command);
        if (out == null) {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, report + keptSection(out), StandardCharsets.UTF_8);
        }
        return 0;
    }

    /** The Chia section of the file being rewritten, from its heading to the end; empty when there is none. */
    private String keptSection(Path file) throws IOException {
        if (format != Format.markdown || !Files.exists(file)) {
            return "";
        }
        String old = Files.readString(file, StandardCharsets.UTF_8);
        int at = old.indexOf(CHIA_SECTION);
        return at < 0 ? "" : "\n" + old.substring(at);
    }

    private static List<CoverageReport.Trial> trials(String source, byte[] content) {
        List<CoverageReport.Trial> trials = new ArrayList<>();
        for (CompiledTrials.Trial t : CompiledTrials.read(source, content, ConceptDictionary.standard())) {
            Identification id = t.protocol().identification();
            String title = id == null ? source : id.nctId() + (id.acronym() == null ? "" : " (" + id.acronym() + ")");
            trials.add(new CoverageReport.Trial(title, source, t.eligibility()));
        }
        return trials;
    }
}
