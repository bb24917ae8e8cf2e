package org.stroma.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.stroma.export.Export;
import org.stroma.export.ExportFormat;
import org.stroma.export.ExportedFile;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.server.Stroma;
import org.stroma.server.app.RequestException;
import org.stroma.simulation.SimulationException;
import org.stroma.simulation.SimulationSettings;
import org.stroma.simulation.TrialSimulation;
import org.stroma.store.Database;
import org.stroma.store.study.StudyStore;
import org.stroma.store.study.StudySummary;
import org.stroma.trial.refusal.Refusal;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code stroma export --study NCT… --format F --out DIR [--blinded]}: a study's data in a standard, from Stroma's
 * database (the embedded one under STROMA_HOME, or --db-url); or, with {@code --trial FILE}, from a simulation of that
 * registry record run first on a database of its own. Whoever runs the database could read every arm in it, so the
 * export is unblinded unless {@code --blinded} asks for the data manager's view.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a study's data as ODM, SDTM, FHIR, USDM, the registry's results (ctgov-v2) or"
                + " de-identified participant data (ipd).")
final class ExportCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--study", paramLabel = "NCT…", description = "A study in the database.")
        String study;

        @Option(names = "--trial", paramLabel = "FILE",
                description = "A registry record, simulated on made-up patients to its lock, then exported.")
        Path trial;
    }

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "odm, sdtm, fhir, usdm, ctgov-v2 or ipd.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder the files go in.")
    Path out;

    @Option(names = "--blinded", description = "Withhold every subject's arm, as a blinded member of the team sees it.")
    boolean blinded;

    @Option(names = "--seed", paramLabel = "N", description = "With --trial: the simulation's seed (default 1).")
    long seed = 1;

    @Option(names = "--patients", paramLabel = "N", description = "With --trial: patients screened (default 24).")
    int patients = 24;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ExportFormat f = ExportFormat.of(format);
            Export export = source.study != null ? fromDatabase(f) : fromSimulation(f, out);
            export.writeTo(this.out);
            out.println((export.blinded() ? "Blinded" : "Unblinded") + " " + f.formatName() + " export of "
                    + export.study() + " in " + this.out + ":");
            for (ExportedFile file : export.files()) {
                out.println("  " + file.name() + " (" + file.content().length + " bytes)");
            }
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("stroma: " + e.getFile() + ": no such file");
        } catch (RecordFormatException e) {
            err.println("stroma: " + source.trial + ": " + e.getMessage());
        } catch (SimulationException e) {
            err.println("stroma: " + e.getMessage());
        } catch (RuntimeException e) {
            if (!(e instanceof Refusal)) {
                throw e;
            }
            err.println("stroma: " + e.getMessage());
        }
        return 2;
    }

    private Export fromDatabase(ExportFormat f) throws Exception {
        try (Database db = database.open()) {
            var studies = new StudyStore(db).studies();
            if (studies.stream().noneMatch(s -> s.id().equals(source.study) && s.publishedVersion() > 0)) {
                throw RequestException.notFound("no study " + source.study + " with a published protocol in "
                        + db.description() + (studies.isEmpty() ? " (it has none yet)" : "; its studies: "
                                + String.join(", ", studies.stream().map(StudySummary::id).toList())));
            }
            return Stroma.services(db, Clock.systemUTC()).exports().exportAsOperator(source.study, f,
                    blinded);
        }
    }

    private Export fromSimulation(ExportFormat f, PrintWriter progress) throws Exception {
        byte[] record = Files.readAllBytes(source.trial);
        try (Database db = Database.temporary()) {
            progress.println("Simulating " + source.trial.getFileName() + " with " + patients + " patients, seed "
                    + seed);
            TrialSimulation s = TrialSimulation.conduct(db, source.trial.getFileName().toString(), record,
                    SimulationSettings.of(seed, patients), line -> { }, TrialSimulation.Observer.NONE);
            s.lock();
            return s.services().exports().exportAsOperator(s.study(), f, blinded);
        }
    }
}
