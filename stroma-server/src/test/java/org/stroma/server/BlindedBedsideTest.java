package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.server.DemoServer.ok;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At the bedside of a masked trial the blinded staff can learn nothing of the arm by what the server refuses. A subject
 * on cells and one on placebo of MESAMI2 have their products checked at the bedside on the same day; then the
 * coordinator and the investigator send each the same requests — the cells given (any number: one, none, the
 * protocol's), a volume, rate or route other than the protocol's, times that cannot be, a label that is not the one,
 * the lab's steps — and every answer, status and body, must be the same for both once the ids are set aside. No
 * administration that states the cells is taken; one that is taken (in the end, the proper one) is taken for both.
 */
class BlindedBedsideTest {
    static final String PASSWORD = "bedside-test-password";
    static final String STUDY = DemoServer.STUDY;
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private static DemoServer demo;
    /** A subject on each arm: the placebo's ("A") first. */
    private static final Map<String, String> byArm = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(PASSWORD, CLOCK);
        String site = demo.sites().get(0);
        Client coordinator = demo.client("coordinator");
        Client lab = demo.client("celllab");
        for (int i = 1; byArm.size() < 2; i++) {
            assertThat(i).as("subjects randomized before both arms were drawn").isLessThan(20);
            String id = "B" + i;
            DemoServer.screen(coordinator, id, site, true);
            ok(coordinator.post(DemoServer.subject(id) + "/consent", "{\"formVersion\":\"1\",\"signedAt\":\""
                    + CLOCK.instant() + "\"}"));
            ok(coordinator.post(DemoServer.subject(id) + "/state", "{\"to\":\"enrolled\"}"));
            ok(coordinator.post(DemoServer.subject(id) + "/randomization", "{\"baselineWeightKg\":72}"));
            byArm.putIfAbsent(lab.get(DemoServer.subject(id)).json().at("/subject/group").asText(), id);
        }
        // the day planned for the administrations
        CLOCK.set(Instant.parse("2026-06-23T11:00:00Z"));
        for (Map.Entry<String, String> e : byArm.entrySet()) {
            DemoServer.toTheBedside(demo.client("celllab"), demo.client("coordinator"), e.getValue(), e.getKey()
                    .equals("A"), site);
        }
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** What the bedside may try, in order; the proper administration last. */
    private static List<String> attempts(String din) {
        String times = "\"start\":\"2026-06-23T10:00:00Z\",\"stop\":\"2026-06-23T10:10:00Z\"";
        String given = "\"type\":\"Administered\"," + times + ",\"given\":{\"volumeMl\":20,\"minutes\":10,";
        List<String> attempts = new ArrayList<>();
        for (String cells : List.of("1", "0", "6e7", "2e8", "\"60000000\"", "-1")) {
            attempts.add("{" + given + "\"cells\":" + cells + "}}");
        }
        attempts.add("{" + given + "\"cells\":1,\"route\":\"nowhere\"}}");
        attempts.add("{\"type\":\"Administered\"," + times + ",\"given\":{\"cells\":6e7}}");
        attempts.add("{" + given + "\"route\":\"intravenous\"}}");
        attempts.add("{\"type\":\"Administered\",\"start\":\"2026-06-23T10:10:00Z\",\"stop\":\"2026-06-23T10:00:00Z\","
                + "\"given\":{\"volumeMl\":20}}");
        attempts.add("{\"type\":\"Administered\",\"start\":\"2026-05-01T10:00:00Z\",\"stop\":\"2026-05-01T10:10:00Z\","
                + "\"given\":{\"volumeMl\":20}}");
        attempts.add("{\"type\":\"Administered\",\"start\":\"2026-06-30T10:00:00Z\",\"stop\":\"2026-06-30T10:10:00Z\","
                + "\"given\":{\"volumeMl\":20}}");
        attempts.add("{\"type\":\"BedsideVerified\",\"patientScanned\":\"B1\",\"labelScanned\":\"" + din + "\"}");
        attempts.add("{\"type\":\"BedsideVerified\",\"patientScanned\":\"SUBJECT\",\"labelScanned\":\"S0001 26 999999"
                + " 00 X\"}");
        attempts.add("{\"type\":\"PlaceboPrepared\",\"composition\":\"albumin\"}");
        attempts.add("{\"type\":\"Harvested\",\"cells\":2e8}");
        attempts.add("{\"type\":\"Released\"}");
        attempts.add("{\"type\":\"Administered\"," + times + ",\"given\":{\"volumeMl\":0.5,\"minutes\":10}}");
        attempts.add("{\"type\":\"Administered\"," + times + ",\"given\":{\"volumeMl\":20,\"minutes\":0.1}}");
        attempts.add("{\"type\":\"Administered\"," + times + ",\"given\":{\"volumeMl\":4000,\"minutes\":10}}");
        // the proper administration, with what a blinded person might add: taken or refused alike
        attempts.add("{" + given + "\"route\":\"INTRAMYOCARDIAL\",\"kind\":\"PLACEBO\"},\"arm\":\"A\"}");
        attempts.add("{" + given + "\"route\":\"INTRAMYOCARDIAL\"}}");
        return attempts;
    }

    @Test
    void everyRefusalAtTheBedsideReadsAlikeForCellsAndPlaceboAndTheRightStepIsTakenForBoth() throws Exception {
        String placebo = byArm.get("A");
        String cells = byArm.get("B");
        List<String> differ = new ArrayList<>();
        int refused = 0;
        List<String> taken = new ArrayList<>();
        for (String user : List.of("investigator", "coordinator")) {
            Client c = demo.client(user);
            for (String attempt : attempts("DIN")) {
                Client.Reply onPlacebo = DemoServer.step(c, placebo, withIds(attempt, placebo));
                Client.Reply onCells = DemoServer.step(c, cells, withIds(attempt, cells));
                if (onPlacebo.status() >= 400) {
                    refused++;
                } else if (attempt.contains("\"cells\"")) {
                    // the cells are never the bedside's to state, whatever the number
                    taken.add(user + " " + attempt + " → " + onPlacebo.status() + " " + onPlacebo.body());
                }
                String a = onPlacebo.status() + " " + anonymous(onPlacebo.body(), placebo);
                String b = onCells.status() + " " + anonymous(onCells.body(), cells);
                if (!a.equals(b)) {
                    differ.add(user + " " + attempt + "\n    placebo: " + a + "\n    cells:   " + b);
                }
            }
        }
        assertThat(differ).as("answers that tell the arm").isEmpty();
        assertThat(taken).as("administrations taken though they state the cells").isEmpty();
        assertThat(refused).as("refusals compared").isGreaterThan(30);
        // the proper administration was taken for both, by the first to send it
        for (String id : byArm.values()) {
            assertThat(demo.client("coordinator").get(DemoServer.subject(id)).json().at("/products/0/status")
                    .asText()).isEqualTo("administered");
        }
    }

    /** An attempt for a subject: its id, and its own label's number where the attempt scans the right one. */
    private static String withIds(String attempt, String subject) throws Exception {
        return attempt.replace("\"SUBJECT\"", "\"" + subject + "\"").replace("\"B1\"", "\"" + subject + "\"")
                .replace("\"DIN\"", "\"" + DemoServer.donationNumber(demo.client("celllab"), subject) + "\"");
    }

    private static String anonymous(String body, String subject) {
        return ServerWalkTest.anonymous(body, subject);
    }
}
