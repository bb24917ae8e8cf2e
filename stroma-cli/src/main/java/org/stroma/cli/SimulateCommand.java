package org.stroma.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.server.app.RequestException;
import org.stroma.simulation.SimulationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma simulate --trial FILE [--seed N] [--patients N] [--out DIR]}: a trial run on made-up patients through
 * Stroma's services and an embedded database of its own, from screening to the locked data, then its reports (blinded
 * and unblinded) and the locked tables as CSV.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a trial end to end on made-up patients and write its reports and locked data.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--trial", required = true, paramLabel = "FILE", description = "The trial's registry record.")
    Path trial;

    @Option(names = "--seed", paramLabel = "N", description = "The seed that makes the run repeatable (default 1).")
    long seed = 1;

    @Option(names = "--patients", paramLabel = "N",
            description = "Patients screened (default: the record's enrolment, at most 200; 24 when it gives none).")
    Integer patients;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (default: ./simulations).")
    Path out = Path.of("simulations");

    @Spec
    CommandSpec spec;

    /** The trial's planned (or actual) enrolment, as the simulated population's size; capped to keep a run short. */
    private static int enrolment(byte[] record) {
        Protocol p = new RegistryImporter().read(record).get(0).protocol();
        Integer count = p.design() == null || p.design().enrollment() == null ? null : p.design().enrollment().count();
        return count == null || count < 1 ? 24 : Math.min(200, count);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (patients != null && patients < 1) {
            err.println("stroma: --patients must be at least 1");
            return 2;
        }
        byte[] record;
        try {
            record = Files.readAllBytes(trial);
        } catch (NoSuchFileException e) {
            err.println("stroma: " + trial + ": no such file");
            return 2;
        }
        int patients;
        try {
            patients = this.patients != null ? this.patients : enrolment(record);
        } catch (RecordFormatException e) {
            err.println("stroma: " + trial + ": " + e.getMessage());
            return 2;
        }
        out.println("Simulating " + trial.getFileName() + " with " + patients + " patients, seed " + seed);
        Simulations.Run run;
        try {
            run = Simulations.run(trial.getFileName().toString(), record, seed, patients, this.out, out);
        } catch (SimulationException | RequestException e) {
            err.println("stroma: " + trial + ": " + e.getMessage());
            return 2;
        }
        out.println("Reports: " + run.reports().unblinded() + "\n         " + run.reports().blinded()
                + "\n         (each with its PDF and its locked data as CSV beside it; the blinded data has no arms)");
        out.flush();
        return 0;
    }
}
