package org.stroma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.stroma.report.LockedTrialCsv;
import org.stroma.report.PooledReport;
import org.stroma.report.ReportPdf;
import org.stroma.report.TrialReport;
import org.stroma.simulation.SimulationResult;
import org.stroma.simulation.SimulationSettings;
import org.stroma.simulation.TrialSimulation;
import org.stroma.store.Database;
import org.stroma.trial.lock.LockedTrial;

/** Runs a simulated trial on a fresh embedded database and writes its reports and locked data under a folder. */
final class Simulations {
    private Simulations() {
    }

    /** The simulation, its locked data, and where its reports went (each HTML page has its PDF beside it). */
    record Run(SimulationResult result, Path unblinded, Path blinded, Path data) {
    }

    static Run run(String name, byte[] record, long seed, int patients, Path out, PrintWriter progress)
            throws SQLException, IOException {
        SimulationResult r;
        try (Database db = Database.temporary()) {
            r = TrialSimulation.run(db, name, record, SimulationSettings.of(seed, patients), line -> {
                progress.println("  " + line);
                progress.flush();
            });
        }
        Path dir = out.resolve(r.study());
        Files.createDirectories(dir);
        String subtitle = "Simulated data: " + patients + " made-up patients, seed " + seed + ", run through Stroma's"
                + " services and store.";
        Path unblinded = dir.resolve("report-unblinded.html");
        Path blinded = dir.resolve("report-blinded.html");
        String open = TrialReport.html(r.locked(), false, subtitle);
        String masked = TrialReport.html(r.locked(), true, subtitle);
        Files.writeString(unblinded, open, StandardCharsets.UTF_8);
        Files.writeString(blinded, masked, StandardCharsets.UTF_8);
        ReportPdf.write(open, dir.resolve("report-unblinded.pdf"));
        ReportPdf.write(masked, dir.resolve("report-blinded.pdf"));
        Path data = dir.resolve("data");
        LockedTrialCsv.write(r.locked(), data);
        return new Run(r, unblinded, blinded, data);
    }

    /** A pooled report over sister trials, written under the folder. */
    static Path pooled(String file, String title, List<LockedTrial> trials, String item, String effect, Path out)
            throws IOException {
        Files.createDirectories(out);
        Path path = out.resolve(file);
        Files.writeString(path, PooledReport.html(title, trials, item, effect, "Simulated trials."),
                StandardCharsets.UTF_8);
        return path;
    }
}
