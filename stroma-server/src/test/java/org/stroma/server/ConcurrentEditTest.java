package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.server.DemoServer.ok;
import static org.stroma.server.DemoServer.subject;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No edit is lost, on the running server: two people edit the same thing from the same copy, and the second is told
 * who changed it and when instead of silently undoing the first — a heart rate corrected from 150 to 95 and signed is
 * not saved again as 150 from a stale copy, voiding the signature and re-opening the query.
 */
class ConcurrentEditTest {
    static final String PASSWORD = "edit-test-password";
    static final String STUDY = DemoServer.STUDY;
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(PASSWORD, CLOCK);
        String site = demo.sites().get(0);
        Client coordinator = demo.client("coordinator");
        for (String id : List.of("S1", "S2", "S3")) {
            DemoServer.randomized(coordinator, id, site, CLOCK.instant());
        }
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static String vitals(String id) {
        return subject(id) + "/forms/Baseline/vitals";
    }

    static String heartRate(int rate, int version, String reason) {
        return "{\"version\":" + version + ",\"values\":{\"systolic_bp\":\"128\",\"diastolic_bp\":\"78\","
                + "\"heart_rate\":\"" + rate + "\",\"weight\":\"71.5\"}" + (reason == null ? "" : ",\"reason\":\""
                + reason + "\"") + "}";
    }

    @Test
    void aSaveFromAStaleCopyIsRefusedNamingWhoChangedItAndNothingIsUndone() throws Exception {
        Client coordinator = demo.client("coordinator");
        Client investigator = demo.client("investigator");
        // version 1: a heart rate of 150, kept with a query
        JsonNode first = ok(coordinator.post(vitals("S1"), heartRate(150, 0, null)));
        assertThat(first.at("/opened/0/item").asText()).isEqualTo("heart_rate");
        // the investigator corrects it to 95 from version 1 and signs version 2
        CLOCK.set(Instant.parse("2026-06-01T09:10:00Z"));
        ok(investigator.post(vitals("S1"), heartRate(95, 1, "misread: 95 on the ECG")));
        ok(investigator.post(vitals("S1") + "/signature", "{\"password\":\"" + PASSWORD + "\",\"meaning\":"
                + "\"reviewed\",\"version\":2}"));
        long events = demo.count("SELECT count(*) FROM conduct_event");
        // the coordinator, still on version 1, saves 150 again: refused, naming the investigator and the time
        Client.Reply stale = coordinator.post(vitals("S1"), heartRate(150, 1, "as measured"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("field").asText()).isEqualTo("version");
        assertThat(stale.json().get("error").asText()).contains("changed by investigator at 2026-06-01 09:10 UTC",
                "version 2");
        // nothing changed: 95 stands, the signature holds, no query re-opened
        assertThat(demo.count("SELECT count(*) FROM conduct_event")).isEqualTo(events);
        JsonNode form = coordinator.get(vitals("S1")).json();
        assertThat(form.at("/values/heart_rate").asText()).isEqualTo("95");
        assertThat(form.at("/versions").size()).isEqualTo(2);
        assertThat(form.at("/signatures/0/voidedAt").isNull()).isTrue();
        assertThat(form.at("/queries").size()).isEqualTo(1);
        // a signature of a version that is no longer the latest is refused too
        assertThat(investigator.post(vitals("S1") + "/signature", "{\"password\":\"" + PASSWORD + "\",\"meaning\":"
                + "\"approved\",\"version\":1}").status()).isEqualTo(409);
    }

    @Test
    void theFormPageKeepsWhatThePersonTypedWhenItsSaveIsRefused() throws Exception {
        Client coordinator = demo.client("coordinator");
        ok(coordinator.post(vitals("S2"), heartRate(80, 0, null)));
        ok(demo.client("investigator").post(vitals("S2"), heartRate(82, 1, "second reading")));
        // the page's form, posted from version 1 with the coordinator's 88
        String page = "/studies/" + STUDY + "/subjects/S2/forms/Baseline/vitals";
        Client.Reply refused = coordinator.postForm(page, "version=1&systolic_bp=128&diastolic_bp=78&heart_rate=88"
                + "&weight=71.5&reason=recounted");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("role=\"alert\"", "changed by investigator")
                .contains("id=\"item-heart_rate\" name=\"heart_rate\" inputmode=\"decimal\" value=\"88\"")
                .contains("value=\"recounted\"");
        assertThat(coordinator.get(vitals("S2")).json().at("/values/heart_rate").asText()).isEqualTo("82");
    }

    @Test
    void ofTwoSavesMadeAtOnceFromOneVersionExactlyOneIsKept() throws Exception {
        Client coordinator = demo.client("coordinator");
        Client investigator = demo.client("investigator");
        ok(coordinator.post(vitals("S3"), heartRate(70, 0, null)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Client.Reply>> saves = List.of(
                    () -> coordinator.post(vitals("S3"), heartRate(71, 1, "recounted")),
                    () -> investigator.post(vitals("S3"), heartRate(72, 1, "rechecked")));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Client.Reply> f : pool.invokeAll(saves)) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(coordinator.get(vitals("S3")).json().at("/versions").size()).isEqualTo(2);
    }

    @Test
    void anEditCheckDoesNotAskAgainWhatAnOpenQueryAsksAndNeitherDoesAMonitor() throws Exception {
        Client coordinator = demo.client("coordinator");
        String echo = "/api/studies/" + STUDY + "/subjects/S1/forms/Baseline/echo";
        ok(coordinator.post(echo, "{\"version\":0,\"values\":{\"lvef\":\"12\"}}"));
        // the same surprising value, saved again with another item changed: the open query is not asked twice
        JsonNode again = ok(coordinator.post(echo, "{\"version\":1,\"values\":{\"lvef\":\"12\",\"lvedv\":\"190\"},"
                + "\"reason\":\"volume added\"}"));
        assertThat(again.get("opened").size()).isZero();
        assertThat(again.at("/form/queries").size()).isEqualTo(1);
        String text = again.at("/form/queries/0/text").asText();
        Client.Reply twice = demo.client("monitor").post(echo + "/queries", "{\"item\":\"lvef\",\"text\":\"" + text
                + "\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("error").asText()).contains("already asks this");
    }

    @Test
    void queriesAdverseEventsAndProductsRefuseStaleVersionsToo() throws Exception {
        Client coordinator = demo.client("coordinator");
        Client monitor = demo.client("monitor");
        // a query answered from the step the person saw, then closed by the monitor from a stale one
        String form = "/api/studies/" + STUDY + "/subjects/S2/forms/Baseline/echo";
        ok(coordinator.post(form, "{\"version\":0,\"values\":{\"lvef\":\"55\"}}"));
        String query = "/api/studies/" + STUDY + "/queries/" + ok(monitor.post(form + "/queries",
                "{\"item\":\"lvef\",\"text\":\"please attach the report\"}")).get("id").asText();
        ok(coordinator.post(query, "{\"action\":\"answer\",\"text\":\"attached\",\"version\":1}"));
        Client.Reply staleClose = monitor.post(query, "{\"action\":\"close\",\"text\":\"ok\",\"version\":1}");
        assertThat(staleClose.status()).isEqualTo(409);
        assertThat(staleClose.json().get("error").asText()).contains("changed by coordinator");
        // an adverse event followed up from the first report, after someone else followed it up
        String events = "/api/studies/" + STUDY + "/subjects/S2/adverse-events";
        String ae = ok(coordinator.post(events, "{\"term\":\"headache\",\"grade\":1,\"causality\":\"unlikely\","
                + "\"onset\":\"2026-06-01\"}")).at("/event/id").asText();
        ok(demo.client("investigator").post(events, "{\"id\":\"" + ae + "\",\"version\":1,\"term\":\"headache\","
                + "\"grade\":2,\"causality\":\"unlikely\",\"onset\":\"2026-06-01\"}"));
        Client.Reply staleFollowUp = coordinator.post(events, "{\"id\":\"" + ae + "\",\"version\":1,\"term\":"
                + "\"headache\",\"grade\":1,\"causality\":\"unlikely\",\"onset\":\"2026-06-01\",\"outcome\":"
                + "\"recovered\"}");
        assertThat(staleFollowUp.status()).isEqualTo(409);
        assertThat(staleFollowUp.json().get("error").asText()).contains("changed by investigator");
        // a product step recorded from a view of the product that has changed since
        Client lab = demo.client("celllab");
        JsonNode product = lab.get("/api/studies/" + STUDY + "/subjects/S3").json().at("/products/0");
        String steps = "/api/studies/" + STUDY + "/products/" + product.get("product").asText() + "/steps";
        String seen = product.get("version").asText();
        ok(lab.post(steps, "{\"version\":\"" + seen + "\",\"type\":\"Collected\",\"donor\":\"S3\",\"tissue\":"
                + "\"bone marrow\",\"volumeMl\":80}"));
        Client.Reply staleStep = lab.post(steps, "{\"version\":\"" + seen + "\",\"type\":\"ReceivedAtLab\"}");
        assertThat(staleStep.status()).isEqualTo(409);
        assertThat(staleStep.json().get("field").asText()).isEqualTo("version");
        // and a step that names no version at all is refused, saying why
        Client.Reply none = lab.post(steps, "{\"type\":\"ReceivedAtLab\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("field").asText()).isEqualTo("version");
    }

}
