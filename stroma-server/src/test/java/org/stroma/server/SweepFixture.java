package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.stroma.server.demo.DemoSetup;
import org.stroma.server.http.StromaServer;
import org.stroma.store.Database;
import org.stroma.store.study.StudyStore;
import org.stroma.store.user.UserStore;

/**
 * A running server with MESAMI2 at every stage a form or a route needs: S1 eligible, S2's screening left open, S3
 * enrolled, S4 randomized with a saved form, an open query, an adverse event and an emergency unblinding awaiting a
 * second person. The field sweeps spoil requests against it; nothing they send may change it.
 */
final class SweepFixture implements AutoCloseable {
    static final String PASSWORD = "sweep-test-password";
    static final String STUDY = "NCT02462330";
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));

    private final Database db;
    private final StromaServer server;
    private final String site;

    private SweepFixture(Database db, StromaServer server, String site) {
        this.db = db;
        this.server = server;
        this.site = site;
    }

    static SweepFixture open() throws Exception {
        Database db = Database.temporary();
        DemoSetup.run(new StudyStore(db), new UserStore(db), PASSWORD);
        SweepFixture f = new SweepFixture(db, StromaServer.start(Stroma.services(db, CLOCK), 0), new StudyStore(db)
                .sites(STUDY).get(0));
        Client coordinator = f.client("coordinator");
        f.screen(coordinator, "S1", true);
        f.screen(coordinator, "S2", false);
        for (String id : List.of("S3", "S4")) {
            f.screen(coordinator, id, true);
            ok(coordinator.post(subject(id) + "/consent", "{\"formVersion\":\"1\",\"signedAt\":\"" + CLOCK.instant()
                    + "\"}"));
            ok(coordinator.post(subject(id) + "/state", "{\"to\":\"enrolled\"}"));
        }
        ok(coordinator.post(subject("S4") + "/randomization", "{\"baselineWeightKg\":70}"));
        ok(coordinator.post(subject("S4") + "/forms/Baseline/vitals", "{\"version\":0,\"values\":{\"systolic_bp\":"
                + "\"128\",\"diastolic_bp\":\"78\",\"heart_rate\":\"150\",\"weight\":\"71\"}}"));
        ok(coordinator.post(subject("S4") + "/adverse-events", "{\"term\":\"headache\",\"grade\":1,\"causality\":"
                + "\"unlikely\",\"onset\":\"2026-06-01\"}"));
        ok(f.client("admin").post("/api/studies/" + STUDY + "/unblinding-rule",
                "{\"secondPerson\":true,\"current\":false}"));
        ok(f.client("investigator").post(subject("S4") + "/unblinding", "{\"reason\":\"anaphylaxis\",\"password\":\""
                + PASSWORD + "\"}"));
        return f;
    }

    StromaServer server() {
        return server;
    }

    String site() {
        return site;
    }

    Client client(String user) throws Exception {
        return new Client(server.port()).signIn(user, PASSWORD);
    }

    static JsonNode ok(Client.Reply r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        return r.json();
    }

    static String subject(String id) {
        return "/api/studies/" + STUDY + "/subjects/" + id;
    }

    void screen(Client c, String id, boolean answered) throws Exception {
        ok(c.post("/api/studies/" + STUDY + "/subjects", screening(c, id, answered).toString()));
    }

    /** A screening's body: a cardiac candidate's record, with the investigator's answers or without them. */
    ObjectNode screening(Client c, String id, boolean answered) throws Exception {
        ObjectNode body = Client.JSON.createObjectNode().put("subject", id).put("site", site);
        try (InputStream in = SweepFixture.class.getResourceAsStream("/demo/patients/cardiac-candidate.json")) {
            body.set("record", Client.JSON.readTree(in));
        }
        ObjectNode answers = body.putObject("answers");
        if (answered) {
            for (JsonNode q : c.get("/api/studies/" + STUDY + "/eligibility/questions").json()) {
                answers.put(q.get("id").asText(), q.get("id").asText().startsWith("I"));
            }
        }
        return body;
    }

    /** Everything stored, summed: any write moves it. */
    long stored() throws Exception {
        try (var c = db.connect(); var s = c.createStatement(); var r = s.executeQuery("SELECT (SELECT count(*) FROM"
                + " conduct_event) + (SELECT count(*) FROM audit_ledger) + (SELECT count(*) FROM membership)"
                + " + (SELECT count(*) FROM site) + (SELECT count(*) FROM study) + (SELECT count(*) FROM"
                + " protocol_version) + (SELECT count(*) FROM app_user)")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
