package org.stroma.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.data.DataSet;
import org.stroma.analysis.result.Analysis;
import org.stroma.analysis.run.Columns;
import org.stroma.analysis.run.DataAnalysis;
import org.stroma.analysis.run.Method;
import org.stroma.analysis.survival.Ties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma analyse --data FILE.csv --method M [columns] --format json|table}: the statistics engine that the
 * trial reports use, on any data set a statistician brings. docs/analysis.md documents the JSON's keys.
 */
@Command(name = "analyse", aliases = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse a CSV data set: km, logrank, cox, ttest, mannwhitney, ancova, mmrm, ordinal,"
                + " proportions, crossover, negbin, meta.")
final class AnalyseCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "A CSV table with a header row.")
    Path data;

    @Option(names = "--method", required = true, paramLabel = "METHOD",
            description = "km, logrank, cox, ttest, mannwhitney, ancova, mmrm, ordinal, proportions, crossover, negbin or"
                    + " meta.")
    String method;

    @Option(names = "--time", description = "Time to the event or to censoring (survival).") String time;
    @Option(names = "--event", description = "1 for an event, 0 for censored (survival).") String event;
    @Option(names = "--group", description = "The arm; for a crossover, each row's treatment (optional).")
    String group;
    @Option(names = "--reference", description = "The group's reference level (default: first in sorted order).")
    String reference;
    @Option(names = "--outcome", description = "The outcome (a count for negbin, a class for ordinal, 0/1 for"
            + " proportions).") String outcome;
    @Option(names = "--baseline", description = "The outcome at baseline (ancova; a covariate for mmrm and negbin).")
    String baseline;
    @Option(names = "--covariate", description = "A further covariate; repeat for more.")
    List<String> covariates = new ArrayList<>();
    @Option(names = "--subject", description = "The subject (crossover, mmrm).") String subject;
    @Option(names = "--period", description = "The period, two values (crossover).") String period;
    @Option(names = "--sequence", description = "The sequence, two values (crossover).") String sequence;
    @Option(names = "--visit", description = "The visit, one row per subject and visit (mmrm).") String visit;
    @Option(names = "--levels", split = ",", description = "The outcome's classes in order, e.g. I,II,III,IV (ordinal).")
    List<String> levels = new ArrayList<>();
    @Option(names = "--offset", description = "The exposure, such as the number of scans; its log is the offset.")
    String offset;
    @Option(names = "--estimate", description = "Each trial's estimate (meta).") String estimate;
    @Option(names = "--se", description = "Each trial's standard error (meta).") String se;
    @Option(names = "--study", description = "Each trial's name (meta).") String study;
    @Option(names = "--ties", description = "efron (default) or breslow (cox).") String ties;
    @Option(names = "--format", defaultValue = "table", description = "json or table (default).") String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!format.equals("json") && !format.equals("table")) {
                throw new DataException("--format is json or table, not '" + format + "'");
            }
            Method m = Method.of(method);
            Ties t = ties == null ? null : switch (ties.toLowerCase(Locale.ROOT)) {
                case "efron" -> Ties.EFRON;
                case "breslow" -> Ties.BRESLOW;
                default -> throw new DataException("--ties is efron or breslow, not '" + ties + "'");
            };
            DataSet set;
            try (Reader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
                set = DataSet.readCsv(in, data.toString());
            }
            Columns columns = Columns.none().withTime(time, event).withGroup(group, reference)
                    .withOutcome(outcome, baseline, covariates).withCrossover(subject, period, sequence).withVisit(visit).withLevels(levels)
                    .withOffset(offset).withPooling(estimate, se, study);
            Analysis a = DataAnalysis.run(set, m, columns, t);
            out.print(format.equals("json") ? json(a) : AnalysisTable.render(a));
            out.flush();
            return 0;
        } catch (DataException e) {
            err.println("stroma: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("stroma: " + e.getFile() + ": no such file");
            return 2;
        }
    }

    static String json(Analysis a) throws JsonProcessingException {
        return JSON.writeValueAsString(a) + System.lineSeparator();
    }
}
