package org.stroma.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.stroma.protocol.registry.RegistryImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stroma bench import DIR}: how many registry records per second Stroma imports (format detection, reading,
 * free-text interpretation, provenance), measured side by side with the floor — a plain Jackson tree parse of the same
 * bytes (ObjectMapper for JSON, XmlMapper for XML). Page layouts have no Jackson floor and are left out.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Records per second for Stroma's import against a plain Jackson tree parse of the same files.")
final class ImportBenchmark implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", defaultValue = "../shared/ctgov",
            description = "Folder of registry records (searched recursively for .json and .xml; default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up rounds, not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "10", description = "Measured rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XmlMapper XML = new XmlMapper();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("stroma: " + dir + ": not a folder of registry records");
            return 2;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".xml")).sorted().toList();
        }
        List<byte[]> files = new ArrayList<>();
        long bytes = 0;
        for (Path p : paths) {
            byte[] content = Files.readAllBytes(p);
            files.add(content);
            bytes += content.length;
        }
        RegistryImporter importer = new RegistryImporter();
        int records = 0;
        for (byte[] f : files) {
            records += importer.read(f).size();
        }
        out.printf("stroma bench import: %d files, %d records, %.1f MB from %s%n", files.size(), records,
                bytes / 1e6, dir);
        out.printf("Java %s on %d processors; %d warm-up and %d measured rounds, run alternately%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), warmup, rounds);
        for (int i = 0; i < warmup; i++) {
            stroma(importer, files);
            jackson(files);
        }
        double[] stromaSeconds = new double[rounds];
        double[] jacksonSeconds = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            stromaSeconds[i] = stroma(importer, files);
            jacksonSeconds[i] = jackson(files);
        }
        double stroma = Rounds.median(stromaSeconds);
        double jackson = Rounds.median(jacksonSeconds);
        out.printf("%-34s %12s %14s %12s%n", "", "median ms", "records/s", "MB/s");
        out.printf("%-34s %12.1f %14.0f %12.1f%n", "Stroma import (detect+read+interpret)", stroma * 1e3,
                records / stroma, bytes / 1e6 / stroma);
        out.printf("%-34s %12.1f %14.0f %12.1f%n", "Jackson readTree (floor)", jackson * 1e3, records / jackson,
                bytes / 1e6 / jackson);
        out.printf("Stroma takes %.1f× the time of the floor (min–max of rounds: Stroma %.1f–%.1f ms, Jackson %.1f–%.1f ms)%n",
                stroma / jackson, Rounds.min(stromaSeconds) * 1e3, Rounds.max(stromaSeconds) * 1e3,
                Rounds.min(jacksonSeconds) * 1e3, Rounds.max(jacksonSeconds) * 1e3);
        out.flush();
        return 0;
    }

    private static double stroma(RegistryImporter importer, List<byte[]> files) {
        long start = System.nanoTime();
        int n = 0;
        for (byte[] f : files) {
            n += importer.read(f).size();
        }
        return seconds(start, n);
    }

    private static double jackson(List<byte[]> files) throws IOException {
        long start = System.nanoTime();
        int n = 0;
        for (byte[] f : files) {
            n += (f[firstNonSpace(f)] == '<' ? XML.readTree(f) : JSON.readTree(f)).size();
        }
        return seconds(start, n);
    }

    /** The elapsed time; {@code sink} keeps the work from being optimised away. */
    private static double seconds(long start, int sink) {
        double s = (System.nanoTime() - start) / 1e9;
        return sink == Integer.MIN_VALUE ? s + 1 : s;
    }

    private static int firstNonSpace(byte[] f) {
        int i = 0;
        while (i < f.length - 1 && Character.isWhitespace(f[i])) {
            i++;
        }
        return i;
    }
}
