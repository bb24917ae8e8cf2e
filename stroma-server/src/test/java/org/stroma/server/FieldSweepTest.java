package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.server.http.Endpoint;

/**
 * Every field of every API route, sent blank, of the wrong type, huge and hostile: each answer is a 4xx that names the
 * field, and nothing stored changes. The fields come from a valid body of each route (below); every field of it, nested
 * ones too, is spoiled in turn while the others stay valid, so that the refusal can only be the spoiled field's. A
 * route added to the server without a body here fails the test, so none is left out.
 */
class FieldSweepTest {
    static final String PASSWORD = SweepFixture.PASSWORD;
    static final String STUDY = SweepFixture.STUDY;
    static final MovableClock CLOCK = SweepFixture.CLOCK;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * A text with half a character (a lone UTF-16 surrogate), sent as the JSON escape it takes to send one: the body
     * itself is UTF-8, in which it cannot be written.
     */
    private static final String BROKEN = "broken-character-here";
    /** Routes whose body is not fields: a registry record's bytes, read by the importer (its own sweep tests it). */
    private static final Set<String> NOT_FIELDS = Set.of("/api/studies/import");
    private static final Set<String> DOCUMENTS = Set.of("record", "plan");
    private static SweepFixture fixture;

    /** A route with a valid body, the user who sends it, and the fields that may be left blank. */
    private record Case(String path, String user, String body, Set<String> optional) {
    }

    @BeforeAll
    static void start() throws Exception {
        fixture = SweepFixture.open();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static Client client(String user) throws Exception {
        return fixture.client(user);
    }

    static String subject(String id) {
        return DemoServer.subject(id);
    }

    /** A valid body of every route that takes fields, as the person who sends it. */
    private static List<Case> cases() throws Exception {
        Client coordinator = client("coordinator");
        JsonNode s4 = coordinator.get(subject("S4")).json();
        String product = "/api/studies/" + STUDY + "/products/" + s4.at("/products/0/product").asText() + "/steps";
        // the product's version as each sees it: the lab sees the whole chain, the bedside what it needs
        String bedside = "{\"version\":\"" + s4.at("/products/0/version").asText() + "\",";
        String step = "{\"version\":\"" + client("celllab").get(subject("S4")).json().at("/products/0/version")
                .asText() + "\",";
        int team = client("admin").get("/api/studies/" + STUDY + "/team").json().get("version").asInt();
        String s2open = coordinator.get(subject("S2")).json().at("/openCriteria/0/id").asText();
        String query = coordinator.get("/api/studies/" + STUDY + "/queries").json().at("/0/id").asText();
        String form = subject("S4") + "/forms/Baseline/vitals";
        ObjectNode newSubject = fixture.screening(coordinator, "S9", true);
        String site = fixture.site();
        JsonNode draft = client("statistician").get("/api/studies/" + STUDY + "/analysis-plan").json().get("plan");
        return List.of(
                new Case("/api/studies/" + STUDY + "/analysis-plan", "statistician", "{\"plan\":" + draft
                        + ",\"reason\":\"adopted as derived\",\"version\":0}", Set.of()),
                new Case("/api/studies/" + STUDY + "/analysis-plan/signature", "statistician", "{\"password\":\""
                        + PASSWORD + "\",\"meaning\":\"approved\",\"version\":1}", Set.of()),
                new Case("/api/session", null, "{\"username\":\"coordinator\",\"password\":\"x\"}", Set.of()),
                new Case("/api/password", "statistician", "{\"current\":\"" + PASSWORD + "\",\"new\":\"a new"
                        + " password\"}", Set.of()),
                new Case("/api/studies/" + STUDY + "/sites", "admin", "{\"names\":[\"New site\"]}", Set.of()),
                new Case("/api/studies/" + STUDY + "/sites/time-zone", "admin", "{\"site\":\"" + site + "\","
                        + "\"zone\":\"Europe/Paris\"}", Set.of()),
                new Case("/api/studies/" + STUDY + "/team", "admin", "{\"username\":\"monitor\",\"role\":"
                        + "\"data_manager\",\"site\":\"" + site + "\",\"version\":" + team + "}", Set.of("site")),
                new Case("/api/studies/" + STUDY + "/team/revoke", "admin", "{\"username\":\"monitor\",\"role\":"
                        + "\"monitor\",\"reason\":\"left\",\"version\":" + team + "}", Set.of("site")),
                new Case("/api/studies/" + STUDY + "/subjects", "coordinator", newSubject.toString(), Set.of(
                        "answers")),
                new Case(subject("S2") + "/eligibility", "investigator", "{\"answers\":{\"" + s2open + "\":true},"
                        + "\"password\":\"" + PASSWORD + "\"}", Set.of()),
                new Case(subject("S1") + "/consent", "coordinator", "{\"formVersion\":\"1\",\"signedAt\":\""
                        + CLOCK.instant() + "\",\"obtainedBy\":\"coordinator\"}", Set.of("obtainedBy")),
                new Case("/api/studies/" + STUDY + "/consent-form", "admin", "{\"version\":\"2\"}", Set.of()),
                new Case(subject("S3") + "/state", "coordinator", "{\"to\":\"withdrawn\",\"reason\":\"moved away\"}",
                        Set.of("reason")),
                new Case(subject("S3") + "/randomization", "coordinator", "{\"baselineWeightKg\":70,\"levels\":{}}",
                        Set.of("levels", "baselineWeightKg")),
                new Case(subject("S4") + "/visits", "coordinator", "{\"visit\":\"Baseline\",\"day\":\"2026-06-01\"}",
                        Set.of()),
                new Case(subject("S4") + "/unblinding", "investigator", "{\"reason\":\"anaphylaxis\",\"password\":\""
                        + PASSWORD + "\"}", Set.of()),
                new Case("/api/studies/" + STUDY + "/unblindings/U1/approval", "dsmb", "{\"password\":\"" + PASSWORD
                        + "\"}", Set.of()),
                new Case("/api/studies/" + STUDY + "/unblinding-rule", "admin",
                        "{\"secondPerson\":false,\"current\":true}", Set.of()),
                new Case(product, "celllab", step + "\"type\":\"Collected\",\"donor\":\"S4\",\"tissue\":\"bone"
                        + " marrow\",\"volumeMl\":80,\"at\":\"2026-06-01T09:00\"}", Set.of("at")),
                new Case(product, "celllab", step + "\"type\":\"Tested\",\"results\":{\"viabilityPercent\":91,"
                        + "\"viableCells\":2e8,\"sterility\":\"negative\",\"mycoplasma\":\"NEGATIVE\","
                        + "\"endotoxinEuPerMl\":0.1,\"markers\":{\"CD73\":99}}}", Set.of("at", "results.viabilityPercent",
                        "results.viableCells", "results.sterility", "results.mycoplasma", "results.endotoxinEuPerMl",
                        "results.markers", "results.markers.CD73")),
                new Case(product, "celllab", step + "\"type\":\"Labelled\",\"number\":{\"facility\":\"S0001\","
                        + "\"year\":26,\"sequence\":1,\"flags\":\"00\"}}", Set.of("at", "number.flags")),
                new Case(product, "celllab", step + "\"type\":\"Shipped\",\"to\":\"" + site + "\",\"temperatures\":"
                        + "{\"readings\":[{\"at\":\"2026-06-01T08:00:00Z\",\"celsius\":5}],\"minCelsius\":2,"
                        + "\"maxCelsius\":8}}", Set.of("at", "temperatures.readings")),
                new Case(product, "celllab", step + "\"type\":\"Shipped\",\"to\":\"" + site + "\",\"temperatures\":"
                        + "{\"loggerCsv\":\"time,temperature\\n2026-06-01T08:00:00Z,5\\n\",\"minCelsius\":2,"
                        + "\"maxCelsius\":8}}", Set.of("at", "temperatures.loggerCsv")),
                new Case(product, "coordinator", bedside + "\"type\":\"Administered\",\"given\":{\"volumeMl\":20,"
                        + "\"minutes\":10,\"route\":\"intramyocardial\"},\"start\":\"2026-06-01T08:00:00Z\"}", Set.of(
                        "given.minutes", "given.route")),
                new Case("/api/studies/" + STUDY + "/lots", "celllab", "{\"id\":\"LOT-9\",\"donor\":\"D-9\","
                        + "\"vials\":10,\"cellsPerVial\":1e8,\"released\":true,\"expiry\":\"2028-01-01\"}", Set.of(
                        "released", "expiry")),
                new Case(form, "coordinator", "{\"values\":{\"heart_rate\":\"95\",\"systolic_bp\":\"128\","
                        + "\"diastolic_bp\":\"78\",\"weight\":\"71\"},\"assessedOn\":\"2026-06-01\",\"reason\":"
                        + "\"misread\",\"version\":1}", Set.of("assessedOn",
                        "values.heart_rate", "values.systolic_bp", "values.diastolic_bp", "values.weight")),
                new Case(form + "/signature", "investigator", "{\"password\":\"" + PASSWORD + "\",\"meaning\":"
                        + "\"reviewed\",\"version\":1}", Set.of()),
                new Case(form + "/queries", "monitor", "{\"item\":\"weight\",\"text\":\"please confirm\"}", Set.of(
                        "item")),
                new Case("/api/studies/" + STUDY + "/queries/" + query, "coordinator", "{\"action\":\"answer\","
                        + "\"text\":\"confirmed\",\"version\":1}", Set.of()),
                new Case("/api/studies/" + STUDY + "/manufacturing/capacity", "celllab", "{\"cultures\":4}",
                        Set.of()),
                new Case("/api/studies/" + STUDY + "/manufacturing/bookings", "celllab", "{\"product\":\""
                        + s4.at("/products/0/product").asText() + "\",\"day\":\"2026-06-10\"}", Set.of()),
                new Case("/api/studies/" + STUDY + "/manufacturing/replacements", "celllab", "{\"product\":\""
                        + s4.at("/products/0/product").asText() + "\"}", Set.of()),
                new Case("/api/studies/" + STUDY + "/query-closures", "monitor", "{\"queries\":{\"" + query
                        + "\":1},\"note\":\"settled\"}", Set.of("note")),
                new Case(form + "/verification", "monitor", "{\"version\":1,\"items\":[\"weight\"]}", Set.of(
                        "items")),
                new Case(form + "/lock", "monitor", "{\"version\":1}", Set.of()),
                new Case(form + "/unlock", "datamanager", "{\"reason\":\"locked by mistake\"}", Set.of()),
                new Case(subject("S4") + "/unlock", "datamanager", "{\"reason\":\"late results\"}", Set.of()),
                new Case("/api/studies/" + STUDY + "/sites/lock", "monitor", "{\"site\":\"" + site + "\"}", Set.of()),
                new Case(subject("S4") + "/adverse-events", "coordinator", "{\"term\":\"fever\",\"grade\":2,"
                        + "\"seriousness\":[\"hospitalisation\"],\"causality\":\"possible\",\"expected\":true,"
                        + "\"onset\":\"2026-06-01\",\"sponsorAware\":\"2026-06-01\",\"outcome\":\"recovering\"}", Set.of(
                        "seriousness", "expected", "sponsorAware", "outcome")),
                new Case(subject("S4") + "/adverse-events", "coordinator", "{\"id\":\"S4-AE1\",\"version\":1,"
                        + "\"term\":\"headache\",\"grade\":2,\"causality\":\"unlikely\",\"onset\":\"2026-06-01\"}",
                        Set.of("id")));
    }

    /** Bad values of a field, by the kind of its valid value: blank, of another type, huge, hostile. */
    private static List<JsonNode> spoiled(JsonNode valid, boolean optional) {
        List<JsonNode> bad = new ArrayList<>();
        String huge = "x".repeat(10_001);
        if (valid.isTextual()) {
            if (!optional) {
                bad.add(NODES.textNode(""));
                bad.add(NODES.textNode("   "));
            }
            bad.add(NODES.numberNode(42));
            bad.add(NODES.objectNode().put("a", 1));
            bad.add(NODES.textNode(huge));
            bad.add(NODES.textNode("nul\u0000byte"));
            bad.add(NODES.textNode(BROKEN));
        } else if (valid.isNumber()) {
            bad.add(NODES.textNode("abc"));
            bad.add(NODES.booleanNode(true));
            bad.add(NODES.numberNode(1e308));
            bad.add(NODES.numberNode(-1e308));
            bad.add(NODES.textNode("\u0000"));
        } else if (valid.isBoolean()) {
            bad.add(NODES.textNode("yes"));
            bad.add(NODES.numberNode(1));
        } else if (valid.isArray()) {
            bad.add(NODES.textNode("x"));
            bad.add(NODES.arrayNode().add(NODES.objectNode()));
        } else if (valid.isObject()) {
            bad.add(NODES.textNode("x"));
            bad.add(NODES.numberNode(5));
        }
        if (!optional && !valid.isObject()) {
            bad.add(NODES.nullNode());
        }
        return bad;
    }

    /** Every field of a body, nested ones as "given.volumeMl", with its valid value. */
    private static Map<String, JsonNode> fields(JsonNode node, String prefix) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            fields.put(path, e.getValue());
            // a document read whole (a FHIR bundle, an analysis plan) is spoiled whole; its own tests check inside it
            if (e.getValue().isObject() && !DOCUMENTS.contains(path)) {
                fields.putAll(fields(e.getValue(), path));
            }
        }
        return fields;
    }

    private static ObjectNode with(JsonNode body, String path, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.set(parts[parts.length - 1], value);
        return copy;
    }

    @Test
    void everyFieldOfEveryRouteIsRefusedWhenSpoiledNamingItAndNothingStoredChanges() throws Exception {
        List<Case> cases = cases();
        for (Endpoint e : fixture.server().api()) {
            boolean takesFields = e.method().equals("POST") && e.body() != null && !NOT_FIELDS.contains(e.path());
            if (takesFields) {
                String pattern = e.path().replaceAll("\\{[a-z]+}", "[^/]+");
                assertThat(cases).as("a valid body for " + e.path()).anyMatch(c -> c.path().matches(pattern));
            }
        }
        int sent = 0;
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Client sender = c.user() == null ? new Client(fixture.server().port()) : client(c.user());
            JsonNode body = Client.JSON.readTree(c.body());
            for (Map.Entry<String, JsonNode> field : fields(body, "").entrySet()) {
                for (JsonNode bad : spoiled(field.getValue(), c.optional().contains(field.getKey()))) {
                    long before = fixture.stored();
                    Client.Reply r = sender.post(c.path(), with(body, field.getKey(), bad).toString().replace(BROKEN,
                            "broken \\ud800 character"));
                    sent++;
                    String what = c.path() + " " + field.getKey() + " = " + abbreviated(bad) + " as " + c.user()
                            + " → " + r.status() + " " + abbreviated(r.body());
                    if (r.status() < 400 || r.status() >= 500) {
                        wrong.add("not refused: " + what);
                        continue;
                    }
                    JsonNode error = r.json();
                    String named = error.path("field").asText("");
                    String root = field.getKey().split("\\.")[0];
                    if (!(named.startsWith(root) || field.getKey().startsWith(named) && !named.isEmpty())) {
                        wrong.add("not named: " + what);
                    }
                    if (fixture.stored() != before) {
                        wrong.add("stored: " + what);
                    }
                }
            }
        }
        System.out.println("FieldSweepTest: " + sent + " spoiled requests to " + cases.size() + " routes");
        assertThat(wrong).isEmpty();
    }

    /** A value as the test reports it: short, and printable. */
    private static String abbreviated(Object o) {
        String s = String.valueOf(o);
        s = s.length() > 160 ? s.substring(0, 160) + "…" : s;
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        return out.toString();
    }

}
