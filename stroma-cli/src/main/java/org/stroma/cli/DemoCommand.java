package org.stroma.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.stroma.export.ExportFormat;
import org.stroma.export.Exports;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.protocol.text.Words;
import org.stroma.server.demo.ReferenceTrials;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.design.Assumption;
import org.stroma.trial.design.DesignReader;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.eligibility.PatientFacts;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CoverageReport;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.randomization.AllocationMethod;
import org.stroma.trial.schedule.PlannedVisit;
import org.stroma.trial.schedule.SchedulePlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stroma demo}: Stroma's main job on the five reference trials, stage by stage: each trial's registry record is
 * imported and summarised; its eligibility criteria are compiled into rules; its design (allocation, masking, visit
 * schedule) is derived; the demo patients are screened against it. Then each trial is simulated on made-up patients
 * through the services, locked and reported (blinded and unblinded), and the sister trials are pooled; the reports go
 * under {@code $STROMA_HOME/reports}. Then the server starts on the embedded database with the trials published and a
 * demo account per role ({@code --no-serve} stops before it).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Stroma on the five reference MSC trials: import, compile eligibility, screen demo patients,"
                + " then serve them.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", paramLabel = "N", description = "The server's port (default: 8080).")
    int port = 8080;

    @Option(names = "--no-serve", description = "Print the summary and write the reports; do not start the server.")
    boolean noServe;

    @Option(names = "--patients", paramLabel = "N", description = "Patients screened per simulated trial (default 24).")
    int simulatedPatients = 24;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RegistryImporter importer = new RegistryImporter();
        var trials = ReferenceTrials.all();
        out.println("Stroma demo: importing the " + trials.size() + " reference trials\n");
        List<Protocol> protocols = new ArrayList<>();
        for (ReferenceTrials.Trial trial : trials) {
            for (ImportedRecord record : importer.read(trial.content())) {
                out.println(ImportSummary.render(Path.of(trial.name()), record));
                protocols.add(record.protocol());
            }
        }
        ConceptDictionary dictionary = ConceptDictionary.standard();
        List<CompiledEligibility> compiled = protocols.stream().map(p -> new CriteriaCompiler(dictionary).compile(p))
                .toList();
        out.println("Eligibility: criteria compiled into rules (./stroma eligibility coverage shows each rule)");
        for (CompiledEligibility e : compiled) {
            CoverageReport.Counts c = CoverageReport.Counts.of(e);
            out.printf("  %-12s %2d criteria, %2d measurable, %2d compiled (%d %%)%n", e.trial(), c.criteria(),
                    c.measurable(), c.compiled(), Math.round(100 * c.share()));
        }
        out.println("\nDesigns: how each trial allocates, masks and schedules (assumptions marked for the study team)");
        for (Protocol protocol : protocols) {
            TrialDesign design = DesignReader.read(protocol);
            List<Assumption> assumptions = new ArrayList<>(design.assumptions());
            List<PlannedVisit> visits = SchedulePlanner.plan(protocol, design, assumptions);
            out.printf("  %-12s %s, %s, masked: %s; %d visits (%s); %d assumptions%n", design.trial(),
                    Words.of(design.kind()), allocation(design),
                    design.masked().isEmpty() ? "nobody" : String.join(", ", design.masked().stream()
                            .map(m -> m.label().toLowerCase(Locale.ROOT)).toList()), visits.size(),
                    String.join(", ", visits.stream().map(PlannedVisit::name).toList()), assumptions.size());
        }
        List<PatientRecord> patients = DemoPatients.all();
        out.println("\nScreening " + patients.size() + " demo patients on " + DemoPatients.SCREENED
                + " (./stroma screen shows each criterion's verdict and reason)");
        List<Screening> screenings = compiled.stream().map(e -> new Screening(dictionary, e)).toList();
        for (PatientRecord patient : patients) {
            PatientFacts facts = PatientFacts.of(patient, dictionary);
            for (Screening screening : screenings) {
                ScreeningResult r = screening.screen(facts, DemoPatients.SCREENED);
                String detail = switch (r.verdict()) {
                    case ELIGIBLE -> "";
                    case INELIGIBLE -> "fails " + String.join(", ", r.failing());
                    case INCOMPLETE -> r.open().size() + " criteria await data or the investigator";
                };
                out.printf("  %-38s %-12s %-10s  %s%n", patient.id(), r.trial(), r.verdict(), detail);
            }
        }
        out.println("\nSimulating each trial on " + simulatedPatients + " made-up patients through Stroma's services,"
                + " then its reports");
        Path reports = database.home().resolve("reports");
        List<LockedTrial> locked = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            ReferenceTrials.Trial trial = trials.get(i);
            out.println(trial.name() + " (seed " + (i + 1) + "):");
            // a seed of its own for each trial: sister trials are not copies of one another
            Simulations.Run run = Simulations.run(trial.name(), trial.content(), i + 1, simulatedPatients, reports,
                    out);
            locked.add(run.result().locked());
            out.println("  reports: " + run.reports().unblinded() + "\n           " + run.reports().blinded());
            out.println("  exports: " + run.reports().unblinded().resolveSibling("exports") + " and "
                    + run.reports().blinded().resolveSibling("exports") + " (" + Exports.available().stream().map(
                            ExportFormat::formatName).collect(Collectors.joining(", ")) + "; the blinded without those"
                    + " that compare the arms)");
        }
        List<LockedTrial> cardiac = locked.stream().filter(t -> !t.trial().equals("NCT02403947")
                && !t.trial().equals("NCT01854957")).toList();
        List<LockedTrial> mesems = locked.stream().filter(t -> t.trial().equals("NCT02403947")
                || t.trial().equals("NCT01854957")).toList();
        out.println("Pooled: " + Simulations.pooled("cardiac-lvef.html", "LVEF in the three cardiac trials",
                cardiac, "lvef", "LVEF, cells − placebo (points)", reports));
        out.println("Pooled: " + Simulations.pooled("mesems-gel.html", "Gadolinium-enhancing lesions in MESEMS"
                + " Toulouse and Genova", mesems, "gel_count", "GEL count, cells − placebo", reports));
        out.flush();
        if (noServe) {
            return 0;
        }
        out.println();
        return ServeCommand.serve(database, port, out);
    }

    private static String allocation(TrialDesign design) {
        if (design.method() instanceof AllocationMethod.SingleGroup
                || design.method() instanceof AllocationMethod.Assigned) {
            return design.method().describe();
        }
        return design.ratio() + ", " + design.method().describe() + " (" + design.sites().size() + " sites)";
    }
}
