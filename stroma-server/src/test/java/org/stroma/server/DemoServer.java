package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
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
public final class DemoServer implements AutoCloseable {
    /** MESAMI2, masked for the participant and the investigator, at French sites: the study the tests work on. */
    public static final String STUDY = "NCT02462330";
    private final Database db;
    private final StromaServer server;
    private final String password;

    private DemoServer(Database db, StromaServer server, String password) {
        this.db = db;
        this.server = server;
        this.password = password;
    }

    public static DemoServer start(String password, Clock clock) throws Exception {
        Database db = Database.temporary();
        DemoSetup.run(new StudyStore(db), new UserStore(db), password);
        return new DemoServer(db, StromaServer.start(Stroma.services(db, clock), 0), password);
    }

    Database db() {
        return db;
    }

    public StromaServer server() {
        return server;
    }

    /** A person signed in. */
    public Client client(String user) throws Exception {
        return new Client(server.port()).signIn(user, password);
    }

    /** The study's sites, in the registry's order. */
    public List<String> sites() throws SQLException {
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
    public static JsonNode screen(Client c, String id, String site, boolean answered) throws Exception {
        Client.Reply r = c.post("/api/studies/" + STUDY + "/subjects", screening(c, id, site, answered).toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /**
     * Screens the cardiac candidate at a site and takes them through consent (signed at {@code consented}) and
     * enrolment to the randomization, at 72 kg.
     */
    public static void randomized(Client c, String id, String site, Instant consented) throws Exception {
        screen(c, id, site, true);
        ok(c.post(subject(id) + "/consent", "{\"formVersion\":\"1\",\"signedAt\":\"" + consented + "\"}"));
        ok(c.post(subject(id) + "/state", "{\"to\":\"enrolled\"}"));
        ok(c.post(subject(id) + "/randomization", "{\"baselineWeightKg\": 72}"));
    }

    /** A reply that must be a success, and what it says. */
    public static JsonNode ok(Client.Reply r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        return r.json();
    }

    /** Records a product step from the product's version as this person sees it, as the subject page does. */
    public static Client.Reply step(Client c, String subject, String json) throws Exception {
        JsonNode product = c.get(subject(subject)).json().at("/products/0");
        return c.post("/api/studies/" + STUDY + "/products/" + product.get("product").asText() + "/steps",
                "{\"version\":\"" + product.get("version").asText() + "\"," + json.substring(1));
    }

    /**
     * A MESAMI2 subject's product made by the lab, from the collection on 2 June to the shipment on 23 June, and checked
     * at the bedside on 23 June (the day planned for its administration: the clock must be there): the same days for
     * cells and placebo, so that only the arm tells them apart. The number on the label is the subject's.
     */
    static void toTheBedside(Client lab, Client site, String id, boolean placebo, String at) throws Exception {
        labelled(lab, id, placebo);
        ok(step(lab, id, "{\"type\":\"Shipped\",\"to\":\"" + at + "\",\"temperatures\":{\"readings\":[{\"at\":"
                + "\"2026-06-23T06:00:00Z\",\"celsius\":5}],\"minCelsius\":2,\"maxCelsius\":8},"
                + "\"at\":\"2026-06-23T05:00:00Z\"}"));
        ok(step(site, id, "{\"type\":\"BedsideVerified\",\"patientScanned\":\"" + id + "\",\"labelScanned\":\""
                + donationNumber(lab, id) + "\",\"at\":\"2026-06-23T09:00:00Z\"}"));
    }

    /**
     * A MESAMI2 subject's product made by the lab from the collection on 2 June to its label on 20 June, the same days
     * for cells and placebo; the number on the label is the subject's.
     */
    public static void labelled(Client lab, String id, boolean placebo) throws Exception {
        ok(step(lab, id, "{\"type\":\"Collected\",\"donor\":\"" + id + "\",\"tissue\":\"bone marrow\",\"volumeMl\":80,"
                + "\"at\":\"2026-06-02T08:00:00Z\"}"));
        ok(step(lab, id, "{\"type\":\"ReceivedAtLab\",\"at\":\"2026-06-02T12:00:00Z\"}"));
        if (placebo) {
            ok(step(lab, id, "{\"type\":\"PlaceboPrepared\",\"composition\":\"albumin 4 %\","
                    + "\"at\":\"2026-06-19T09:00:00Z\"}"));
            ok(step(lab, id, "{\"type\":\"Tested\",\"results\":{\"sterility\":\"NEGATIVE\",\"mycoplasma\":"
                    + "\"NEGATIVE\",\"endotoxinEuPerMl\":0.05,\"markers\":{}},\"at\":\"2026-06-19T15:00:00Z\"}"));
        } else {
            ok(step(lab, id, "{\"type\":\"CultureStarted\",\"at\":\"2026-06-02T14:00:00Z\"}"));
            ok(step(lab, id, "{\"type\":\"Harvested\",\"cells\":2.1e8,\"at\":\"2026-06-19T09:00:00Z\"}"));
            ok(step(lab, id, "{\"type\":\"Tested\",\"results\":{\"viabilityPercent\":91,\"viableCells\":2e8,"
                    + "\"sterility\":\"NEGATIVE\",\"mycoplasma\":\"NEGATIVE\",\"endotoxinEuPerMl\":0.1,\"markers\":"
                    + "{\"CD73\":99,\"CD90\":98.5,\"CD105\":97,\"CD45\":0.4,\"CD34\":0.2,\"CD14\":0.3,\"CD19\":0.1,"
                    + "\"HLA-DR\":0.8}},\"at\":\"2026-06-19T15:00:00Z\"}"));
        }
        ok(step(lab, id, "{\"type\":\"Released\",\"at\":\"2026-06-20T09:00:00Z\"}"));
        int sequence = Integer.parseInt(id.replaceAll("\\D", ""));
        ok(step(lab, id, "{\"type\":\"Labelled\",\"number\":{\"facility\":\"S0001\",\"year\":26,\"sequence\":"
                + sequence + ",\"flags\":\"00\"},\"at\":\"2026-06-20T10:00:00Z\"}"));
    }

    /** The donation number on a subject's label, as the bedside scans it. */
    static String donationNumber(Client c, String id) throws Exception {
        return c.get(subject(id)).json().at("/products/0/number").asText();
    }

    public static String subject(String id) {
        return "/api/studies/" + STUDY + "/subjects/" + id;
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
