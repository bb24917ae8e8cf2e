package org.stroma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.store.LockObtainFailedException;
import org.stroma.search.RegistryIndex;
import org.stroma.search.RegistryQuery;
import org.stroma.search.RegistryRecords;
import org.stroma.search.TrialHit;
import org.stroma.server.demo.ReferenceTrials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stroma registry}: the whole registry searchable. {@code index} adds registry records (files, folders, the
 * registry's bulk download {@code ctg-studies.json}) to the index in the home folder, which the server's study pages
 * read for related trials; {@code search} and {@code related} query it.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Index registry records, search them, and find the trials related to one.",
        subcommands = {RegistryCommand.Index.class, RegistryCommand.Search.class, RegistryCommand.Related.class})
final class RegistryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the index is: --index, else the home folder's registry/. */
    static final class Where {
        @Mixin
        DatabaseOptions database;

        @Option(names = "--index", paramLabel = "DIR",
                description = "The index's folder (default: registry/ in Stroma's home).")
        Path index;

        Path folder() {
            return index != null ? index : database.home().resolve("registry");
        }
    }

    /** The index in the home folder, built from the reference trials and a folder of records when it has none yet. */
    static void ensure(Path folder, List<Path> records, PrintWriter out) throws IOException {
        try (RegistryIndex index = RegistryIndex.reading(folder)) {
            if (index.exists()) {
                return;
            }
        }
        try (RegistryIndex index = RegistryIndex.open(folder)) {
            for (ReferenceTrials.Trial t : ReferenceTrials.all()) {
                RegistryRecords.read(t.name(), t.content(), index::add);
            }
            RegistryRecords.read(records.stream().filter(Files::isDirectory).toList(), index::add);
            index.commit();
            out.println("Registry index: " + index.size() + " records in " + folder
                    + " (stroma registry index adds more)");
        }
    }

    @Command(name = "index", mixinStandardHelpOptions = true,
            description = "Add registry records to the index (a record already there is replaced).")
    static final class Index implements Callable<Integer> {
        @Mixin
        Where where;

        @Parameters(paramLabel = "PATH", arity = "1..*",
                description = "Record files, folders of them, or the registry's bulk download (ctg-studies.json).")
        List<Path> paths;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (Path p : paths) {
                if (!Files.exists(p)) {
                    err.println("stroma: " + p + ": no such file or folder");
                    return 2;
                }
            }
            long start = System.nanoTime();
            try (RegistryIndex index = RegistryIndex.open(where.folder())) {
                RegistryRecords.Tally tally = RegistryRecords.read(paths, index::add);
                index.commit();
                out.printf("%d records indexed in %.1f s; the index holds %d, in %s%n", tally.read(),
                        (System.nanoTime() - start) / 1e9, index.size(), where.folder());
                tally.unread().forEach(u -> err.println("stroma: " + u.where() + ": " + u.problem()
                        + " (passed over)"));
                return tally.unread().isEmpty() ? 0 : 2;
            } catch (LockObtainFailedException e) {
                err.println("stroma: " + where.folder() + ": another stroma registry index is writing this index");
                return 2;
            }
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Search the index by fields and free text.")
    static final class Search implements Callable<Integer> {
        @Mixin
        Where where;

        @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Free text (Lucene's query syntax).")
        List<String> text = new ArrayList<>();

        @Option(names = "--condition") String condition;
        @Option(names = "--intervention") String intervention;
        @Option(names = "--phase", description = "Phase 1, PHASE2, 3, Early Phase 1, …") String phase;
        @Option(names = "--status", description = "Recruiting, completed, not yet recruiting, …") String status;
        @Option(names = "--country") String country;
        @Option(names = "--design", description = "randomized, crossover, double, treatment, …") String design;
        @Option(names = "--cell-product", description = "mesenchymal, bone marrow, autologous, … or any")
        String cellProduct;
        @Option(names = "--limit", defaultValue = "20") int limit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            RegistryQuery q = new RegistryQuery(String.join(" ", text), condition, intervention, phase, status,
                    country, design, cellProduct);
            try (RegistryIndex index = RegistryIndex.reading(where.folder())) {
                if (!index.exists()) {
                    spec.commandLine().getErr().println("stroma: " + where.folder()
                            + ": no registry index here (stroma registry index builds one)");
                    return 2;
                }
                print(spec.commandLine().getOut(), index.search(q, limit));
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("stroma: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "related", mixinStandardHelpOptions = true, description = "The trials most like one in the index.")
    static final class Related implements Callable<Integer> {
        @Mixin
        Where where;

        @Parameters(paramLabel = "NCT_ID") String nctId;
        @Option(names = "--limit", defaultValue = "10") int limit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (RegistryIndex index = RegistryIndex.reading(where.folder())) {
                if (!index.exists() || !index.contains(nctId)) {
                    spec.commandLine().getErr().println("stroma: " + nctId + " is not in the registry index at "
                            + where.folder());
                    return 2;
                }
                print(spec.commandLine().getOut(), index.related(nctId, limit));
                return 0;
            }
        }
    }

    static void print(PrintWriter out, List<TrialHit> hits) {
        for (TrialHit h : hits) {
            out.printf("%-12s %6.1f  %s%n             %s | %s | %s%s%n", h.nctId(), h.score(), h.title(),
                    String.join("; ", h.conditions()), String.join(", ", h.phases()), h.status(),
                    h.cellProducts().isEmpty() ? "" : " | " + String.join("; ", h.cellProducts()));
        }
        out.println(hits.size() + " trial(s)");
        out.flush();
    }
}
