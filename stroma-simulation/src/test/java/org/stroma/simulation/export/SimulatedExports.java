package org.stroma.simulation.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.stroma.export.Export;
import org.stroma.export.ExportException;
import org.stroma.export.ExportFormat;
import org.stroma.simulation.SimulationResult;
import org.stroma.simulation.SimulationSettings;
import org.stroma.simulation.TrialSimulation;
import org.stroma.store.Database;
import org.stroma.trial.lock.LockedTrial;

/**
 * Every reference trial simulated once (seed 1, a small population) and exported in every format available, blinded by
 * the data manager and unblinded by the statistician after the lock — through the service the API and the command
 * line use, from the trial as rebuilt from the database. Made once per test JVM and shared by the export tests; the
 * files are written under target/exports to be read.
 */
final class SimulatedExports {
    static final Path SEEDS = Path.of("..", "fixtures", "seeds");
    /** Small enough for the suite, large enough that every arm has subjects with data. */
    private static final int PATIENTS = 14;

    /**
     * One trial's exports, whether it is masked, and the words that name its subjects' arms (each arm's label as the
     * locked data gives it), which a blinded export must not tie to a subject; and why a blinded export was refused,
     * for the formats that compare the arms.
     */
    record Trial(String seed, String study, boolean masked, List<String> armWords, LockedTrial locked,
            Map<ExportFormat, Export> blinded, Map<ExportFormat, Export> unblinded,
            Map<ExportFormat, String> blindedRefused) {
    }

    private static List<Trial> trials;

    private SimulatedExports() {
    }

    static synchronized List<Trial> all() throws Exception {
        if (trials == null) {
            List<Trial> made = new ArrayList<>();
            try (Stream<Path> files = Files.list(SEEDS)) {
                for (Path seed : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    made.add(simulate(seed));
                }
            }
            trials = List.copyOf(made);
        }
        return trials;
    }

    private static Trial simulate(Path seed) throws Exception {
        try (Database db = Database.temporary()) {
            TrialSimulation s = TrialSimulation.conduct(db, seed.getFileName().toString(), Files.readAllBytes(seed),
                    SimulationSettings.of(1, PATIENTS), line -> { }, TrialSimulation.Observer.NONE);
            SimulationResult result = s.lock();
            Map<ExportFormat, Export> blinded = new EnumMap<>(ExportFormat.class);
            Map<ExportFormat, Export> unblinded = new EnumMap<>(ExportFormat.class);
            Path out = Path.of("target", "exports", seed.getFileName().toString().replace(".txt", ""));
            Map<ExportFormat, String> refused = new EnumMap<>(ExportFormat.class);
            for (ExportFormat f : ExportTests.AVAILABLE) {
                try {
                    blinded.put(f, s.services().exports().export(s.person("datamanager"), s.study(), f, false));
                    blinded.get(f).writeTo(out.resolve("blinded").resolve(f.formatName()));
                } catch (ExportException e) {
                    refused.put(f, e.getMessage());
                }
                unblinded.put(f, s.services().exports().export(s.person("statistician"), s.study(), f, false));
                unblinded.get(f).writeTo(out.resolve("unblinded").resolve(f.formatName()));
            }
            List<String> armWords = result.locked().subjects().stream().map(LockedTrial.SubjectRow::treatments)
                    .filter(Objects::nonNull).flatMap(t -> Stream.of(t.split(" then "))).distinct().toList();
            return new Trial(seed.getFileName().toString(), s.study(), blinded.get(ExportFormat.ODM).blinded(),
                    armWords, result.locked(), blinded, unblinded, refused);
        }
    }
}
