package org.stroma.prescreen;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.stroma.fhir.FhirPatientReader;
import org.stroma.fhir.InvalidBundleException;
import org.stroma.fhir.NdjsonLine;
import org.stroma.fhir.PatientReading;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.PatientFacts;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.eligibility.compile.InvalidRuleException;

/**
 * A prescreening's work on one patient's lines of a bulk export: read them into the patient's record, as the
 * screening of a single upload reads them, and screen it for every trial on the screening date. It is what the
 * in-process engine runs group after group and what Spark runs on each partition: the same trials compiled by the same
 * compiler, the same reader, the same screening, so both give the same verdicts. It travels to Spark's executors as
 * the trials' files and the date, and compiles them once where it lands.
 */
public final class Prescreen implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<TrialFile> trials;
    private final LocalDate date;
    private transient List<Screening> screenings;
    private transient List<CompiledEligibility> eligibilities;
    private transient ConceptDictionary dictionary;

    /** The trials compiled once here, so that a record that cannot be read is refused before any work starts. */
    public Prescreen(List<TrialFile> trials, LocalDate date) {
        this.trials = List.copyOf(trials);
        this.date = date;
        compile();
    }

    /** The trials' compiled eligibility, in the order of their files. */
    public List<CompiledEligibility> eligibilities() {
        compile();
        return eligibilities;
    }

    private synchronized void compile() {
        if (screenings != null) {
            return;
        }
        dictionary = ConceptDictionary.standard();
        List<Screening> compiled = new ArrayList<>();
        List<CompiledEligibility> all = new ArrayList<>();
        for (TrialFile file : trials) {
            try {
                for (ImportedRecord r : new RegistryImporter().read(file.content())) {
                    CompiledEligibility eligibility = new CriteriaCompiler(dictionary).compile(r.protocol());
                    compiled.add(new Screening(dictionary, eligibility));
                    all.add(eligibility);
                }
            } catch (RecordFormatException | InvalidRuleException e) {
                throw new IllegalArgumentException(file.name() + ": " + e.getMessage(), e);
            }
        }
        screenings = compiled;
        eligibilities = all;
    }

    /**
     * One group's rows: each patient read from the lines × each trial, and a row for each problem. A patient whose
     * record cannot be read is NOT_SCREENED for every trial, with what is wrong and where.
     */
    public List<PrescreenRow> screen(String key, List<NdjsonLine> lines) {
        compile();
        // in the export's order, however the engine gathered them: a record's facts keep one order everywhere
        List<NdjsonLine> ordered = new ArrayList<>(lines);
        ordered.sort(Comparator.comparing(NdjsonLine::file).thenComparingLong(NdjsonLine::number));
        List<String> notText = ordered.stream().filter(l -> l.json().indexOf('\uFFFD') >= 0)
                .map(l -> l.file() + ": line " + l.number() + ": bytes that are not UTF-8 text").toList();
        if (!notText.isEmpty()) {
            return notScreened(key, String.join("; ", notText));
        }
        PatientReading reading = new FhirPatientReader().readLines(ordered);
        List<PrescreenRow> rows = new ArrayList<>();
        reading.patients().forEach(patient -> {
            PatientFacts facts = PatientFacts.of(patient, dictionary);
            for (Screening screening : screenings) {
                ScreeningResult r = screening.screen(facts, date);
                rows.add(new PrescreenRow(patient.id(), r.trial(), r.verdict().name(), String.join(";", r.failing()),
                        String.join(";", r.open()), ""));
            }
        });
        if (reading.problems().isEmpty()) {
            return rows;
        }
        String problem = String.join("; ", reading.problems().stream().map(InvalidBundleException::getMessage)
                .toList());
        String patient = patientOf(key);
        boolean read = reading.patients().stream().anyMatch(p -> p.id().equals(patient));
        if (!read) {
            rows.addAll(notScreened(key, problem));
        } else {
            rows.add(new PrescreenRow(patient, "", PrescreenRow.NOT_SCREENED, "", "", problem));
        }
        return rows;
    }

    private static String patientOf(String key) {
        return key.startsWith("Patient/") ? key.substring("Patient/".length()) : "";
    }

    /** The rows of a group whose patient is not screened: one per trial, or one row of no patient. */
    private List<PrescreenRow> notScreened(String key, String problem) {
        String patient = patientOf(key);
        if (patient.isEmpty()) {
            return List.of(new PrescreenRow("", "", PrescreenRow.NOT_SCREENED, "", "", problem));
        }
        return eligibilities.stream().map(trial -> new PrescreenRow(patient, trial.trial(), PrescreenRow.NOT_SCREENED,
                "", "", problem)).toList();
    }

    /**
     * What is said when a line names no patient and cannot be read: any patient's record might be short of it, so
     * nobody is screened (as when a single upload is read).
     */
    public List<PrescreenRow> unreadable(List<NdjsonLine> lines) {
        // what the lines' own reading says is wrong with them; a verdict it may give (a Bundle holding a patient) is
        // no verdict when nobody is screened
        List<PrescreenRow> rows = new ArrayList<>(screen(ResourceRoute.UNREADABLE, lines).stream()
                .filter(r -> r.verdict().equals(PrescreenRow.NOT_SCREENED)).toList());
        rows.add(new PrescreenRow("", "", PrescreenRow.NOT_SCREENED, "", "", "no patient is screened: "
                + lines.size() + " line(s) of the input cannot be read or placed in one patient's record"));
        return rows;
    }
}
