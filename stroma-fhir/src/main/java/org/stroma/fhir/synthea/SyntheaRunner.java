package org.stroma.fhir.synthea;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Synthea to generate FHIR R4 patients, in a JVM of its own (Synthea is built on an older HAPI FHIR than
 * Stroma). A population is generated once into {@code cache}/its key and reused while its settings stay the same;
 * Synthea is deterministic for a given seed, reference and end date.
 */
public final class SyntheaRunner {
    private static final long TIME_LIMIT_MINUTES = 30;

    private final Path classPath;
    private final Path cache;

    /**
     * @param classPath the folder of Synthea's jars (the stroma-synthea module's target/lib)
     * @param cache     where populations are written
     */
    public SyntheaRunner(Path classPath, Path cache) {
        this.classPath = classPath;
        this.cache = cache;
    }

    /** The folder of the population's FHIR bundles, one per patient; generated when not already there. */
    public Path generate(SyntheticPopulation population) throws IOException, InterruptedException {
        Path home = cache.resolve(population.key());
        Path fhir = home.resolve("fhir");
        Path done = home.resolve("complete");
        if (Files.exists(done)) {
            return fhir;
        }
        if (!Files.isRegularFile(classPath.resolve("synthea-3.3.0.jar"))) {
            throw new IllegalStateException("Synthea's class path is not at " + classPath + "; build the stroma-synthea"
                    + " module first (./mvnw -pl stroma-synthea package)");
        }
        Files.createDirectories(home);
        Path keep = home.resolve(population.keepModule() + ".json");
        try (InputStream in = SyntheaRunner.class.getResourceAsStream(population.keepModule() + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no Synthea keep module '" + population.keepModule() + "'");
            }
            Files.copy(in, keep, StandardCopyOption.REPLACE_EXISTING);
        }
        String date = population.endDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath.toAbsolutePath() + "/*", "App",
                "-s", Long.toString(population.seed()), "-cs", Long.toString(population.seed()),
                "-r", date, "-e", date,
                "-p", Integer.toString(population.size()),
                "-a", population.minAge() + "-" + population.maxAge(),
                "-k", keep.toAbsolutePath().toString(),
                "-m", population.modules(),
                "--exporter.baseDirectory=" + home.toAbsolutePath(),
                "--exporter.fhir.export=true", "--exporter.hospital.fhir.export=false",
                "--exporter.practitioner.fhir.export=false", "--exporter.csv.export=false",
                "--generate.only_alive_patients=true",
                population.state()));
        Path log = home.resolve("synthea.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIME_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("Synthea did not finish within " + TIME_LIMIT_MINUTES + " minutes; see " + log);
        }
        if (process.exitValue() != 0 || !Files.isDirectory(fhir)) {
            throw new IOException("Synthea failed (exit " + process.exitValue() + "): " + tail(log));
        }
        Files.writeString(done, String.join(" ", command) + "\n");
        return fhir;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }
}
