package org.stroma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stroma.fhir.InvalidBundleException;
import org.stroma.fhir.entered.InvalidPatientDataException;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.PatientFacts;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.patient.PatientRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma screen --trial FILE --patients PATH}: screens patients against a trial's eligibility criteria and
 * prints, patient by patient, each criterion's verdict with its reason, then a summary. Bad input — a trial record, a
 * bundle, a hand-written rule or an answers file that cannot be read — is one line naming the file and the place, and
 * exit code 2. A trial file or a patient file (a line of an NDJSON file) that cannot be read leaves out only itself and
 * the patients it concerns: the others are screened and printed, and the problems listed after them; no patient is
 * screened on part of their record.
 */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Screen patients (FHIR R4 or entered facts) against trials' eligibility criteria.")
final class ScreenCommand implements Callable<Integer> {
    enum Format { table, json, csv }

    @Option(names = "--trial", paramLabel = "FILE", required = true,
            description = "A registry record or Stroma protocol JSON; repeat the option for several trials.")
    List<Path> trials;

    @Option(names = "--patients", paramLabel = "PATH", required = true,
            description = "A FHIR R4 bundle, an NDJSON file, a folder of them, or a JSON file of entered patients.")
    Path patients;

    @Option(names = "--answers", paramLabel = "FILE",
            description = "The investigator's answers: {\"patient id\": {\"criterion id\": true|false}}.")
    Path answers;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The screening date (default: today).")
    LocalDate date;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default: a screening log and a summary), json or csv.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConceptDictionary dictionary = ConceptDictionary.standard();
        LocalDate on = date != null ? date : LocalDate.now();
        List<Screening> screenings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean internal = false;
        for (Path trial : trials) {
            try {
                for (CompiledTrials.Trial t : CompiledTrials.read(trial.toString(), Files.readAllBytes(trial),
                        dictionary)) {
                    screenings.add(new Screening(dictionary, t.eligibility()));
                }
            } catch (BadInput e) {
                problems.add(e.getMessage());
            } catch (NoSuchFileException e) {
                problems.add(e.getFile() + ": no such file");
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(trial + ": " + Unexpected.describe(e));
                internal = true;
            }
        }
        List<PatientRecord> records;
        try {
            PatientSources.Patients read = PatientSources.read(patients, answers, dictionary);
            records = read.records();
            read.problems().forEach(p -> problems.add(p.getMessage()));
        } catch (BadInput | InvalidBundleException | InvalidPatientDataException e) {
            problems.add(e.getMessage());
            records = List.of();
        } catch (NoSuchFileException e) {
            problems.add(e.getFile() + ": no such file");
            records = List.of();
        }
        // each record is filed by concept once, for all the trials it is screened for
        List<PatientFacts> facts = new ArrayList<>();
        for (PatientRecord p : records) {
            try {
                facts.add(PatientFacts.of(p, dictionary));
            } catch (RuntimeException | StackOverflowError e) {
                problems.add("patient " + p.id() + ": " + Unexpected.describe(e));
                internal = true;
            }
        }
        List<ScreeningResult> results = new ArrayList<>();
        for (Screening screening : screenings) {
            for (PatientFacts p : facts) {
                try {
                    results.add(screening.screen(p, on));
                } catch (RuntimeException | StackOverflowError e) {
                    problems.add("patient " + p.record().id() + ": " + Unexpected.describe(e));
                    internal = true;
                }
            }
        }
        if (!results.isEmpty() || problems.isEmpty()) {
            switch (format) {
                case json -> out.println(ImportCommand.JSON.writeValueAsString(ScreeningJson.of(results)));
                case csv -> ScreeningLog.csv(results, out);
                default -> ScreeningLog.table(results, out);
            }
        }
        out.flush();
        problems.forEach(p -> err.println("stroma: " + p));
        return internal ? 1 : problems.isEmpty() ? 0 : 2;
    }
}
