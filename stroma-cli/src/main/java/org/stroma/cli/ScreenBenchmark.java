package org.stroma.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.stroma.server.demo.ReferenceTrials;
import org.stroma.fhir.FhirPatientReader;
import org.stroma.fhir.synthea.SyntheaRunner;
import org.stroma.fhir.synthea.SyntheticPopulation;
import org.stroma.store.EmbeddedDatabase;
import org.stroma.store.screening.FactTables;
import org.stroma.store.screening.SqlScreening;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.FactColumns;
import org.stroma.trial.eligibility.PatientFacts;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.eligibility.PopulationVerdicts;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.ScreeningProgram;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.synthesis.PatientSynthesizer;
import org.stroma.trial.patient.PatientRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma bench screen}: patient-trial evaluations per second when a Synthea population, replicated to a
 * hundred thousand patients, is screened against the five reference trials — by Stroma's screening in Java, and by
 * the same compiled criteria as SQL over the same facts in the embedded PostgreSQL, side by side in one run. Replicas
 * share their original's facts and differ in identity and birth date (shifted up to five years either way), so that
 * ages, and what depends on them, vary. An untimed pass tallies both sides' verdicts, patients' and criteria's, which
 * must agree.
 */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Patient-trial evaluations per second: Stroma's screening against the same criteria as SQL in"
                + " PostgreSQL.")
final class ScreenBenchmark implements Callable<Integer> {
    @Option(names = "--patients", paramLabel = "PATH",
            description = "FHIR patients to replicate (default: a seeded Synthea heart-failure population, generated"
                    + " once).")
    Path patients;

    @Option(names = "--synthea-lib", defaultValue = "stroma-synthea/target/lib",
            description = "Synthea's class path (default ${DEFAULT-VALUE}).")
    Path syntheaLib;

    @Option(names = "--synthea-cache", defaultValue = "stroma-fhir/target/synthea",
            description = "Where generated populations are kept (default ${DEFAULT-VALUE}, shared with the tests).")
    Path syntheaCache;

    @Option(names = "--base", defaultValue = "20", description = "Synthea patients to generate (default ${DEFAULT-VALUE}).")
    int base;

    @Option(names = "--made-up", defaultValue = "4",
            description = "Patients made up from each trial's own rules and added to the originals before replication,"
                    + " half meant to be eligible, half failing one criterion, with the investigator's answers (default"
                    + " ${DEFAULT-VALUE} per trial): without them every Synthea patient is ineligible for every trial.")
    int madeUp;

    @Option(names = "--population", defaultValue = "100000",
            description = "Patients after replication (default ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--date", defaultValue = "2026-01-01",
            description = "The screening date, the day the Synthea simulation ends (default ${DEFAULT-VALUE}).")
    LocalDate date;

    @Option(names = "--warmup", defaultValue = "1", description = "Warm-up rounds (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConceptDictionary dictionary = ConceptDictionary.standard();
        Path source = patients != null ? patients : new SyntheaRunner(syntheaLib, syntheaCache)
                .generate(SyntheticPopulation.heartFailure(42, base, date));
        if (!Files.exists(source)) {
            spec.commandLine().getErr().println("stroma: " + source + ": no such file or folder");
            return 2;
        }
        List<PatientRecord> originals = new ArrayList<>(new FhirPatientReader().read(source));
        int fromFhir = originals.size();
        List<CompiledEligibility> trials = new ArrayList<>();
        for (ReferenceTrials.Trial t : ReferenceTrials.all()) {
            CompiledTrials.read(t.name(), t.content(), dictionary).forEach(c -> trials.add(c.eligibility()));
        }
        originals.addAll(madeUp(dictionary, trials, madeUp, date));
        List<PatientRecord> all = replicate(originals, population);
        long evaluations = (long) all.size() * trials.size();
        out.printf("stroma bench screen: %d FHIR patients from %s and %d made up from the trials' rules, replicated"
                + " to %d; %d trials; %d patient-trial evaluations per round; screening date %s%n", fromFhir, source,
                originals.size() - fromFhir, all.size(), trials.size(), evaluations, date);
        out.printf("Java %s on %d processors, max heap %d MB; %d warm-up and %d measured rounds each side%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, warmup, rounds);

        long start = System.nanoTime();
        List<PatientFacts> facts = new ArrayList<>(all.size());
        for (PatientRecord p : all) {
            facts.add(PatientFacts.of(p, dictionary));
        }
        double filing = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        FactColumns columns = FactColumns.of(facts, dictionary);
        double inColumns = (System.nanoTime() - start) / 1e9;
        ScreeningProgram program = ScreeningProgram.compile(dictionary, trials);
        List<Screening> screenings = trials.stream().map(t -> new Screening(dictionary, t)).toList();
        // an untimed pass tallies every verdict, patients' and criteria's, to compare with SQL, and holds the
        // program's verdicts to the screening's, patient by patient and criterion by criterion
        Map<String, Long> javaTally = new TreeMap<>();
        PopulationVerdicts programVerdicts = program.run(columns, date);
        List<String> differences = new ArrayList<>();
        for (int t = 0; t < screenings.size(); t++) {
            for (int p = 0; p < facts.size(); p++) {
                ScreeningResult r = screenings.get(t).screen(facts.get(p), date);
                javaTally.merge(r.trial() + " patient " + r.verdict(), 1L, Long::sum);
                r.criteria().forEach(c -> javaTally.merge(r.trial() + " " + c.id() + " " + c.verdict(), 1L, Long::sum));
                differences.addAll(differences(r, programVerdicts, t, p));
            }
        }
        for (int i = 0; i < warmup; i++) {
            java(screenings, facts);
        }
        double[] javaSeconds = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            javaSeconds[i] = java(screenings, facts);
        }
        for (int i = 0; i < warmup; i++) {
            program(program, columns);
        }
        double[] programSeconds = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            programSeconds[i] = program(program, columns);
        }

        Map<String, Long> sqlTally = new TreeMap<>();
        double[] sqlSeconds = new double[rounds];
        double loading;
        String postgres;
        try (EmbeddedDatabase database = EmbeddedDatabase.temporary(); Connection db = database.connect()) {
            postgres = db.getMetaData().getDatabaseProductVersion();
            start = System.nanoTime();
            new FactTables(dictionary).load(db, all);
            loading = (System.nanoTime() - start) / 1e9;
            List<SqlScreening> queries = trials.stream().map(t -> new SqlScreening(dictionary, t, date)).toList();
            for (SqlScreening q : queries) {
                List<String> ids = q.criterionIds();
                q.run(db, row -> {
                    sqlTally.merge(q.trial() + " patient " + row.verdict(), 1L, Long::sum);
                    for (int k = 0; k < ids.size(); k++) {
                        sqlTally.merge(q.trial() + " " + ids.get(k) + " " + row.criteria().get(k), 1L, Long::sum);
                    }
                });
            }
            for (int i = 0; i < warmup; i++) {
                sql(queries, db);
            }
            for (int i = 0; i < rounds; i++) {
                sqlSeconds[i] = sql(queries, db);
            }
        }
        double java = Rounds.median(javaSeconds);
        double sql = Rounds.median(sqlSeconds);
        double columnar = Rounds.median(programSeconds);
        out.printf("Preparation (not in the rates): filing facts by concept in Java %.1f s, then in columns %.1f s;"
                + " loading PostgreSQL %s %.1f s%n", filing, inColumns, postgres, loading);
        out.printf("%-46s %12s %18s%n", "", "median s", "evaluations/s");
        out.printf("%-46s %12.3f %18.0f%n", "Screening program (columns, one thread)", columnar,
                evaluations / columnar);
        out.printf("%-46s %12.2f %18.0f%n", "Stroma screening (Java, one thread)", java, evaluations / java);
        out.printf("%-46s %12.2f %18.0f%n", "Same criteria as SQL (PostgreSQL)", sql, evaluations / sql);
        out.printf("Program/SQL throughput ratio %.1f, program/screening %.1f, screening/SQL %.2f (min–max of rounds:"
                + " program %.3f–%.3f s, screening %.2f–%.2f s, SQL %.2f–%.2f s); the program's %d rules that read"
                + " the record serve the %d trials%n", sql / columnar, java / columnar, sql / java,
                Rounds.min(programSeconds), Rounds.max(programSeconds), Rounds.min(javaSeconds),
                Rounds.max(javaSeconds), Rounds.min(sqlSeconds), Rounds.max(sqlSeconds), program.leafCount(),
                trials.size());
        for (CompiledEligibility t : trials) {
            Map<PatientVerdict, Long> verdicts = new EnumMap<>(PatientVerdict.class);
            for (PatientVerdict v : PatientVerdict.values()) {
                verdicts.put(v, javaTally.getOrDefault(t.trial() + " patient " + v, 0L));
            }
            out.printf("  %-12s %s%n", t.trial(), verdicts);
        }
        boolean agree = javaTally.equals(sqlTally);
        out.println(agree ? "Java and SQL agree on every tally of patient and criterion verdicts ("
                + javaTally.size() + " tallies)" : "Java and SQL DISAGREE: " + differences(javaTally, sqlTally));
        out.println(differences.isEmpty() ? "The program and the screening agree on every verdict of every patient,"
                + " criterion, failing and open criterion (" + evaluations + " patient-trial pairs)"
                : "The program and the screening DISAGREE in " + differences.size() + " places: "
                + String.join("; ", differences.subList(0, Math.min(10, differences.size()))));
        out.flush();
        return agree && differences.isEmpty() ? 0 : 1;
    }

    /** Where the program's verdicts for a patient and trial differ from the screening's. */
    private static List<String> differences(ScreeningResult expected, PopulationVerdicts program, int trial,
            int patient) {
        List<String> found = new ArrayList<>();
        String where = expected.trial() + " " + expected.patient();
        expected.criteria().stream().filter(c -> program.criterion(trial, c.id(), patient) != c.verdict())
                .forEach(c -> found.add(where + " " + c.id() + ": " + program.criterion(trial, c.id(), patient)
                        + ", not " + c.verdict()));
        if (program.verdict(trial, patient) != expected.verdict()
                || !program.failing(trial, patient).equals(expected.failing())
                || !program.open(trial, patient).equals(expected.open())) {
            found.add(where + ": " + program.verdict(trial, patient) + " " + program.failing(trial, patient) + " "
                    + program.open(trial, patient) + ", not " + expected.verdict() + " " + expected.failing() + " "
                    + expected.open());
        }
        return found;
    }

    private static String differences(Map<String, Long> javaTally, Map<String, Long> sqlTally) {
        Set<String> keys = new TreeSet<>(javaTally.keySet());
        keys.addAll(sqlTally.keySet());
        return keys.stream().filter(k -> !javaTally.getOrDefault(k, 0L).equals(sqlTally.getOrDefault(k, 0L)))
                .limit(10).map(k -> k + ": Java " + javaTally.getOrDefault(k, 0L) + ", SQL "
                        + sqlTally.getOrDefault(k, 0L)).collect(Collectors.joining("; "));
    }

    /**
     * For each trial, patients made up from its rules: every other one meant to be eligible, the others failing one
     * criterion, each with the investigator's answers to that trial's questions.
     */
    static List<PatientRecord> madeUp(ConceptDictionary dictionary, List<CompiledEligibility> trials, int perTrial,
            LocalDate date) {
        List<PatientRecord> made = new ArrayList<>();
        for (int t = 0; t < trials.size(); t++) {
            PatientSynthesizer synthesizer = new PatientSynthesizer(dictionary, trials.get(t), 42 + t);
            for (int i = 0; i < perTrial; i++) {
                String id = "made-up-" + trials.get(t).trial() + "-" + i;
                made.add((i % 2 == 0 ? synthesizer.eligible(id, date) : synthesizer.failing(id, date).patient())
                        .toRecord(dictionary));
            }
        }
        return made;
    }

    /** Each original in turn: itself first, then as new patients born up to five years earlier or later. */
    static List<PatientRecord> replicate(List<PatientRecord> originals, int size) {
        List<PatientRecord> all = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            PatientRecord p = originals.get(k % originals.size());
            int copy = k / originals.size();
            // the originals as they are (a patient made up to be eligible stays so), the copies born up to five years
            // earlier or later
            long shift = copy == 0 ? 0 : (copy * 37L) % 3651 - 1825;
            all.add(new PatientRecord(p.id() + "#" + copy, p.birthDate() == null ? null : p.birthDate().plusDays(shift),
                    p.sex(), p.observations(), p.conditions(), p.procedures(), p.medications(), p.allergies(),
                    p.attestations(), p.silence()));
        }
        return all;
    }

    private double java(List<Screening> screenings, List<PatientFacts> facts) {
        long start = System.nanoTime();
        int eligible = 0;
        for (Screening s : screenings) {
            for (PatientFacts f : facts) {
                eligible += s.screen(f, date).verdict() == PatientVerdict.ELIGIBLE ? 1 : 0;
            }
        }
        return seconds(start, eligible);
    }

    private double program(ScreeningProgram program, FactColumns columns) {
        long start = System.nanoTime();
        PopulationVerdicts verdicts = program.run(columns, date);
        int eligible = 0;
        for (int t = 0; t < verdicts.trials().size(); t++) {
            eligible += verdicts.count(t).get(PatientVerdict.ELIGIBLE).intValue();
        }
        return seconds(start, eligible);
    }

    private static double sql(List<SqlScreening> queries, Connection db) throws SQLException {
        long start = System.nanoTime();
        int[] eligible = {0};
        for (SqlScreening q : queries) {
            q.run(db, row -> eligible[0] += row.verdict() == PatientVerdict.ELIGIBLE ? 1 : 0);
        }
        return seconds(start, eligible[0]);
    }

    /** The elapsed time; {@code sink} keeps the work from being optimised away. */
    private static double seconds(long start, int sink) {
        double s = (System.nanoTime() - start) / 1e9;
        return sink == Integer.MIN_VALUE ? s + 1 : s;
    }
}
