package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.server.DemoServer.ok;
import static org.stroma.server.DemoServer.step;
import static org.stroma.server.DemoServer.subject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A product's chain of identity on the running server, MESAMI2 (masked): the product page with its donation number and
 * check character, the custody ledger for those who read it and nobody else, the blinded page of a placebo the same as
 * that of cells, the printable label; a shipment imported from its temperature logger's file, whose excursion becomes a
 * protocol deviation and stops the bedside check, and a logger's file that cannot be read refused with its line.
 */
class ChainOfIdentityTest {
    static final String PASSWORD = "chain-test-password";
    static final String STUDY = DemoServer.STUDY;
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private static DemoServer demo;
    private static final Map<String, String> groups = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(PASSWORD, CLOCK);
        Client coordinator = demo.client("coordinator");
        for (String id : List.of("S1", "S2", "S3", "S4")) {
            DemoServer.randomized(coordinator, id, demo.sites().get(0), CLOCK.instant());
            groups.put(id, demo.client("celllab").get(subject(id)).json().at("/subject/group").asText());
        }
        CLOCK.set(Instant.parse("2026-06-23T05:30:00Z"));
        Client lab = demo.client("celllab");
        for (String id : List.of("S1", "S2", "S3")) {
            DemoServer.labelled(lab, id, groups.get(id).equals("A")); // A: the placebo
        }
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** A Shipped step whose readings come from a logger's file. */
    static String shipment(String csv) {
        ObjectNode body = Client.JSON.createObjectNode().put("type", "Shipped").put("to", "the site")
                .put("at", "2026-06-23T05:00:00Z");
        body.putObject("temperatures").put("loggerCsv", csv).put("minCelsius", 2).put("maxCelsius", 8);
        return body.toString();
    }

    @Test
    void aShipmentOutOfItsRangeFromTheLoggersFileIsADeviationAndStopsTheBedside() throws Exception {
        Client lab = demo.client("celllab");
        long events = demo.count("SELECT count(*) FROM conduct_event");
        Client.Reply unreadable = step(lab, "S3", shipment("Timestamp;Temperature\n2026-06-23T05:00Z;4,8\n"
                + "2026-06-23T05:30Z;chaud\n"));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("field").asText()).isEqualTo("temperatures.loggerCsv");
        assertThat(unreadable.json().get("error").asText()).contains("line 3, column Temperature: 'chaud' is not a"
                + " temperature");
        assertThat(demo.count("SELECT count(*) FROM conduct_event")).isEqualTo(events);
        ok(step(lab, "S3", shipment("Timestamp;Temperature\n2026-06-23T05:00Z;4,8\n2026-06-23T05:20Z;9,6\n")));
        String page = demo.client("investigator").get("/studies/" + STUDY + "/subjects/S3").body();
        assertThat(page).contains("Deviations", "product S3-P1: the shipment left its temperature range, 1 reading"
                + " outside 2–8 °C");
        Client.Reply bedside = step(demo.client("investigator"), "S3", "{\"type\":\"BedsideVerified\","
                + "\"patientScanned\":\"S3\",\"labelScanned\":\"" + DemoServer.donationNumber(lab, "S3") + "\"}");
        assertThat(bedside.body()).contains("the shipment left its temperature range", "do not administer");
    }

    @Test
    void theProductPageShowsTheChainToEachAsTheyMaySeeItAndItsLabelPrints() throws Exception {
        Client lab = demo.client("celllab");
        String csv = "time,temperature\n2026-06-23T05:00:00Z,5.0\n2026-06-23T05:20:00Z,5.5\n";
        for (String id : List.of("S1", "S2")) {
            ok(step(lab, id, shipment(csv)));
        }
        String labs = lab.get("/studies/" + STUDY + "/products/S1-P1").body();
        assertThat(labs).contains("id=\"din\">S0001 26 000001 00", "check character", "Custody ledger",
                "collected");
        Client investigator = demo.client("investigator");
        String a = investigator.get("/studies/" + STUDY + "/products/S1-P1").body();
        String b = investigator.get("/studies/" + STUDY + "/products/S2-P1").body();
        assertThat(a).contains("S0001 26 000001 00", "ready at the site").doesNotContain("Custody ledger",
                "culture started", "placebo prepared");
        // a placebo's page and that of cells read alike, once what names them (ids, numbers, times) is set aside
        String number = "\\(facility S0001, year 26, sequence \\d+, flags 00, check character .\\)";
        assertThat(ServerWalkTest.anonymous(a, "S1").replaceAll(number, "(DIN)")).isEqualTo(ServerWalkTest
                .anonymous(b, "S2").replaceAll(number, "(DIN)"));
        String label = investigator.get("/studies/" + STUDY + "/products/S1-P1/label").body();
        assertThat(label).contains("class=\"label\"", "S0001 26 000001 00", "subject S1", "store at 2–8 °C");
        Client.Reply none = investigator.get("/studies/" + STUDY + "/products/S4-P1/label");
        assertThat(none.status()).isEqualTo(409);
        assertThat(investigator.get("/studies/" + STUDY + "/products/S9-P1").status()).isEqualTo(404);
    }
}
