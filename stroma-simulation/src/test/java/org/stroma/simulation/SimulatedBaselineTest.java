package org.stroma.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.store.Database;
import org.stroma.store.EmbeddedDatabase;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.eligibility.rule.Interval;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.patient.AdministrativeSex;

/**
 * Simulated data a reader can believe: a baseline the eligibility criteria bound lies within their bounds (the subject
 * passed them), a subject has one weight (every visit's within a few percent of the randomization's), an angina class
 * stays the subject's own from visit to visit, and an ICD's shocks never outnumber its episodes.
 */
class SimulatedBaselineTest {
    private static final List<String> SEEDS = List.of("000_b4a57771c457638a", "001_1ab109ef512b8771",
            "002_70a1459048f6b63c", "003_4c6cadfb0611a693", "004_58ec9ded4b3b1533");
    private static EmbeddedDatabase server;
    private static int databases;

    @BeforeAll
    static void start() {
        server = EmbeddedDatabase.temporary();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Protocol protocol(String seed) throws Exception {
        return new RegistryImporter().read(Files.readAllBytes(TrialSimulationTest.SEEDS.resolve(seed + ".txt")))
                .get(0).protocol();
    }

    private static EligibilityBounds bounds(String seed) throws Exception {
        return EligibilityBounds.of(new CriteriaCompiler(ConceptDictionary.standard()).compile(protocol(seed)),
                ConceptDictionary.standard());
    }

    /** The bounds as the registry records write them, read by hand: what the simulation must keep to. */
    @Test
    void theBoundsAreThoseTheCriteriaWrite() throws Exception {
        // MESAMI2: "Left ventricular function ≤45%", "VO2 max ≤ 20 ml/min/kg", and the exclusion "LVEF >45%"; NYHA
        // II–IV "and/or" CCS III–IV bounds neither alone
        EligibilityBounds mesami2 = bounds("000_b4a57771c457638a");
        assertThat(mesami2.interval("vo2_peak")).isEqualTo(Interval.atMost(20));
        assertThat(mesami2.interval("lvef")).isEqualTo(Interval.atMost(45));
        assertThat(mesami2.interval("lvef_imaging")).isEqualTo(Interval.atMost(45));
        assertThat(mesami2.classes("nyha")).isNull();
        assertThat(mesami2.classes("ccs")).isNull();
        // MESEMS, Toulouse and Genova: "EDSS 3.0 to 6.5"
        assertThat(bounds("001_1ab109ef512b8771").interval("edss")).isEqualTo(Interval.between(3, 6.5));
        assertThat(bounds("004_58ec9ded4b3b1533").interval("edss")).isEqualTo(Interval.between(3, 6.5));
        // the UC-MSC trial: "non-ischemic dilated cardiomyopathy (NYHA Class III-IV)", "LVEF ≤ 35%"
        EligibilityBounds dcm = bounds("003_4c6cadfb0611a693");
        assertThat(dcm.classes("nyha")).containsExactly("III", "IV");
        assertThat(dcm.interval("lvef")).isEqualTo(Interval.atMost(35));
    }

    @Test
    void baselinesKeepToTheCriteriaAndEachSubjectHasOneWeight() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String seed : SEEDS) {
            EligibilityBounds bounds = bounds(seed);
            LockedTrial t;
            try (Database db = Database.fresh(server, "baseline_" + (++databases))) {
                t = TrialSimulation.run(db, seed + ".txt", Files.readAllBytes(TrialSimulationTest.SEEDS.resolve(seed
                        + ".txt")), SimulationSettings.of(4, 12), line -> { }).locked();
            }
            Map<String, Double> weights = new HashMap<>();
            t.subjects().stream().filter(s -> s.baselineWeightKg() != null).forEach(s -> weights.put(s.subject(),
                    s.baselineWeightKg()));
            assertThat(weights).as(seed).isNotEmpty();
            int bounded = 0;
            int weighed = 0;
            Map<String, String> lastCcs = new HashMap<>();
            for (LockedTrial.MeasurementRow m : t.measurements()) {
                String where = seed + " " + m.subject() + " " + m.visit() + " " + m.item() + " = " + m.value();
                if (m.visit().equals("Baseline")) {
                    Interval in = bounds.interval(m.item());
                    Set<String> classes = bounds.classes(m.item());
                    if (in != null) {
                        bounded++;
                        if (!in.contains(Double.parseDouble(m.value()))) {
                            problems.add(where + " outside " + in.ruleText());
                        }
                    }
                    if (classes != null) {
                        bounded++;
                        if (!classes.contains(m.value())) {
                            problems.add(where + " not among " + classes);
                        }
                    }
                }
                if (m.item().equals("weight") && weights.containsKey(m.subject())) {
                    weighed++;
                    double own = weights.get(m.subject());
                    if (Math.abs(Double.parseDouble(m.value()) - own) > own * 0.03) {
                        problems.add(where + " beside a randomization weight of " + own);
                    }
                }
                if (m.item().equals("ccs")) {
                    // a class moves a step at most from one visit to the next (the rows come visit by visit)
                    String before = lastCcs.put(m.subject(), m.value());
                    List<String> codes = List.of("0", "I", "II", "III", "IV");
                    if (before != null && Math.abs(codes.indexOf(before) - codes.indexOf(m.value())) > 1) {
                        problems.add(where + " after " + before);
                    }
                }
            }
            assertThat(weighed).as(seed + ": weights recorded on the forms").isPositive();
            System.out.println("SimulatedBaselineTest " + seed + ": bounds " + bounds.intervals() + " "
                    + bounds.allClasses() + "; " + bounded + " bounded baseline values");
            if (!seed.startsWith("002")) {
                // ACESO-IHD registers no outcome measure: its forms hold no item its criteria bound
                assertThat(bounded).as(seed + ": baseline values the criteria bound").isPositive();
            }
            icd(seed, t, problems);
            if (seed.startsWith("000")) {
                // ischaemic cardiomyopathy is mostly a disease of men, whatever the criteria say of pregnancy
                long men = t.subjects().stream().filter(s -> s.sex() == AdministrativeSex.MALE).count();
                assertThat(men).as("men screened for MESAMI2").isGreaterThan(t.subjects().size() / 2);
                // a believable baseline varies from subject to subject
                assertThat(t.measurements().stream().filter(m -> m.visit().equals("Baseline") && m.item().equals(
                        "vo2_peak")).map(LockedTrial.MeasurementRow::value).distinct().count()).isGreaterThan(3);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Each interrogation's shocks and pacing episodes are among its VT/VF episodes, which are few. */
    private static void icd(String seed, LockedTrial t, List<String> problems) {
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        for (LockedTrial.MeasurementRow m : t.measurements()) {
            if (m.form().equals("icd")) {
                forms.computeIfAbsent(m.subject() + "/" + m.visit(), k -> new HashMap<>()).put(m.item(),
                        Integer.parseInt(m.value()));
            }
        }
        int episodes = 0;
        for (Map.Entry<String, Map<String, Integer>> f : forms.entrySet()) {
            Map<String, Integer> v = f.getValue();
            episodes += v.get("vt_vf_episodes");
            if (v.get("shocks") + v.getOrDefault("atp_episodes", 0) > v.get("vt_vf_episodes")) {
                problems.add(seed + " " + f.getKey() + ": " + v);
            }
        }
        if (!forms.isEmpty() && episodes > forms.size()) {
            problems.add(seed + ": " + episodes + " VT/VF episodes over " + forms.size() + " interrogations");
        }
    }
}
