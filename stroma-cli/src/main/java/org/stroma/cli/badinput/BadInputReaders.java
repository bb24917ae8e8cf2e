package org.stroma.cli.badinput;

import java.time.LocalDate;
import java.util.Map;
import org.stroma.fhir.FhirPatientReader;
import org.stroma.fhir.InvalidBundleException;
import org.stroma.fhir.PatientReading;
import org.stroma.fhir.entered.InvalidPatientDataException;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.eligibility.compile.InvalidRuleException;
import org.stroma.trial.patient.PatientRecord;

/** The readers damaged inputs go through: the whole path a file takes in {@code stroma import} and {@code screen}. */
public final class BadInputReaders {
    /** A fixed screening day, so that a run does not depend on the day it is made. */
    private static final LocalDate SCREENED = LocalDate.of(2026, 6, 1);

    private BadInputReaders() {
    }

    /** A registry record imported, its free text read, and its eligibility compiled into rules. */
    public static BadInputRun registry(ConceptDictionary dictionary) {
        RegistryImporter importer = new RegistryImporter();
        CriteriaCompiler compiler = new CriteriaCompiler(dictionary);
        return new BadInputRun((name, content) -> {
            for (ImportedRecord r : importer.read(content)) {
                compiler.compile(r.protocol());
            }
        }, RecordFormatException.class, InvalidRuleException.class);
    }

    /**
     * A FHIR patient file read as {@code screen} reads a folder — past a bad file or NDJSON line — and each patient
     * read screened against a trial; the first problem reported, if any, is the refusal.
     */
    public static BadInputRun fhir(ConceptDictionary dictionary, CompiledEligibility trial) {
        Screening screening = new Screening(dictionary, trial);
        return new BadInputRun((name, content) -> {
            PatientReading reading = new FhirPatientReader().readEach(Map.of(name, content));
            for (PatientRecord p : reading.patients()) {
                screening.screen(p, SCREENED);
            }
            if (!reading.problems().isEmpty()) {
                throw reading.problems().get(0);
            }
        }, InvalidBundleException.class, InvalidPatientDataException.class);
    }
}
