package org.stroma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.stroma.export.ExportFormat;
import org.stroma.export.Exports;
import org.stroma.report.PooledReport;
import org.stroma.report.ReportFolder;
import org.stroma.simulation.SimulationResult;
import org.stroma.simulation.SimulationSettings;
import org.stroma.simulation.TrialSimulation;
import org.stroma.store.Database;
import org.stroma.trial.lock.LockedTrial;

/** Runs a simulated trial on a fresh embedded database and writes its reports and locked data under a folder. */
final class Simulations {
    private Simulations() {
    }

    /** The simulation, its locked data, and where its reports went (each HTML page has its PDF and data beside it). */
    record Run(SimulationResult result, ReportFolder reports) {
    }

    static Run run(String name, byte[] record, long seed, int patients, Path out, PrintWriter progress)
            throws SQLException, IOException {
        SimulationResult r;
        Path folder;
        try (Database db = Database.temporary()) {
            TrialSimulation s = TrialSimulation.conduct(db, name, record, SimulationSettings.of(seed, patients),
                    line -> {
                        progress.println("  " + line);
                        progress.flush();
                    }, TrialSimulation.Observer.NONE);
            r = s.lock();
            folder = out.resolve(r.study());
            writeExports(s, folder);
        }
        String subtitle = "Simulated data: " + patients + " made-up patients, seed " + seed + ", run through Stroma's"
                + " services and store.";
        // the plan the statistician signed and the lock froze: what the report shows first, primary endpoint first
        return new Run(r, ReportFolder.write(r.locked(), r.plan(), folder, subtitle));
    }

    /**
     * The locked trial in every standard Stroma exports, each beside the report of its side of the blind: the blinded
     * exports as the data manager makes them (none of a format that compares the arms), the unblinded ones as the
     * statistician does.
     */
    private static void writeExports(TrialSimulation s, Path folder) throws SQLException, IOException {
        for (ExportFormat format : Exports.available()) {
            if (!format.comparesArms()) {
                s.services().exports().export(s.person("datamanager"), s.study(), format, true).writeTo(folder
                        .resolve("blinded").resolve("exports").resolve(format.formatName()));
            }
            s.services().exports().export(s.person("statistician"), s.study(), format, false).writeTo(
                    ReportFolder.unblindedFolder(folder.resolve("unblinded")).resolve("exports").resolve(
                            format.formatName()));
        }
    }

    /**
     * A pooled report over sister trials, written in the folder's {@code pooled} folder: it compares the arms, so it
     * is unblinded, and kept apart from the trials' blinded folders.
     */
    static Path pooled(String file, String title, List<LockedTrial> trials, String item, String effect, Path out)
            throws IOException {
        Path path = ReportFolder.unblindedFolder(out.resolve("pooled")).resolve(file);
        Files.writeString(path, PooledReport.html(title, trials, item, effect, "Simulated trials."),
                StandardCharsets.UTF_8);
        return path;
    }
}
