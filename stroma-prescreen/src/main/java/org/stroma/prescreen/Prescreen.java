package org.stroma.prescreen;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.stroma.fhir.FhirPatientReader;
import org.stroma.fhir.InvalidBundleException;
import org.stroma.fhir.NdjsonLine;
import org.stroma.fhir.PatientReading;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.FactColumns;
import org.stroma.trial.eligibility.PatientFacts;
import org.stroma.trial.eligibility.PopulationVerdicts;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.ScreeningProgram;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.eligibility.compile.InvalidRuleException;
import org.stroma.trial.patient.PatientRecord;

/**
 * A prescreening's work on patients' lines of a bulk export: read each patient's lines into the patient's record, as
 * the screening of a single upload reads them, and screen a batch of records for every trial on the screening date by
 * the trials' {@link ScreeningProgram} (the verdicts of {@link Screening}, computed for the batch at once). It is what
 * the in-process engine runs batch after batch and what Spark runs on each partition: the same trials compiled by the
 * same compiler, the same reader, the same program, so both give the same verdicts. It travels to Spark's executors
 * as the trials' files and the date, and compiles them once where it lands.
 */
public final class Prescreen implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Patients screened at once: the program's columns pay off from a few thousand, and a batch is a few MB. */
    static final int BATCH = 4096;

    private final List<TrialFile> trials;
    private final LocalDate date;
    private transient ScreeningProgram program;
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
        if (program != null) {
            return;
        }
        dictionary = ConceptDictionary.standard();
        List<CompiledEligibility> all = new ArrayList<>();
        for (TrialFile file : trials) {
            try {
                for (ImportedRecord r : new RegistryImporter().read(file.content())) {
                    all.add(new CriteriaCompiler(dictionary).compile(r.protocol()));
                }
            } catch (RecordFormatException | InvalidRuleException e) {
                throw new IllegalArgumentException(file.name() + ": " + e.getMessage(), e);
            }
        }
        program = ScreeningProgram.compile(dictionary, all);
        eligibilities = all;
    }

    /**
     * One group's rows: each patient read from the lines × each trial, and a row for each problem. A patient whose
     * record cannot be read is NOT_SCREENED for every trial, with what is wrong and where.
     */
    public List<PrescreenRow> screen(String key, List<NdjsonLine> lines) {
        return screen(List.of(read(key, lines)));
    }

    /** The rows of groups read, group after group: their patients × each trial, then their problems. */
    List<PrescreenRow> screen(List<GroupRead> groups) {
        compile();
        List<PatientFacts> patients = groups.stream().flatMap(g -> g.patients().stream())
                .map(r -> PatientFacts.of(r, dictionary)).toList();
        PopulationVerdicts verdicts = program.run(FactColumns.of(patients, dictionary), date);
        List<PrescreenRow> rows = new ArrayList<>();
        int p = 0;
        for (GroupRead group : groups) {
            for (PatientRecord patient : group.patients()) {
                for (int t = 0; t < eligibilities.size(); t++) {
                    rows.add(new PrescreenRow(patient.id(), eligibilities.get(t).trial(), verdicts.verdict(t, p)
                            .name(), String.join(";", verdicts.failing(t, p)), String.join(";", verdicts.open(t, p)),
                            ""));
                }
                p++;
            }
            rows.addAll(group.problems());
        }
        return rows;
    }

    /**
     * The rows of groups screened {@value #BATCH} patients' groups at a time, given as they are asked for, each group
     * read when its batch is: the memory holds a batch's records and rows, not the population's.
     */
    public Iterator<PrescreenRow> screenInBatches(Iterator<GroupRead> groups) {
        return new Iterator<>() {
            private Iterator<PrescreenRow> rows = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!rows.hasNext() && groups.hasNext()) {
                    List<GroupRead> batch = new ArrayList<>();
                    while (groups.hasNext() && batch.size() < BATCH) {
                        batch.add(groups.next());
                    }
                    rows = screen(batch).iterator();
                }
                return rows.hasNext();
            }

            @Override
            public PrescreenRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return rows.next();
            }
        };
    }

    /** One group's lines of a bulk export read into records, and the rows of what could not be read. */
    public GroupRead read(String key, List<NdjsonLine> lines) {
        compile();
        // in the export's order, however the engine gathered them: a record's facts keep one order everywhere
        List<NdjsonLine> ordered = new ArrayList<>(lines);
        ordered.sort(Comparator.comparing(NdjsonLine::file).thenComparingLong(NdjsonLine::number));
        List<String> notText = ordered.stream().filter(l -> l.json().indexOf('\uFFFD') >= 0)
                .map(l -> l.file() + ": line " + l.number() + ": bytes that are not UTF-8 text").toList();
        if (!notText.isEmpty()) {
            return new GroupRead(List.of(), notScreened(key, String.join("; ", notText)));
        }
        PatientReading reading = new FhirPatientReader().readLines(ordered);
        if (reading.problems().isEmpty()) {
            return new GroupRead(reading.patients(), List.of());
        }
        String problem = String.join("; ", reading.problems().stream().map(InvalidBundleException::getMessage)
                .toList());
        String patient = patientOf(key);
        boolean read = reading.patients().stream().anyMatch(p -> p.id().equals(patient));
        return new GroupRead(reading.patients(), read ? List.of(new PrescreenRow(patient, "",
                PrescreenRow.NOT_SCREENED, "", "", problem)) : notScreened(key, problem));
    }

    private static String patientOf(String key) {
        return key.startsWith("Patient/") ? key.substring("Patient/".length()) : "";
    }

    /** The rows of a group whose patient is not screened: one per trial, or one row of no patient. */
    private List<PrescreenRow> notScreened(String key, String problem) {
        return notScreenedPatient(patientOf(key), problem);
    }

    /** The rows of a patient not screened, one per trial ("" for a problem that belongs to no one patient). */
    List<PrescreenRow> notScreenedPatient(String patient, String problem) {
        compile();
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
