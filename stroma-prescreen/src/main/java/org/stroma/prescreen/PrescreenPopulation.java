package org.stroma.prescreen;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.stroma.fhir.BulkExportWriter;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.synthesis.PatientSynthesizer;
import org.stroma.trial.patient.PatientRecord;

/**
 * A population to prescreen, written as a FHIR bulk export: a base of patients made up from the trials' own rules
 * ({@link PatientSynthesizer}) — for each trial in turn one meant to be eligible and two failing one criterion each —
 * replicated to the size asked, each replica with its own id and a birth date moved by up to a year either way (so
 * ages, and what depends on them, vary). What the investigator would answer is no part of a health record: criteria
 * that need it stay open, and a patient meant to be eligible is incomplete until they are answered.
 */
public final class PrescreenPopulation {
    private PrescreenPopulation() {
    }

    public static void write(List<CompiledEligibility> trials, int base, int size, LocalDate date, long seed,
            Path folder) throws IOException {
        ConceptDictionary dictionary = ConceptDictionary.standard();
        List<PatientRecord> originals = new ArrayList<>();
        List<PatientSynthesizer> synthesizers = new ArrayList<>();
        for (int t = 0; t < trials.size(); t++) {
            synthesizers.add(new PatientSynthesizer(dictionary, trials.get(t), seed + t));
        }
        for (int i = 0; i < base; i++) {
            PatientSynthesizer synthesizer = synthesizers.get(i % trials.size());
            String id = "b" + i;
            originals.add(i / trials.size() % 3 == 0 ? synthesizer.eligible(id, date).toRecord(dictionary)
                    : synthesizer.failing(id, date).patient().toRecord(dictionary));
        }
        Random shifts = new Random(seed);
        try (BulkExportWriter export = new BulkExportWriter(folder)) {
            for (int i = 0; i < size; i++) {
                PatientRecord p = originals.get(i % base);
                long shift = i < base ? 0 : shifts.nextInt(731) - 365;
                export.write(new PatientRecord("p" + i, p.birthDate() == null ? null : p.birthDate().plusDays(shift),
                        p.sex(), p.observations(), p.conditions(), p.procedures(), p.medications(), p.allergies(),
                        Map.of(), null));
            }
        }
    }
}
