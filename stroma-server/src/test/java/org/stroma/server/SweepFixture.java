package org.stroma.server;

import static org.stroma.server.DemoServer.ok;
import static org.stroma.server.DemoServer.subject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.stroma.server.http.StromaServer;

/**
 * A running server with MESAMI2 at every stage a form or a route needs: S1 eligible, S2's screening left open, S3
 * enrolled, S4 randomized with a saved form, an open query, an adverse event and an emergency unblinding awaiting a
 * second person. The field sweeps spoil requests against it; nothing they send may change it.
 */
final class SweepFixture implements AutoCloseable {
    static final String PASSWORD = "sweep-test-password";
    static final String STUDY = DemoServer.STUDY;
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));

    private final DemoServer demo;
    private final String site;

    private SweepFixture(DemoServer demo, String site) {
        this.demo = demo;
        this.site = site;
    }

    static SweepFixture open() throws Exception {
        DemoServer demo = DemoServer.start(PASSWORD, CLOCK);
        SweepFixture f = new SweepFixture(demo, demo.sites().get(0));
        Client coordinator = f.client("coordinator");
        DemoServer.screen(coordinator, "S1", f.site, true);
        DemoServer.screen(coordinator, "S2", f.site, false);
        for (String id : List.of("S3", "S4")) {
            DemoServer.screen(coordinator, id, f.site, true);
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
        return demo.server();
    }

    DemoServer demo() {
        return demo;
    }

    String site() {
        return site;
    }

    Client client(String user) throws Exception {
        return demo.client(user);
    }

    /** A screening's body at the fixture's site. */
    ObjectNode screening(Client c, String id, boolean answered) throws Exception {
        return DemoServer.screening(c, id, site, answered);
    }

    /**
     * Everything stored, summed: any write moves it. A refusal the audit ledger keeps (a wrong password typed again)
     * changes nothing and is not counted.
     */
    long stored() throws Exception {
        return demo.count("SELECT (SELECT count(*) FROM conduct_event) + (SELECT count(*) FROM audit_ledger WHERE"
                + " action <> 'refuse')"
                + " + (SELECT count(*) FROM membership) + (SELECT count(*) FROM site) + (SELECT count(*) FROM study)"
                + " + (SELECT count(*) FROM protocol_version) + (SELECT count(*) FROM app_user)");
    }

    @Override
    public void close() {
        demo.close();
    }
}
