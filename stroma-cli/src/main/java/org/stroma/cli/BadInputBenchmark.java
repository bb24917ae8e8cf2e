package org.stroma.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.stroma.cli.badinput.BadInputReaders;
import org.stroma.cli.badinput.BadInputRun;
import org.stroma.cli.badinput.FhirMutator;
import org.stroma.cli.badinput.MutationClass;
import org.stroma.cli.badinput.Outcome;
import org.stroma.cli.badinput.RegistryMutator;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma bench bad-input}: damaged registry records and FHIR patient files at volume, each read as {@code
 * import} and {@code screen} read them; prints, by class of damage, how many were accepted, refused with a clear error,
 * or failed (an internal error, a stack overflow, running out of memory), the time per input and the peak heap. Exits
 * 1 when any input failed, and lists them.
 */
@Command(name = "bad-input", mixinStandardHelpOptions = true,
        description = "Damaged registry records and FHIR files at volume: refusals, failures, time per input.")
final class BadInputBenchmark implements Callable<Integer> {
    @Option(names = "--registry", defaultValue = "5500", description = "Damaged registry records (default ${DEFAULT-VALUE}).")
    int registryInputs;

    @Option(names = "--fhir", defaultValue = "2200", description = "Damaged FHIR files (default ${DEFAULT-VALUE}).")
    int fhirInputs;

    @Option(names = "--from", defaultValue = "0",
            description = "Number of the first mutant, to make one again: --from 25 --registry 1 --fhir 0 (default ${DEFAULT-VALUE}).")
    int from;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the damage (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--records", paramLabel = "DIR", split = ",",
            defaultValue = "fixtures/seeds,fixtures/ctgov,../shared/ctgov",
            description = "Folders of good registry records to damage (.json, .xml, pages as .txt; default ${DEFAULT-VALUE}).")
    List<Path> records;

    @Option(names = "--bundles", paramLabel = "DIR",
            description = "A folder of good FHIR bundles to damage besides the demo's cardiac candidate.")
    Path bundles;

    @Option(names = "--trace", description = "Print each input's outcome and time as it is read, to standard error.")
    boolean trace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, byte[]> good = RegistryMutator.withProtocolJson(RegistryMutator.recordsUnder(records));
        if (good.isEmpty()) {
            spec.commandLine().getErr().println("stroma: no registry records under " + records);
            return 2;
        }
        ConceptDictionary dictionary = ConceptDictionary.standard();
        RegistryMutator registry = new RegistryMutator(good, seed);
        FhirMutator fhir = new FhirMutator(bundles(), seed);
        out.printf("stroma bench bad-input: seed %d; %d registry records and %d FHIR files to damage%n", seed,
                registry.originals(), fhir.originals());
        out.printf("Java %s on %d processors, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1 << 20));
        BadInputRun.Figures r = BadInputReaders.registry(dictionary).runAll(i -> registry.mutant(from + i), registryInputs,
                this::traced);
        print(out, "registry records (import, free text, criteria compiled)", r);
        BadInputRun.Figures f = BadInputReaders.fhir(dictionary, trial(good, dictionary)).runAll(i -> fhir.mutant(from + i),
                fhirInputs, this::traced);
        print(out, "FHIR patient files (read, screened)", f);
        out.flush();
        return r.failures().isEmpty() && f.failures().isEmpty() ? 0 : 1;
    }

    private static void print(PrintWriter out, String what, BadInputRun.Figures figures) {
        if (figures.inputs() == 0) {
            return;
        }
        out.printf("%n%d %s%n", figures.inputs(), what);
        out.printf("%-16s %7s %9s %8s %9s %9s %14s %8s%n", "class", "inputs", "accepted", "refused", "unclear",
                "internal", "stack overflow", "no memory");
        for (MutationClass kind : MutationClass.values()) {
            int inputs = 0;
            for (Outcome o : Outcome.values()) {
                inputs += figures.count(kind, o);
            }
            out.printf("%-16s %7d %9d %8d %9d %9d %14d %8d%n", kind, inputs, figures.count(kind, Outcome.ACCEPTED),
                    figures.count(kind, Outcome.REFUSED), figures.count(kind, Outcome.UNCLEAR_REFUSAL),
                    figures.count(kind, Outcome.INTERNAL_ERROR), figures.count(kind, Outcome.STACK_OVERFLOW),
                    figures.count(kind, Outcome.OUT_OF_MEMORY));
        }
        out.printf("%-16s %7d %9d %8d %9d %9d %14d %8d%n", "all", figures.inputs(), figures.count(Outcome.ACCEPTED),
                figures.count(Outcome.REFUSED), figures.count(Outcome.UNCLEAR_REFUSAL),
                figures.count(Outcome.INTERNAL_ERROR), figures.count(Outcome.STACK_OVERFLOW),
                figures.count(Outcome.OUT_OF_MEMORY));
        out.printf("time per input: median %.1f ms, p99 %.1f ms, max %.1f ms (%s); %.1f s in all; peak heap %d MB%n",
                figures.percentileNanos(0.5) / 1e6, figures.percentileNanos(0.99) / 1e6, figures.slowest().nanos() / 1e6,
                figures.slowest().mutant().label(), figures.totalNanos() / 1e9, figures.peakHeapBytes() / (1 << 20));
        for (BadInputRun.Trial t : figures.failures()) {
            out.println("FAILED " + t.outcome() + " " + t.mutant().label() + ": " + shorten(t.message()));
        }
    }

    private void traced(BadInputRun.Trial t) {
        if (trace) {
            spec.commandLine().getErr().printf("%8.1f ms %-15s %s%s%n", t.nanos() / 1e6, t.outcome(), t.mutant().label(),
                    t.message() == null ? "" : ": " + shorten(t.message()));
            spec.commandLine().getErr().flush();
        }
    }

    private static String shorten(String message) {
        String m = String.valueOf(message).replaceAll("\\s+", " ");
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private Map<String, byte[]> bundles() throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/patients/cardiac-candidate.json")) {
            if (in == null) {
                throw new IllegalStateException("the demo's FHIR bundle is missing from the class path");
            }
            all.put("cardiac-candidate.json", in.readAllBytes());
        }
        if (bundles != null) {
            try (Stream<Path> walk = Files.walk(bundles)) {
                for (Path p : walk.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                    all.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return all;
    }

    /** The trial patients are screened against: MESAMI2 when it is among the records, else the first that compiles. */
    private static CompiledEligibility trial(Map<String, byte[]> good, ConceptDictionary dictionary) {
        List<String> names = new ArrayList<>(good.keySet());
        names.sort((a, b) -> Boolean.compare(!a.contains("000_b4a57771c457638a"), !b.contains("000_b4a57771c457638a")));
        for (String name : names) {
            try {
                return CompiledTrials.read(name, good.get(name), dictionary).get(0).eligibility();
            } catch (BadInput e) {
                // try the next record
            }
        }
        throw new IllegalStateException("none of the registry records compiles");
    }
}
