package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroma.cli.badinput.BadInputReaders;
import org.stroma.cli.badinput.BadInputRun;
import org.stroma.cli.badinput.FhirMutator;
import org.stroma.cli.badinput.Mutant;
import org.stroma.cli.badinput.MutationClass;
import org.stroma.cli.badinput.Outcome;
import org.stroma.cli.badinput.RegistryMutator;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.RecordLimits;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.protocol.text.CriteriaSplitter;
import org.stroma.trial.concept.ConceptDictionary;

/**
 * Damaged registry records and FHIR patient files — every class of damage, from the real records at hand (all of
 * {@code ../shared/ctgov} when it is beside the checkout) — are each read to the end or refused with the typed,
 * one-line error: no internal error, no stack overflow. What bounds the time and memory a damaged input may take is
 * checked as structure, not as time: every input beyond a limit is refused by that limit, and what is accepted nests
 * no deeper than the limits allow. {@code stroma bench bad-input} runs the same corpus at volume and prints the times.
 */
class BadInputCorpusTest {
    private static final long SEED = 12;
    /** Thirty of each class of damage for registry records, twenty for FHIR files: a minute's work at most. */
    private static final int REGISTRY_INPUTS = 30 * MutationClass.values().length;
    private static final int FHIR_INPUTS = 20 * MutationClass.values().length;
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();

    private static Map<String, byte[]> records() {
        // the registry records of the fixtures (beside them are schemas, which are not records)
        List<Path> folders = new ArrayList<>(List.of(Cli.FIXTURES.resolve("seeds"), Cli.FIXTURES.resolve("ctgov")));
        String shared = System.getProperty("stroma.shared.dir");
        if (shared != null && Files.isDirectory(Path.of(shared, "ctgov"))) {
            folders.add(Path.of(shared, "ctgov"));
        }
        Map<String, byte[]> records = RegistryMutator.withProtocolJson(RegistryMutator.recordsUnder(folders));
        System.out.println("bad input corpus: damaging " + records.size() + " registry records from " + folders);
        return records;
    }

    private static Map<String, byte[]> bundles() throws IOException {
        Map<String, byte[]> bundles = new LinkedHashMap<>();
        try (InputStream in = BadInputCorpusTest.class.getClassLoader()
                .getResourceAsStream("demo/patients/cardiac-candidate.json")) {
            bundles.put("cardiac-candidate.json", in.readAllBytes());
        }
        Path handWritten = Cli.FIXTURES.resolve("../stroma-fhir/src/test/resources/fhir/cardiac-patient.json")
                .normalize();
        bundles.put("cardiac-patient.json", Files.readAllBytes(handWritten));
        return bundles;
    }

    @Test
    void damagedRegistryRecordsImportOrAreRefusedByTheirLimits() {
        RegistryMutator mutator = new RegistryMutator(records(), SEED);
        BadInputRun run = BadInputReaders.registry(DICTIONARY);
        List<String> beyondALimitButNotRefusedByIt = new ArrayList<>();
        List<String> nestedTooDeep = new ArrayList<>();
        BadInputRun.Figures figures = run.runAll(mutator::mutant, REGISTRY_INPUTS, t -> {
            Mutant m = t.mutant();
            boolean structured = m.origin().endsWith(".json") || m.origin().endsWith(".xml");
            if (m.kind() == MutationClass.HUGE_STRING && !(t.outcome() == Outcome.REFUSED
                    && t.message().matches(".*(longer than|may have at most) " + RecordLimits.MAX_TEXT_CHARS + ".*"))) {
                beyondALimitButNotRefusedByIt.add(m.label() + ": " + t.outcome() + " " + t.message());
            }
            if (m.kind() == MutationClass.DEEP_NESTING && structured && !(t.outcome() == Outcome.REFUSED
                    && t.message().contains("nested more than " + RecordLimits.MAX_NESTING + " levels deep"))) {
                beyondALimitButNotRefusedByIt.add(m.label() + ": " + t.outcome() + " " + t.message());
            }
            if (t.outcome() == Outcome.ACCEPTED && (m.kind() == MutationClass.DEEP_LIST
                    || m.kind() == MutationClass.DEEP_NESTING)) {
                Protocol p = new RegistryImporter().read(m.content()).get(0).protocol();
                int depth = Math.max(depth(p.eligibility().inclusion()), depth(p.eligibility().exclusion()));
                if (depth > CriteriaSplitter.MAX_DEPTH) {
                    nestedTooDeep.add(m.label() + ": criteria " + depth + " deep");
                }
            }
        });
        print("registry records", figures);
        assertThat(figures.inputs()).isEqualTo(REGISTRY_INPUTS);
        assertThat(figures.failures()).extracting(t -> t.outcome() + " " + t.mutant().label() + ": " + t.message())
                .isEmpty();
        assertThat(beyondALimitButNotRefusedByIt).isEmpty();
        assertThat(nestedTooDeep).isEmpty();
        // the damage is not all refused: a corpus that only ever fails at the first byte would test nothing
        assertThat(figures.count(Outcome.ACCEPTED)).isGreaterThan(REGISTRY_INPUTS / 10);
    }

    @Test
    void damagedFhirFilesAreReadOrRefusedNamingTheFile() throws IOException {
        FhirMutator mutator = new FhirMutator(bundles(), SEED);
        byte[] mesami2 = Files.readAllBytes(Cli.MESAMI2);
        BadInputRun run = BadInputReaders.fhir(DICTIONARY,
                CompiledTrials.read("MESAMI2", mesami2, DICTIONARY).get(0).eligibility());
        List<String> unnamed = new ArrayList<>();
        BadInputRun.Figures figures = run.runAll(mutator::mutant, FHIR_INPUTS, t -> {
            if (t.outcome() == Outcome.REFUSED && !t.message().startsWith(t.mutant().fileName())) {
                unnamed.add(t.mutant().label() + ": " + t.message());
            }
            if (t.outcome() == Outcome.REFUSED && t.mutant().fileName().endsWith(".ndjson")
                    && !t.message().startsWith(t.mutant().fileName() + ", line ")) {
                unnamed.add(t.mutant().label() + " names no line: " + t.message());
            }
        });
        print("FHIR files", figures);
        assertThat(figures.inputs()).isEqualTo(FHIR_INPUTS);
        assertThat(figures.failures()).extracting(t -> t.outcome() + " " + t.mutant().label() + ": " + t.message())
                .isEmpty();
        assertThat(unnamed).isEmpty();
        assertThat(figures.count(Outcome.ACCEPTED)).isGreaterThan(FHIR_INPUTS / 10);
    }

    @Test
    void aMutantIsTheSameBytesWhenMadeAgain() throws IOException {
        RegistryMutator registry = new RegistryMutator(records(), SEED);
        FhirMutator fhir = new FhirMutator(bundles(), SEED);
        for (int i : new int[] {0, 7, 100, 411}) {
            assertThat(registry.mutant(i).content()).isEqualTo(new RegistryMutator(records(), SEED).mutant(i).content());
            assertThat(fhir.mutant(i).content()).isEqualTo(new FhirMutator(bundles(), SEED).mutant(i).content());
        }
        assertThat(registry.mutant(3).content()).isNotEqualTo(new RegistryMutator(records(), SEED + 1).mutant(3)
                .content());
    }

    private static int depth(List<Criterion> criteria) {
        int deepest = 0;
        for (Criterion c : criteria) {
            deepest = Math.max(deepest, 1 + depth(c.children()));
        }
        return deepest;
    }

    private static void print(String what, BadInputRun.Figures f) {
        System.out.printf("bad input corpus, %s: %d inputs, %d accepted, %d refused, %d failed%n", what, f.inputs(),
                f.count(Outcome.ACCEPTED), f.count(Outcome.REFUSED), f.failures().size());
    }
}
