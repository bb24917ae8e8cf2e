package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.stroma.server.demo.DemoSetup;
import org.stroma.server.http.StromaServer;
import org.stroma.store.Database;
import org.stroma.store.study.StudyStore;
import org.stroma.store.user.UserStore;

/**
 * Stroma as the demo sets it up (the five reference trials, an account per role with one password), served on an
 * embedded database of its own and a clock the test moves: the server tests work through it as people do, by the API
 * and the pages.
 */
final class DemoServer implements AutoCloseable {
    /** MESAMI2, masked for the participant and the investigator, at French sites: the study the tests work on. */
    static final String STUDY = "NCT02462330";
    private final Database db;
    private final StromaServer server;
    private final String password;

    private DemoServer(Database db, StromaServer server, String password) {
        this.db = db;
        this.server = server;
        this.password = password;
    }

    static DemoServer start(String password, Clock clock) throws Exception {
        Database db = Database.temporary();
        DemoSetup.run(new StudyStore(db), new UserStore(db), password);
        return new DemoServer(db, StromaServer.start(Stroma.services(db, clock), 0), password);
    }

    Database db() {
        return db;
    }

    StromaServer server() {
        return server;
    }

    /** A person signed in. */
    Client client(String user) throws Exception {
        return new Client(server.port()).signIn(user, password);
    }

    /** The study's sites, in the registry's order. */
    List<String> sites() throws SQLException {
        return new StudyStore(db).sites(STUDY);
    }

    /** A count the database gives. */
    long count(String sql) throws SQLException {
        try (var c = db.connect(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A screening's body: the demo's cardiac candidate at a site, with the investigator's answers or without them. */
    static ObjectNode screening(Client c, String id, String site, boolean answered) throws Exception {
        ObjectNode body = Client.JSON.createObjectNode().put("subject", id).put("site", site);
        try (InputStream in = DemoServer.class.getResourceAsStream("/demo/patients/cardiac-candidate.json")) {
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

    /** Screens the cardiac candidate; the screening as the API answers it. */
    static JsonNode screen(Client c, String id, String site, boolean answered) throws Exception {
        Client.Reply r = c.post("/api/studies/" + STUDY + "/subjects", screening(c, id, site, answered).toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A reply that must be a success, and what it says. */
    static JsonNode ok(Client.Reply r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        return r.json();
    }

    static String subject(String id) {
        return "/api/studies/" + STUDY + "/subjects/" + id;
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
