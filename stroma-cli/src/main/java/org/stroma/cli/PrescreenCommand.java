package org.stroma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.stroma.prescreen.LocalPrescreen;
import org.stroma.prescreen.Prescreen;
import org.stroma.prescreen.PrescreenRow;
import org.stroma.prescreen.SparkPrescreen;
import org.stroma.prescreen.TrialFile;
import org.stroma.prescreen.UnreadableTableException;
import org.stroma.prescreen.VerdictFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma prescreen --trial FILE… --patients DIR|FILE --engine local|spark [--master URL]}: a population in a
 * FHIR Bulk Data export or a Parquet table of facts ({@code docs/prescreen.md}) screened against trials, one row per patient × trial (verdict, failing and unknown criteria)
 * written as {@code verdicts.csv} and {@code verdicts.parquet} under {@code --out}; a count of verdicts per trial is
 * printed. The in-process engine and Spark give the same rows. A trial that cannot be read stops the command (exit 2)
 * before any patient is read; a patient whose record cannot be read is NOT_SCREENED, with the problem in its row.
 */
@Command(name = "prescreen", mixinStandardHelpOptions = true,
        description = "Prescreen a population (a FHIR bulk export or a Parquet table of facts) against trials, in"
                + " process or on Apache Spark.")
final class PrescreenCommand implements Callable<Integer> {
    enum Engine { local, spark }

    @Option(names = "--trial", paramLabel = "FILE", required = true,
            description = "A registry record or Stroma protocol JSON; repeat the option for several trials.")
    List<Path> trials;

    @Option(names = "--patients", paramLabel = "DIR|FILE", required = true,
            description = "A FHIR Bulk Data export (a folder of .ndjson files, one per resource type, or one file), or"
                    + " a Parquet table of facts (a .parquet file or a folder of them; its columns in docs/prescreen.md).")
    Path patients;

    @Option(names = "--engine", defaultValue = "local",
            description = "local (in this process, one thread) or spark (default ${DEFAULT-VALUE}).")
    Engine engine;

    @Option(names = "--master", defaultValue = "local[*]",
            description = "Spark's master URL with --engine spark: local[N], spark://host:7077, … (default"
                    + " ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The screening date (default: today).")
    LocalDate date;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "prescreen",
            description = "Where verdicts.csv and verdicts.parquet are written (default ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Prescreen prescreen;
        try {
            List<TrialFile> files = new ArrayList<>();
            for (Path trial : trials) {
                files.add(TrialFile.read(trial));
            }
            prescreen = new Prescreen(files, date != null ? date : LocalDate.now());
        } catch (NoSuchFileException e) {
            err.println("stroma: " + e.getFile() + ": no such file");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("stroma: " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        Map<String, Map<String, Long>> tally;
        try {
            tally = engine == Engine.local ? local(prescreen) : spark(prescreen);
        } catch (NoSuchFileException e) {
            err.println("stroma: " + e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "no such file"));
            return 2;
        } catch (UnreadableTableException e) {
            err.println("stroma: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("stroma: prescreening stopped, nothing more is written under " + out + ": " + e);
            return 2;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("stroma prescreen (%s engine) in %.1f s: %s and %s under %s%n", engine, seconds, VerdictFiles.CSV,
                VerdictFiles.PARQUET, out());
        tally.forEach((trial, verdicts) -> out.printf("  %-12s %s%n", trial.isEmpty() ? "(no trial)" : trial,
                verdicts));
        boolean unread = tally.values().stream().anyMatch(v -> v.containsKey(PrescreenRow.NOT_SCREENED));
        if (unread) {
            err.println("stroma: some patients were not screened: their rows say why (column problem)");
        }
        return unread ? 2 : 0;
    }

    private String out() {
        return out.toString();
    }

    private Map<String, Map<String, Long>> local(Prescreen prescreen) throws IOException {
        List<PrescreenRow> rows = LocalPrescreen.run(prescreen, patients);
        VerdictFiles.write(rows, out);
        Map<String, Map<String, Long>> tally = new TreeMap<>();
        rows.forEach(r -> tally.computeIfAbsent(r.trial(), t -> new TreeMap<>()).merge(r.verdict(), 1L, Long::sum));
        return tally;
    }

    private Map<String, Map<String, Long>> spark(Prescreen prescreen) throws IOException {
        try (SparkSession spark = SparkSession.builder().master(master).appName("stroma prescreen")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            VerdictFiles.write(SparkPrescreen.table(spark, SparkPrescreen.run(spark, prescreen, patients)), out);
            Map<String, Map<String, Long>> tally = new TreeMap<>();
            Dataset<Row> written = spark.read().parquet(out.resolve(VerdictFiles.PARQUET).toUri().toString());
            for (Row r : written.groupBy("trial", "verdict").count().collectAsList()) {
                tally.computeIfAbsent(r.getString(0), t -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
            }
            return tally;
        }
    }
}
