package org.stroma.trial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.eligibility.rule.AllOf;
import org.stroma.trial.eligibility.rule.AnyOf;
import org.stroma.trial.eligibility.rule.CriterionRef;
import org.stroma.trial.eligibility.rule.Rule;
import org.stroma.trial.eligibility.synthesis.PatientSynthesizer;
import org.stroma.trial.patient.PatientRecord;

/**
 * The screening program gives {@link Screening}'s verdict — the patient's, every criterion's, the failing and open
 * criteria — for every patient and trial: on patients made up from the trials' rules and on those patients changed
 * by chance near the rules' edges, for the five reference trials and for every registry record among the fixtures.
 */
class ScreeningProgramTest {
    private static final ConceptDictionary DICTIONARY = TrialFixtures.DICTIONARY;
    private static final LocalDate DATE = TrialFixtures.SCREENED;

    @Test
    void theReferenceTrialsVerdictsAreScreeningsForEveryPatientAndCriterion() {
        List<CompiledEligibility> trials = TrialFixtures.SEEDS.stream().map(TrialFixtures::compiled).toList();
        List<PatientRecord> population = population(trials, 40, 6, 1);
        int compared = compare(trials, population);
        // 5 trials × (5 × 40 made up × 7) patients
        assertThat(compared).isEqualTo(5 * 5 * 40 * 7);
    }

    @Test
    void everyRegistryRecordsVerdictsAreScreenings() throws IOException {
        List<CompiledEligibility> trials = new ArrayList<>();
        for (String folder : List.of("ctgov", "registry")) {
            try (Stream<Path> files = Files.walk(Path.of("..", "fixtures", folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".xml"))
                        .sorted().toList()) {
                    for (ImportedRecord record : new RegistryImporter().read(Files.readAllBytes(file))) {
                        trials.add(new CriteriaCompiler(DICTIONARY).compile(record.protocol()));
                    }
                }
            }
        }
        assertThat(trials).hasSizeGreaterThan(90);
        List<PatientRecord> population = population(trials, 2, 2, 2);
        assertThat(compare(trials, population)).isEqualTo(trials.size() * population.size());
    }

    /** A criterion that refers to itself through another is unknown where Screening finds it so, in the same order. */
    @Test
    void criteriaReferringToEachOtherAreDecidedInScreeningsOrder() {
        CompiledEligibility seed = TrialFixtures.compiled(TrialFixtures.MESEMS_T);
        List<CompiledCriterion> inclusion = new ArrayList<>(seed.inclusion());
        CompiledCriterion first = inclusion.get(1);
        CompiledCriterion second = inclusion.get(2);
        inclusion.set(1, withRule(first, new AnyOf(List.of(first.rule(), new CriterionRef(second.id())))));
        inclusion.set(2, withRule(second, new AllOf(List.of(second.rule(), new CriterionRef(first.id()),
                new CriterionRef("X9")))));
        CompiledEligibility looped = new CompiledEligibility(seed.trial(), inclusion, seed.exclusion(),
                seed.alternatives());
        List<CompiledEligibility> trials = List.of(looped);
        assertThat(compare(trials, population(trials, 20, 4, 3))).isEqualTo(20 * 5);
    }

    private static CompiledCriterion withRule(CompiledCriterion c, Rule rule) {
        return new CompiledCriterion(c.id(), c.kind(), c.text(), rule, c.compilation(), c.measurable(), c.origin(),
                c.assumptions(), c.children());
    }

    /**
     * Populations of no patient and of whole words of 64, and alternatives that are empty or name a criterion the
     * trial lacks (unknown, as Screening has it).
     */
    @Test
    void populationsOfAnySizeAndOddGroupsOfAlternatives() {
        CompiledEligibility seed = TrialFixtures.compiled(TrialFixtures.MESEMS_T);
        List<List<String>> groups = new ArrayList<>(seed.alternatives());
        groups.add(List.of("X9", seed.inclusion().get(0).id()));
        CompiledEligibility odd = new CompiledEligibility(seed.trial(), seed.inclusion(), seed.exclusion(), groups);
        CompiledEligibility empty = new CompiledEligibility(seed.trial(), seed.inclusion(), seed.exclusion(),
                List.of(List.of()));
        List<PatientRecord> population = population(List.of(seed), 32, 3, 4);
        assertThat(population).hasSize(128);
        for (CompiledEligibility trial : List.of(seed, odd, empty)) {
            assertThat(compare(List.of(trial), population)).isEqualTo(128);
            assertThat(compare(List.of(trial), population.subList(0, 64))).isEqualTo(64);
            assertThat(compare(List.of(trial), List.of())).isZero();
        }
        PopulationVerdicts none = ScreeningProgram.compile(DICTIONARY, List.of(seed)).run(FactColumns.of(List.of(),
                DICTIONARY), DATE);
        assertThat(none.count(0)).containsEntry(PatientVerdict.ELIGIBLE, 0L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> none.verdict(0, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** For each trial, patients made up to be eligible and to fail one criterion, each also changed by chance. */
    private static List<PatientRecord> population(List<CompiledEligibility> trials, int perTrial, int changes,
            long seed) {
        List<PatientRecord> population = new ArrayList<>();
        PerturbedRecords perturbed = new PerturbedRecords(DICTIONARY, DATE, seed);
        for (int t = 0; t < trials.size(); t++) {
            CompiledEligibility trial = trials.get(t);
            PatientSynthesizer synthesizer = new PatientSynthesizer(DICTIONARY, trial, seed * 1000 + t);
            List<String> ids = trial.all().stream().map(CompiledCriterion::id).toList();
            for (int i = 0; i < perTrial; i++) {
                String id = trial.trial() + "-" + i;
                PatientRecord made = (i % 2 == 0 ? synthesizer.eligible(id, DATE)
                        : synthesizer.failing(id, DATE).patient()).toRecord(DICTIONARY);
                population.add(made);
                for (int k = 0; k < changes; k++) {
                    population.add(perturbed.perturb(made, id + "~" + k, ids));
                }
            }
        }
        return population;
    }

    /** Screens the population both ways and holds every verdict equal; returns the patient-trial pairs compared. */
    private static int compare(List<CompiledEligibility> trials, List<PatientRecord> population) {
        List<PatientFacts> facts = population.stream().map(p -> PatientFacts.of(p, DICTIONARY)).toList();
        PopulationVerdicts program = ScreeningProgram.compile(DICTIONARY, trials).run(FactColumns.of(facts,
                DICTIONARY), DATE);
        assertThat(program.trials()).isEqualTo(trials.stream().map(CompiledEligibility::trial).toList());
        int compared = 0;
        for (int t = 0; t < trials.size(); t++) {
            Screening screening = new Screening(DICTIONARY, trials.get(t));
            for (int p = 0; p < facts.size(); p++) {
                ScreeningResult expected = screening.screen(facts.get(p), DATE);
                String where = trials.get(t).trial() + " " + population.get(p).id();
                for (CriterionResult c : expected.criteria()) {
                    assertThat(program.criterion(t, c.id(), p)).as(where + " " + c.id() + " (" + c.reason() + ")")
                            .isEqualTo(c.verdict());
                }
                assertThat(program.verdict(t, p)).as(where).isEqualTo(expected.verdict());
                assertThat(program.failing(t, p)).as(where).isEqualTo(expected.failing());
                assertThat(program.open(t, p)).as(where).isEqualTo(expected.open());
                compared++;
            }
        }
        return compared;
    }
}
