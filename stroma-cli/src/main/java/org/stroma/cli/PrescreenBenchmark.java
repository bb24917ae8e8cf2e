package org.stroma.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.stroma.prescreen.LocalPrescreen;
import org.stroma.prescreen.Prescreen;
import org.stroma.prescreen.PrescreenPopulation;
import org.stroma.prescreen.PrescreenRow;
import org.stroma.prescreen.SparkPrescreen;
import org.stroma.prescreen.TrialFile;
import org.stroma.server.demo.ReferenceTrials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import scala.Tuple2;

/**
 * {@code stroma bench prescreen}: a bulk export of patients made up from the five reference trials' rules
 * ({@link PrescreenPopulation}) prescreened against those trials by the in-process engine and by Spark in local mode
 * on 1 and 2 cores — each run from the files to the rows: reading, routing, grouping by patient, reading each record,
 * screening. Rows are not written (that is the same for every engine); each engine's rows are reduced to a count per
 * trial and verdict and an order-free digest of every row, which must agree.
 */
@Command(name = "prescreen", mixinStandardHelpOptions = true,
        description = "Patients per second prescreened from a FHIR bulk export: in process, and on Spark by cores.")
final class PrescreenBenchmark implements Callable<Integer> {
    @Option(names = "--population", defaultValue = "100000", description = "Patients (default ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--base", defaultValue = "300",
            description = "Distinct patients made up before replication (default ${DEFAULT-VALUE}).")
    int base;

    @Option(names = "--cores", split = ",", defaultValue = "1,2",
            description = "Spark local mode's cores, one run each (default ${DEFAULT-VALUE}).")
    List<Integer> cores;

    @Option(names = "--date", defaultValue = "2026-01-01", description = "The screening date (default ${DEFAULT-VALUE}).")
    LocalDate date;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Where the bulk export is written and kept (default: a temporary folder, removed after).")
    Path export;

    @Spec
    CommandSpec spec;

    /** What an engine's rows come to: counts by trial and verdict, and a digest of the rows whatever their order. */
    record Summary(Map<String, Long> tally, long digest, long rows) {
        static Summary of(Iterable<PrescreenRow> rows) {
            Map<String, Long> tally = new TreeMap<>();
            long digest = 0;
            long n = 0;
            for (PrescreenRow r : rows) {
                tally.merge(r.trial() + " " + r.verdict(), 1L, Long::sum);
                digest += fingerprint(r);
                n++;
            }
            return new Summary(tally, digest, n);
        }
    }

    /** A 64-bit FNV-1a hash of the row's text: summed over rows, it does not depend on their order. */
    static long fingerprint(PrescreenRow r) {
        long h = 0xcbf29ce484222325L;
        for (byte b : String.join("\u001f", r.patient(), r.trial(), r.verdict(), r.failing(), r.unknown(),
                r.problem()).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<TrialFile> trials = new ArrayList<>();
        ReferenceTrials.all().forEach(t -> trials.add(new TrialFile(t.name(), t.content())));
        Prescreen prescreen = new Prescreen(trials, date);
        boolean temporary = export == null;
        Path folder = temporary ? Files.createTempDirectory("stroma-prescreen-bench") : export;
        try {
            long start = System.nanoTime();
            PrescreenPopulation.write(prescreen.eligibilities(), base, population, date, 42, folder);
            double writing = seconds(start);
            long bytes;
            try (Stream<Path> files = Files.list(folder)) {
                bytes = files.mapToLong(f -> f.toFile().length()).sum();
            }
            int trialCount = prescreen.eligibilities().size();
            out.printf("stroma bench prescreen: %d patients (%d made up from the trials' rules, replicated), %d"
                    + " trials, %d patient-trial evaluations; bulk export of %.0f MB written in %.1f s%n", population,
                    base, trialCount, (long) population * trialCount, bytes / 1e6, writing);
            out.printf("Java %s on %d processors, max heap %d MB; Spark %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    org.apache.spark.package$.MODULE$.SPARK_VERSION());
            out.printf("%-34s %9s %12s %16s %16s%n", "engine", "s", "patients/s", "evaluations/s",
                    "s per 10^6 pts");

            start = System.nanoTime();
            Summary local = Summary.of(LocalPrescreen.run(prescreen, folder));
            line(out, "in process (one thread)", seconds(start), trialCount);
            boolean agree = true;
            for (int c : cores) {
                try (SparkSession spark = SparkSession.builder().master("local[" + c + "]")
                        .appName("stroma bench prescreen").config("spark.ui.enabled", "false").getOrCreate()) {
                    start = System.nanoTime();
                    JavaRDD<PrescreenRow> rows = SparkPrescreen.run(spark, prescreen, folder);
                    Tuple2<Long, Long> digest = rows.map(r -> new Tuple2<>(fingerprint(r), 1L))
                            .reduce((a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2()));
                    double s = seconds(start);
                    Map<String, Long> tally = new TreeMap<>(rows.mapToPair(r -> new Tuple2<>(r.trial() + " "
                            + r.verdict(), 1L)).reduceByKey(Long::sum).collectAsMap());
                    line(out, "Spark local[" + c + "]", s, trialCount);
                    boolean same = digest._1() == local.digest() && digest._2() == local.rows()
                            && tally.equals(local.tally());
                    agree &= same;
                    if (!same) {
                        out.printf("  Spark local[%d] DISAGREES with the in-process engine: %s%n", c, tally);
                    }
                }
            }
            out.println("verdicts: " + local.tally());
            out.println(agree ? "every engine gave the same " + local.rows() + " rows (digest "
                    + Long.toHexString(local.digest()) + ")" : "the engines DISAGREE");
            out.flush();
            return agree ? 0 : 1;
        } finally {
            if (temporary) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private void line(PrintWriter out, String engine, double seconds, int trials) {
        out.printf("%-34s %9.1f %12.0f %16.0f %16.0f%n", engine, seconds, population / seconds,
                (double) population * trials / seconds, seconds / population * 1e6);
        out.flush();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
