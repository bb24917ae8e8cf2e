package org.stroma.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.stroma.protocol.Protocol;
import org.stroma.search.RegistryIndex;
import org.stroma.search.RegistryQuery;
import org.stroma.search.RegistryRecords;
import org.stroma.server.demo.ReferenceTrials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma bench registry}: the registry index at 10^4, 10^5 and 10^6 records — real records (a folder of them,
 * and the five reference trials) each copied under new NCT ids until the size is reached — its time to build, its size
 * on disk, and the latency of a fielded search, a free-text search and a related-trials query (200 of each, after 50
 * of warm-up, on one thread).
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Registry index size and query latency at 10^4 to 10^6 records.")
final class RegistryBenchmark implements Callable<Integer> {
    @Option(names = "--records", split = ",", defaultValue = "fixtures/registry,fixtures/ctgov",
            description = "Folders of real registry records to copy (default ${DEFAULT-VALUE}).")
    List<Path> records;

    @Option(names = "--sizes", split = ",", defaultValue = "10000,100000,1000000",
            description = "Index sizes (default ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--queries", defaultValue = "200", description = "Queries of each kind (default ${DEFAULT-VALUE}).")
    int queries;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Protocol> originals = new ArrayList<>();
        RegistryRecords.read(records.stream().filter(Files::isDirectory).toList(), originals::add);
        for (ReferenceTrials.Trial t : ReferenceTrials.all()) {
            RegistryRecords.read(t.name(), t.content(), originals::add);
        }
        out.printf("stroma bench registry: %d real records copied under new ids to each size; %d queries of each"
                + " kind after 50 of warm-up, one thread; Java %s on %d processors%n", originals.size(), queries,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        out.printf("%10s %10s %10s %12s   %-26s %-26s %-26s%n", "records", "build s", "records/s", "index MB",
                "fielded ms p50/p95/p99", "free text ms p50/p95/p99", "related ms p50/p95/p99");
        for (int size : sizes) {
            Path folder = Files.createTempDirectory("stroma-registry-bench");
            try (RegistryIndex index = RegistryIndex.open(folder)) {
                long start = System.nanoTime();
                for (int o = 0; o < originals.size(); o++) {
                    List<String> ids = new ArrayList<>();
                    for (int i = o; i < size; i += originals.size()) {
                        ids.add(String.format("NCT9%07d", i));
                    }
                    index.addCopies(originals.get(o), ids);
                }
                index.commit();
                double build = (System.nanoTime() - start) / 1e9;
                long bytes;
                try (Stream<Path> files = Files.walk(folder)) {
                    bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                }
                Random random = new Random(7);
                double[] fielded = time(() -> index.search(new RegistryQuery(null, "heart failure", null, "Phase 2",
                        null, null, null, "mesenchymal"), 20));
                double[] text = time(() -> index.search(RegistryQuery.text("mesenchymal cardiomyopathy"), 20));
                double[] related = time(() -> index.related(String.format("NCT9%07d", random.nextInt(size)), 10));
                out.printf("%10d %10.1f %10.0f %12.1f   %-26s %-26s %-26s%n", size, build, size / build, bytes / 1e6,
                        percentiles(fielded), percentiles(text), percentiles(related));
                out.flush();
            } finally {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        return 0;
    }

    private interface Query {
        Object run() throws Exception;
    }

    private double[] time(Query query) throws Exception {
        for (int i = 0; i < 50; i++) {
            query.run();
        }
        double[] ms = new double[queries];
        for (int i = 0; i < queries; i++) {
            long start = System.nanoTime();
            query.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static String percentiles(double[] sorted) {
        return String.format("%.2f / %.2f / %.2f", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
