package org.stroma.simulation;

import java.nio.file.Files;
import java.nio.file.Path;
import org.stroma.report.ReportFolder;
import org.stroma.store.Database;

/**
 * One seed's simulation and reports, written under a folder: run in a JVM of its own (another language, another time
 * zone, its own hash seeds) by {@link SimulationSweepTest}, to show that the same seed gives the same bytes.
 * Arguments: the record's file, the seed, the patients, the folder.
 */
public final class SeedReports {
    private SeedReports() {
    }

    public static void main(String[] args) throws Exception {
        Path record = Path.of(args[0]);
        try (Database db = Database.temporary()) {
            SimulationResult r = TrialSimulation.run(db, record.getFileName().toString(), Files.readAllBytes(record),
                    SimulationSettings.of(Long.parseLong(args[1]), Integer.parseInt(args[2])), line -> { });
            ReportFolder.write(r.locked(), Path.of(args[3]), "sweep");
        }
    }
}
