package org.stroma.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stroma.report.TrialReport;
import org.stroma.server.app.RequestException;
import org.stroma.store.Database;
import org.stroma.trial.lock.ProductOutcome;
import org.stroma.trial.plan.Endpoint;

/**
 * Each seed trial run end to end on made-up patients, through the services and the store, with a fixed seed: every
 * stage happens, the store holds exactly what the services did (one audit row per conduct event), the locked data
 * matches the counts, and both reports hold every section.
 */
class TrialSimulationTest {
    static final Path SEEDS = Path.of("..", "fixtures", "seeds");

    @ParameterizedTest
    @ValueSource(strings = {"000_b4a57771c457638a", "001_1ab109ef512b8771", "002_70a1459048f6b63c",
        "003_4c6cadfb0611a693", "004_58ec9ded4b3b1533"})
    void aSeedRunsFromScreeningToTheLastVisit(String seed) throws Exception {
        List<String> said = new ArrayList<>();
        try (Database db = Database.temporary()) {
            // MESAMI2's run has serious events often enough for its report's major adverse cardiac events
            SimulationSettings usual = SimulationSettings.of(1, 12);
            SimulationSettings settings = !seed.startsWith("000") ? usual : new SimulationSettings(usual.seed(),
                    usual.allocationSeed(), usual.patients(), usual.eligibleShare(), usual.declineShare(),
                    usual.releaseFailureShare(), usual.lateCultureShare(), usual.missedVisitShare(), usual.lostShare(),
                    usual.adverseEventsPerSubject(), 0.5, usual.treatmentEffect());
            SimulationResult r = TrialSimulation.run(db, seed + ".txt", Files.readAllBytes(SEEDS.resolve(seed
                    + ".txt")), settings, said::add);
            SimulationResult.Counts c = r.counts();
            System.out.println(seed + ": " + c.describe());
            assertThat(c.screened).isEqualTo(12);
            assertThat(c.randomized).isPositive();
            assertThat(c.treated).isPositive();
            assertThat(c.visits).isPositive();
            assertThat(c.completed).isPositive();
            assertThat(c.forms).isGreaterThan(c.randomized);
            if (seed.startsWith("001") || seed.startsWith("004")) {
                // MESEMS is a crossover: those who complete have had a product in each period
                assertThat(c.administered).isGreaterThanOrEqualTo(c.treated + c.completed - c.lost);
            }
            assertThat(r.locked().subjects()).hasSize(12);
            assertThat(r.locked().subjects().stream().filter(x -> x.group() != null).count()).isEqualTo(c.randomized);
            assertThat(r.locked().measurements()).isNotEmpty();
            assertThat(r.locked().products().stream().filter(p -> p.outcome() == ProductOutcome.ADMINISTERED).count())
                    .isEqualTo(c.administered);
            assertThat(r.locked().adverseEvents()).hasSize(c.adverseEvents);
            // its analyses lead with the primary endpoint of the plan the statistician signed and the lock froze, at
            // its registered time, by its prespecified method, with an estimate
            assertThat(r.plan().version()).as(seed).isEqualTo(1);
            Endpoint primary = r.plan().primary().get(0);
            String unblinded = TrialReport.html(r.locked(), r.plan(), false, "simulated");
            String plan = unblinded.substring(unblinded.indexOf("<section id=\"plan\""), unblinded.indexOf(
                    "<section id=\"baseline\""));
            assertThat(plan).contains("Version 1 of the analysis plan, as the statistician signed it and the lock"
                    + " froze it");
            String first = plan.substring(plan.indexOf("<tr><td>") + "<tr><td>".length());
            List<String> cells = List.of(first.substring(0, first.indexOf("</td></tr>")).split("</td><td>"));
            assertThat(cells.get(0)).as(seed).isEqualTo(primary.id());
            assertThat(cells.get(2)).isEqualTo(primary.timePoints().isEmpty() ? "—" : String.join(", ",
                    primary.timePoints().stream().map(Object::toString).toList()));
            assertThat(cells.get(3)).isEqualTo(primary.method().label());
            assertThat(cells.get(5)).as(seed + " " + cells).isNotEqualTo("—");
            if (seed.startsWith("001") || seed.startsWith("004")) {
                // a crossover's safety endpoint is compared within subjects, the period allowed for
                assertThat(cells.get(8)).contains("Mainland–Gart");
            }
            if (seed.startsWith("003")) {
                // a single group's measured endpoints: the change from baseline at the registered time
                assertThat(plan).contains("<td>mean change from baseline: ");
            }
            // its reports hold every section, and the blinded one pools every figure
            for (boolean blinded : new boolean[] {false, true}) {
                String report = TrialReport.html(r.locked(), blinded, "simulated");
                TrialReport.SECTIONS.forEach(section -> assertThat(report).as(seed + " " + section)
                        .contains("<section id=\"" + section + "\""));
                assertThat(report).contains("<svg");
                if (seed.startsWith("001") || seed.startsWith("004")) {
                    assertThat(report).contains("Period 1 → washout → period 2"); // CONSORT's crossover variant
                }
                if (seed.startsWith("000")) {
                    // MESAMI2's serious events are major adverse cardiac events, with the time to the first of them
                    assertThat(c.seriousAdverseEvents).isPositive();
                    assertThat(report).contains("Major adverse cardiac events", "Free of a major adverse cardiac"
                            + " event");
                }
            }
            assertThat(count(db, "SELECT count(*) FROM audit_ledger WHERE entity LIKE 'conduct %' AND action <>"
                    + " 'refuse'")).isEqualTo(count(db, "SELECT count(*) FROM conduct_event"));
            // a release the specification refuses changes nothing, but the attempt stays on record
            assertThat(count(db, "SELECT count(*) FROM audit_ledger WHERE action = 'refuse'"))
                    .isEqualTo(c.manufacturingFailures);
        }
        assertThat(said).anyMatch(l -> l.startsWith("done:")).last().asString().startsWith("locked:");
    }

    /**
     * The registry records among the fixtures, none of them a seed: each runs end to end with a few patients, or is
     * refused with the reason it cannot run (a record without arms); no other failure.
     */
    @Test
    void registryRecordsRunOrSayWhyNot() throws Exception {
        List<Path> records;
        try (var files = Files.walk(Path.of("..", "fixtures", "ctgov"))) {
            records = files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json")
                    || f.toString().endsWith(".xml")).sorted().toList();
        }
        int ran = 0;
        for (Path record : records) {
            try (Database db = Database.temporary()) {
                SimulationResult r = TrialSimulation.run(db, record.getFileName().toString(), Files.readAllBytes(
                        record), SimulationSettings.of(5, 6), line -> { });
                assertThat(r.counts().screened).as(record.toString()).isEqualTo(6);
                assertThat(TrialReport.html(r.locked(), false, "sweep")).contains("<section id=\"safety\"");
                ran++;
            } catch (RequestException | SimulationException refused) {
                assertThat(refused.getMessage()).as(record.toString()).contains("cannot be");
            }
        }
        System.out.println("TrialSimulationTest: " + ran + " of " + records.size() + " fixture records simulated");
        assertThat(ran).isGreaterThanOrEqualTo(records.size() - 2);
    }

    static long count(Database db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
