package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.server.DemoServer.ok;
import static org.stroma.server.DemoServer.screen;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.server.auth.Passwords;
import org.stroma.server.demo.DemoSetup;
import org.stroma.server.demo.DemoUser;
import org.stroma.server.http.Endpoint;
import org.stroma.store.user.UserStore;
import org.stroma.trial.masking.Role;

/**
 * The running server on the embedded PostgreSQL, with MESAMI2 (masked: participant and investigator; stratified by
 * site) under way: four subjects at the first site, randomized and treated, and one at the second site. Every demo
 * account signs in and walks every API route and every page; nothing shows an arm to a blinded role or a subject of
 * another site to site staff, and every API write leaves its audit row.
 */
class ServerWalkTest {
    static final String PASSWORD = "walk-test-password";
    static final String STUDY = DemoServer.STUDY;
    /** The server's clock: the subjects are randomized on 1 June 2026 and treated on the day planned, 22 days on. */
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private static DemoServer demo;
    private static String site0;
    private static String site1;
    private static final Map<String, String> groups = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(PASSWORD, CLOCK);
        List<String> sites = demo.sites();
        site0 = sites.get(0);
        site1 = sites.get(1);
        Client coordinator = client("coordinator");
        Client investigator = client("investigator");
        Client lab = client("celllab");
        for (int i = 1; i <= 4; i++) {
            String id = "S" + i;
            JsonNode screened = screen(coordinator, id, site0, true);
            assertThat(screened.at("/result/verdict").asText()).isEqualTo("ELIGIBLE");
            ok(investigator.post("/api/studies/" + STUDY + "/subjects/" + id + "/consent", "{\"formVersion\":\"1\","
                    + "\"signedAt\":\"" + CLOCK.instant() + "\"}"));
            ok(investigator.post("/api/studies/" + STUDY + "/subjects/" + id + "/state", "{\"to\":\"enrolled\"}"));
            ok(investigator.post("/api/studies/" + STUDY + "/subjects/" + id + "/randomization",
                    "{\"baselineWeightKg\": 72}"));
            groups.put(id, lab.get("/api/studies/" + STUDY + "/subjects/" + id).json().at("/subject/group").asText());
        }
        // the day planned for the administrations (a session does not outlive the three weeks: sign in again)
        CLOCK.set(Instant.parse("2026-06-23T11:00:00Z"));
        for (int i = 1; i <= 4; i++) {
            treat(client("celllab"), client("investigator"), "S" + i);
        }
        screen(client("investigator2"), "T1", site1, true);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static Client client(String user) throws Exception {
        return demo.client(user);
    }

    static long count(String sql) throws Exception {
        return demo.count(sql);
    }

    /** Records a product step from the product's version as this person sees it, as the subject page does. */
    static Client.Reply step(Client c, String subject, String json) throws Exception {
        return DemoServer.step(c, subject, json);
    }

    /** The product's chain, the same days for cells and placebo, so that only the arm tells them apart. */
    static void treat(Client lab, Client site, String id) throws Exception {
        DemoServer.toTheBedside(lab, site, id, groups.get(id).equals("A"), site0);
        // the bedside states the volume; the cells follow from the product
        ok(step(site, id, "{\"type\":\"Administered\",\"given\":{\"volumeMl\":20,"
                + "\"minutes\":10,\"route\":\"INTRAMYOCARDIAL\"},\"start\":\"2026-06-23T10:00:00Z\",\"stop\":"
                + "\"2026-06-23T10:10:00Z\"}"));
    }

    /** Every GET route of the API and the pages, with the path filled in for a subject and its product. */
    static List<String> paths(String subject) {
        List<String> paths = new ArrayList<>();
        List<Endpoint> all = new ArrayList<>(demo.server().api());
        all.addAll(demo.server().pages());
        for (Endpoint e : all) {
            if (e.method().equals("GET") && !e.path().contains("step-template") && !e.path().equals("/signin")) {
                paths.add(e.path().replace("{study}", STUDY).replace("{version}", "1")
                        .replace("{subject}", subject).replace("{product}", subject + "-P1")
                        .replace("{visit}", "Baseline").replace("{form}", "vitals").replace("{format}", "odm"));
            }
        }
        paths.add("/api/openapi.json");
        return paths;
    }

    @Test
    void everyRoleWalksEveryRouteAndSeesNoArmItMayNotKnowNorAnotherSitesSubject() throws Exception {
        String armA = groups.entrySet().stream().filter(e -> e.getValue().equals("A")).findFirst().orElseThrow().getKey();
        String armB = groups.entrySet().stream().filter(e -> e.getValue().equals("B")).findFirst().orElseThrow().getKey();
        for (DemoUser u : DemoSetup.USERS) {
            Client c = client(u.username());
            boolean blinded = List.of(Role.INVESTIGATOR, Role.COORDINATOR, Role.MONITOR, Role.DATA_MANAGER,
                    Role.ADMINISTRATOR, Role.STATISTICIAN).contains(u.role());
            boolean atSecondSite = u.username().equals("investigator2");
            Map<String, String> seen = new LinkedHashMap<>();
            for (String subject : List.of(armA, armB, "T1")) {
                for (String path : paths(subject)) {
                    Client.Reply r = c.get(path);
                    // 409: the locked data set before the data is locked
                    assertThat(r.status()).as(u.username() + " " + path + ": " + r.body()).isIn(200, 403, 404, 409);
                    seen.put(path, r.body());
                }
            }
            for (Map.Entry<String, String> e : seen.entrySet()) {
                String where = u.username() + " GET " + e.getKey();
                if (blinded) {
                    assertThat(e.getValue()).as(where).doesNotContainPattern("\"group\":\"[A-Z]+\"")
                            .doesNotContain("\"kind\":\"CELLS\"", "\"kind\":\"PLACEBO\"", "id=\"arm\"",
                                    "placebo prepared", "culture started", "harvested");
                }
                // the analysis plan names endpoints (P1, S1, …), never a subject: its ids are no other site's subjects
                if (u.siteNote() != null && !e.getKey().endsWith("/analysis-plan")) {
                    for (String other : atSecondSite ? List.of("S1", "S2", "S3", "S4") : List.of("T1")) {
                        if (e.getKey().contains("/" + other)) {
                            // asked for by name: refused exactly as a subject that does not exist
                            String asked = withoutToken(c.get(e.getKey()).body()).replace(other, "X9");
                            assertThat(asked).as(where).isEqualTo(withoutToken(c.get(e.getKey().replace(other,
                                    "X9")).body()));
                        } else {
                            assertThat(e.getValue()).as(where).doesNotContainPattern("\\b" + other + "\\b");
                        }
                    }
                }
            }
            if (blinded && !atSecondSite) {
                // a subject on each arm, the same steps on the same days: the same page once ids are set aside
                for (String path : List.of("/api/studies/" + STUDY + "/subjects/", "/studies/" + STUDY + "/subjects/")) {
                    assertThat(anonymous(c.get(path + armA).body(), armA)).as(u.username() + " " + path)
                            .isEqualTo(anonymous(c.get(path + armB).body(), armB));
                }
                // the product page too, once its donation number's parts are set aside
                String product = "/studies/" + STUDY + "/products/";
                String parts = "\\(facility S0001, year 26, sequence \\d+, flags 00, check character .\\)";
                assertThat(anonymous(c.get(product + armA + "-P1").body(), armA).replaceAll(parts, "(DIN)"))
                        .as(u.username() + " " + product).isEqualTo(anonymous(c.get(product + armB + "-P1").body(),
                        armB).replaceAll(parts, "(DIN)"));
            }
            if (!blinded && u.siteNote() == null) {
                assertThat(c.get("/api/studies/" + STUDY + "/subjects/" + armA).json().at("/subject/group").asText())
                        .isEqualTo("A");
            }
        }
    }

    /**
     * A subject's page without what names it: its id, kit code, label number, the times of its own events, and the
     * version of its product's view (a digest of those).
     */
    static String anonymous(String body, String subject) {
        return body.replaceAll("\\b" + subject + "\\b", "SUBJECT").replaceAll("K-[0-9A-Z]{4}-[0-9A-Z]{4}", "KIT")
                .replaceAll("\"version\":\"[0-9a-f]+\"", "\"version\":\"V\"").replaceAll(
                        "name=\"version\" value=\"[0-9a-f]+\"", "name=\"version\" value=\"V\"")
                .replaceAll("S0001 26 \\d{6} 00 \\S", "DIN").replaceAll("=S000126\\d{6}00", "=DIN")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "TIME");
    }

    @Test
    void siteStaffCannotReachAnotherSitesSubjectAndBlindedRolesCannotReadTheLedger() throws Exception {
        assertThat(client("investigator").get("/api/studies/" + STUDY + "/subjects/T1").status()).isEqualTo(404);
        assertThat(client("investigator2").get("/api/studies/" + STUDY + "/subjects/S1").status()).isEqualTo(404);
        assertThat(client("investigator2").post("/api/studies/" + STUDY + "/subjects/S1/unblinding",
                "{\"reason\":\"anaphylaxis\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(404);
        Client.Reply ledger = client("monitor").get("/api/studies/" + STUDY + "/products/S1-P1/ledger");
        assertThat(ledger.status()).isEqualTo(403);
        assertThat(ledger.json().get("error").asText()).contains("cell lab");
        assertThat(client("celllab").get("/api/studies/" + STUDY + "/products/S1-P1/ledger").status()).isEqualTo(200);
    }

    @Test
    void anEmergencyUnblindingRevealsOneSubjectToThePersonWhoAsked() throws Exception {
        Client investigator = client("investigator");
        String ask = "/api/studies/" + STUDY + "/subjects/S3/unblinding";
        // confirmed with the password, or nothing is revealed
        assertThat(investigator.post(ask, "{\"reason\":\"suspected anaphylaxis\"}").json().get("field").asText())
                .isEqualTo("password");
        assertThat(investigator.post(ask, "{\"reason\":\"suspected anaphylaxis\",\"password\":\"nope\"}").json()
                .get("field").asText()).isEqualTo("password");
        Client.Reply r = investigator.post(ask, "{\"reason\":\"suspected anaphylaxis\",\"password\":\"" + PASSWORD
                + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().at("/subject/group").asText()).isEqualTo(groups.get("S3"));
        // the sponsor's staff see that it happened, and why, never the arm
        Client.Reply seen = client("monitor").get("/api/studies/" + STUDY + "/unblindings");
        assertThat(seen.json().findValuesAsText("subject")).containsExactly("S3");
        assertThat(seen.json().findValuesAsText("reason")).containsExactly("suspected anaphylaxis");
        assertThat(seen.body()).doesNotContain("\"group\"", groups.get("S3") + "\"");
        assertThat(client("monitor").get("/studies/" + STUDY).body()).contains("suspected anaphylaxis",
                "arm revealed to investigator");
        assertThat(investigator.get("/api/studies/" + STUDY + "/subjects/S4").json().at("/subject/group").isNull())
                .isTrue();
        assertThat(client("coordinator").get("/api/studies/" + STUDY + "/subjects/S3").json().at("/subject/group")
                .isNull()).isTrue();
        assertThat(investigator.post("/api/studies/" + STUDY + "/subjects/S4/unblinding", "{}").json()
                .get("field").asText()).isEqualTo("reason");
    }

    @Test
    void whereTheProtocolAsksASecondPersonApprovesAnUnblindingBeforeTheArmIsShown() throws Exception {
        Client admin = client("admin");
        ok(admin.post("/api/studies/" + STUDY + "/unblinding-rule", "{\"secondPerson\":true,\"current\":false}"));
        try {
            Client investigator = client("investigator");
            Client.Reply asked = investigator.post("/api/studies/" + STUDY + "/subjects/S4/unblinding",
                    "{\"reason\":\"anaphylaxis at night\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            assertThat(asked.json().at("/unblinding/status").asText()).isEqualTo("awaiting a second person");
            assertThat(asked.json().at("/subject/group").isNull()).isTrue();
            String approval = "/api/studies/" + STUDY + "/unblindings/" + asked.json().at("/unblinding/id").asText()
                    + "/approval";
            assertThat(investigator.post(approval, "{\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(409);
            assertThat(client("monitor").post(approval, "{\"password\":\"" + PASSWORD + "\"}").status())
                    .isEqualTo(403);
            Client.Reply approved = client("dsmb").post(approval, "{\"password\":\"" + PASSWORD + "\"}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().get("approvedBy").asText()).isEqualTo("dsmb");
            assertThat(investigator.get("/api/studies/" + STUDY + "/subjects/S4").json().at("/subject/group")
                    .asText()).isEqualTo(groups.get("S4"));
        } finally {
            ok(admin.post("/api/studies/" + STUDY + "/unblinding-rule", "{\"secondPerson\":false,\"current\":true}"));
        }
    }

    @Test
    void writesNeedTheCsrfTokenAndEachOneLeavesItsAuditRow() throws Exception {
        Client coordinator = client("coordinator");
        Client.Reply refused = coordinator.postWithoutCsrf("/api/studies/" + STUDY + "/subjects/S1/state",
                "{\"to\":\"in_follow_up\"}");
        assertThat(refused.status()).isEqualTo(403);
        long before = count("SELECT count(*) FROM audit_ledger");
        ok(coordinator.post("/api/studies/" + STUDY + "/subjects/S1/state", "{\"to\":\"in_follow_up\"}"));
        assertThat(count("SELECT count(*) FROM audit_ledger")).isEqualTo(before + 1);
        assertThat(count("SELECT count(*) FROM audit_ledger WHERE actor = 'coordinator' AND entity = 'conduct Moved'"
                + " AND entity_id LIKE '% S1' AND new_value LIKE '%IN_FOLLOW_UP%'")).isEqualTo(1);
        // a step out of order is refused with the reason, and writes nothing
        Client.Reply wrong = coordinator.post("/api/studies/" + STUDY + "/subjects/S2/state", "{\"to\":\"enrolled\"}");
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(count("SELECT count(*) FROM audit_ledger")).isEqualTo(before + 1);
        Client.Reply bad = coordinator.post("/api/studies/" + STUDY + "/subjects/S2/state", "{\"to\":\"asleep\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("to");
        // every conduct event has its audit row
        assertThat(count("SELECT count(*) FROM audit_ledger WHERE entity LIKE 'conduct %' AND action <> 'refuse'"))
                .isEqualTo(count("SELECT count(*) FROM conduct_event"));
    }

    @Test
    void theAdministratorGivesRolesAtTheStudysSitesAndNobodyElseDoes() throws Exception {
        new UserStore(demo.db()).create("setup", "newcomer", "New Comer", Passwords.hash(PASSWORD),
                false);
        Client admin = client("admin");
        String team = "/api/studies/" + STUDY + "/team";
        assertThat(admin.get(team).json().findValuesAsText("username")).contains("coordinator", "investigator2")
                .doesNotContain("newcomer");
        int version = admin.get(team).json().get("version").asInt();
        assertThat(client("coordinator").get(team).status()).isEqualTo(403);
        assertThat(client("coordinator").post(team, "{\"username\":\"newcomer\",\"role\":\"investigator\"}")
                .status()).isEqualTo(403);
        Map<String, String> wrong = Map.of("username", "{\"username\":\"nobody\",\"role\":\"monitor\",\"version\":"
                + version + "}", "role", "{\"username\":\"newcomer\",\"role\":\"wizard\",\"version\":" + version
                + "}", "site", "{\"username\":\"newcomer\",\"role\":\"monitor\",\"site\":\"Atlantis\",\"version\":"
                + version + "}");
        long before = count("SELECT count(*) FROM audit_ledger");
        for (Map.Entry<String, String> w : wrong.entrySet()) {
            Client.Reply r = admin.post(team, w.getValue());
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("field").asText()).isEqualTo(w.getKey());
        }
        Client.Reply granted = admin.post(team, "{\"username\":\"newcomer\",\"role\":\"coordinator\",\"site\":\""
                + site1 + "\",\"version\":" + version + "}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(count("SELECT count(*) FROM audit_ledger")).isEqualTo(before + 1);
        // from the version before the grant: refused as stale, naming who changed the team
        Client.Reply stale = admin.post(team, "{\"username\":\"newcomer\",\"role\":\"monitor\",\"version\":" + version
                + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("field").asText()).isEqualTo("version");
        assertThat(stale.json().get("error").asText()).contains("changed by admin");
        version++;
        assertThat(admin.post(team, "{\"username\":\"newcomer\",\"role\":\"coordinator\",\"site\":\"" + site1
                + "\",\"version\":" + version + "}").status()).isEqualTo(409);
        // the new coordinator works at the second site at once, and sees only its subject
        Client newcomer = client("newcomer");
        assertThat(newcomer.get("/api/studies/" + STUDY + "/subjects").json().findValuesAsText("subject"))
                .containsExactly("T1");
        // taken away again, for a reason: the study is gone for them; the last administrator stays
        String revoke = team + "/revoke";
        assertThat(admin.post(revoke, "{\"username\":\"newcomer\",\"role\":\"coordinator\",\"site\":\"" + site1
                + "\",\"version\":" + version + "}").json().get("field").asText()).isEqualTo("reason");
        long beforeRevoke = count("SELECT count(*) FROM audit_ledger");
        assertThat(admin.post(revoke, "{\"username\":\"newcomer\",\"role\":\"coordinator\",\"site\":\"" + site1
                + "\",\"reason\":\"left the site\",\"version\":" + version + "}").status()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM audit_ledger WHERE reason = 'left the site'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_ledger")).isEqualTo(beforeRevoke + 1);
        assertThat(client("newcomer").get("/api/studies/" + STUDY + "/subjects").status()).isEqualTo(404);
        assertThat(admin.post(revoke, "{\"username\":\"admin\",\"role\":\"administrator\",\"reason\":\"x\","
                + "\"version\":" + (version + 1) + "}").status()).isEqualTo(409);
    }

    @Test
    void nobodyIsGivenARoleOnTheOtherSideOfTheBlind() throws Exception {
        Client admin = client("admin");
        String team = "/api/studies/" + STUDY + "/team";
        int version = admin.get(team).json().get("version").asInt();
        long before = count("SELECT count(*) FROM audit_ledger");
        // the blinded data manager as the DSMB, the blinded administrator as the cell lab: either would see the arms
        for (String body : List.of("{\"username\":\"datamanager\",\"role\":\"dsmb\",\"version\":" + version + "}",
                "{\"username\":\"admin\",\"role\":\"cell_lab\",\"version\":" + version + "}",
                "{\"username\":\"dsmb\",\"role\":\"monitor\",\"version\":" + version + "}")) {
            Client.Reply r = admin.post(team, body);
            assertThat(r.status()).as(body).isEqualTo(409);
            assertThat(r.json().get("error").asText()).contains("both sides of the blind");
        }
        assertThat(count("SELECT count(*) FROM audit_ledger")).isEqualTo(before);
    }

    @Test
    void aProductOfAnotherSitesSubjectIsNotFoundInTheWordsOfOneThatDoesNotExist() throws Exception {
        Client other = client("investigator2");
        Client.Reply theirs = other.post("/api/studies/" + STUDY + "/products/S1-P1/steps", "{\"type\":"
                + "\"BedsideVerified\",\"patientScanned\":\"S1\",\"labelScanned\":\"x\",\"version\":\"v\"}");
        Client.Reply none = other.post("/api/studies/" + STUDY + "/products/ZZ9-P1/steps", "{\"type\":"
                + "\"BedsideVerified\",\"patientScanned\":\"S1\",\"labelScanned\":\"x\",\"version\":\"v\"}");
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.body().replace("S1-P1", "X")).isEqualTo(none.body().replace("ZZ9-P1", "X"));
        // nor does a query on another site's subject tell that the subject is there
        String peptides = "/api/studies/" + STUDY + "/subjects/S1/forms/Baseline/natriuretic_peptides";
        int version = client("coordinator").get(peptides).json().get("versions").size();
        ok(client("coordinator").post(peptides, "{\"values\":{\"bnp\":\"" + (100 + version) + "\"},"
                + "\"reason\":\"seen in clinic\",\"version\":" + version + "}"));
        Client.Reply raised = client("monitor").post(peptides + "/queries", "{\"item\":\"bnp\",\"text\":\"which"
                + " assay? " + version + "\"}");
        ok(raised);
        String query = raised.json().get("id").asText();
        Client.Reply theirQuery = other.post("/api/studies/" + STUDY + "/queries/" + query, "{\"action\":"
                + "\"answer\",\"text\":\"x\",\"version\":1}");
        Client.Reply noQuery = other.post("/api/studies/" + STUDY + "/queries/Q999", "{\"action\":\"answer\","
                + "\"text\":\"x\",\"version\":1}");
        assertThat(theirQuery.status()).isEqualTo(404);
        assertThat(theirQuery.body().replace(query, "X")).isEqualTo(noQuery.body().replace("Q999", "X"));
        Client.Reply noItem = client("monitor").post(peptides + "/queries", "{\"item\":\"nope\",\"text\":\"?\"}");
        assertThat(noItem.status()).isEqualTo(400);
        assertThat(noItem.json().get("field").asText()).isEqualTo("item");
    }

    @Test
    void aBedsideCheckTheChainRefusesChangesNothingButStaysOnRecord() throws Exception {
        Client investigator = client("investigator");
        String din = investigator.get("/api/studies/" + STUDY + "/subjects/S3").json().at("/products/0/number")
                .asText();
        long events = count("SELECT count(*) FROM conduct_event");
        // the product was given already: checking it again at the bedside is out of order
        Client.Reply r = step(investigator, "S3", "{\"type\":\"BedsideVerified\",\"patientScanned\":\"S3\","
                + "\"labelScanned\":\"" + din + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(count("SELECT count(*) FROM conduct_event")).isEqualTo(events);
        String reason = r.json().get("error").asText().replace("'", "''");
        assertThat(count("SELECT count(*) FROM audit_ledger WHERE action = 'refuse' AND actor = 'investigator'"
                + " AND entity = 'conduct Custody' AND new_value LIKE 'S3-P1 %BedsideVerified%' AND reason = '"
                + reason + "'")).isEqualTo(1);
    }

    @Test
    void aProductStepDatedInTheFutureIsRefused() throws Exception {
        Client.Reply r = step(client("celllab"), "S1", "{\"type\":\"Released\",\"at\":\"2099-01-01T00:00:00Z\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("at");
        assertThat(r.json().get("error").asText()).contains("in the future");
    }

    @Test
    void formsGoThroughTheEditChecksAreSignedQueriedAndAdverseEventsStartTheirClocks() throws Exception {
        Client coordinator = client("coordinator");
        Client investigator = client("investigator");
        Client monitor = client("monitor");
        String echo = "/api/studies/" + STUDY + "/subjects/S2/forms/Baseline/echo";
        assertThat(coordinator.get("/api/studies/" + STUDY + "/subjects/S2/forms").json().findValuesAsText("form"))
                .contains("vitals", "echo", "vo2").doesNotContain("relapse"); // no relapse in a cardiac trial
        Client.Reply saved = coordinator.post(echo, "{\"version\":0,\"values\":{\"lvef\":\"12\",\"lvedv\":\"190\","
                + "\"lvesv\":\"167\"}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().at("/opened/0/item").asText()).isEqualTo("lvef");
        assertThat(saved.json().at("/opened/0/status").asText()).isEqualTo("open");
        long audit = count("SELECT count(*) FROM audit_ledger");
        Client.Reply impossible = coordinator.post(echo, "{\"version\":1,\"values\":{\"lvef\":\"400\"},"
                + "\"reason\":\"typo\"}");
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.json().get("field").asText()).isEqualTo("lvef");
        assertThat(impossible.json().get("error").asText()).contains("400 % is not possible");
        assertThat(count("SELECT count(*) FROM audit_ledger")).as("a refused save writes nothing").isEqualTo(audit);
        // signing needs the investigator and the password again
        assertThat(coordinator.post(echo + "/signature", "{\"password\":\"" + PASSWORD + "\",\"meaning\":"
                + "\"reviewed\",\"version\":1}").status()).isEqualTo(403);
        Client.Reply wrong = investigator.post(echo + "/signature", "{\"password\":\"nope\",\"meaning\":\"reviewed\","
                + "\"version\":1}");
        assertThat(wrong.json().get("field").asText()).isEqualTo("password");
        Client.Reply signed = investigator.post(echo + "/signature", "{\"password\":\"" + PASSWORD + "\","
                + "\"meaning\":\"reviewed\",\"version\":1}");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().at("/signatures/0/printedName").asText()).isEqualTo("Demo investigator (first site)");
        Client.Reply noReason = coordinator.post(echo, "{\"version\":1,\"values\":{\"lvef\":\"14\",\"lvedv\":"
                + "\"190\"}}");
        assertThat(noReason.json().get("field").asText()).isEqualTo("reason");
        Client.Reply changed = coordinator.post(echo, "{\"version\":1,\"values\":{\"lvef\":\"14\",\"lvedv\":\"190\"},"
                + "\"reason\":\"core-lab reading\"}");
        assertThat(changed.json().at("/form/signatures/0/voidedBecause").asText())
                .isEqualTo("changed by coordinator: core-lab reading");
        assertThat(changed.json().at("/form/versions").size()).isEqualTo(2);
        // the monitor queries, the site answers, the monitor closes; the site may not close
        Client.Reply raised = monitor.post(echo + "/queries", "{\"item\":\"lvedv\",\"text\":\"please attach the"
                + " core-lab report\"}");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String query = "/api/studies/" + STUDY + "/queries/" + raised.json().get("id").asText();
        assertThat(coordinator.post(query, "{\"action\":\"answer\",\"text\":\"attached\",\"version\":1}").json()
                .get("status").asText()).isEqualTo("answered");
        assertThat(coordinator.post(query, "{\"action\":\"close\",\"text\":\"done\",\"version\":2}").status())
                .isEqualTo(403);
        assertThat(monitor.post(query, "{\"action\":\"close\",\"text\":\"resolved\",\"version\":2}").json()
                .get("status").asText()).isEqualTo("closed");
        assertThat(client("investigator2").get("/api/studies/" + STUDY + "/queries").json().findValuesAsText("subject"))
                .doesNotContain("S2");
        // a suspected unexpected life-threatening reaction: due in 7 days, follow-up 8 days later
        String today = java.time.LocalDate.ofInstant(CLOCK.instant(), java.time.ZoneOffset.UTC).toString();
        Client.Reply ae = coordinator.post("/api/studies/" + STUDY + "/subjects/S2/adverse-events", "{\"term\":"
                + "\"ventricular tachycardia\",\"grade\":4,\"seriousness\":[\"life threatening\"],\"causality\":"
                + "\"possible\",\"expected\":false,\"onset\":\"" + today + "\"}");
        assertThat(ae.status()).as(ae.body()).isEqualTo(201);
        assertThat(ae.json().get("susar").asBoolean()).isTrue();
        java.time.LocalDate day0 = java.time.LocalDate.parse(today);
        assertThat(ae.json().get("regulatoryDue").asText()).isEqualTo(day0.plusDays(7).toString());
        assertThat(ae.json().get("followUpDue").asText()).isEqualTo(day0.plusDays(15).toString());
        assertThat(ae.json().at("/event/id").asText()).isEqualTo("S2-AE1");
        assertThat(coordinator.post("/api/studies/" + STUDY + "/subjects/S2/adverse-events", "{\"term\":\"x\","
                + "\"grade\":7,\"causality\":\"possible\",\"onset\":\"" + today + "\"}").json().get("field")
                .asText()).isEqualTo("grade");
        assertThat(monitor.get("/api/studies/" + STUDY + "/adverse-events").json().findValuesAsText("term"))
                .contains("ventricular tachycardia");
        assertThat(client("investigator2").get("/api/studies/" + STUDY + "/adverse-events").json().size()).isZero();
    }

    @Test
    void theOpenApiDocumentListsEveryApiRoute() throws Exception {
        JsonNode doc = new Client(demo.server().port()).get("/api/openapi.json").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        for (Endpoint e : demo.server().api()) {
            assertThat(doc.at("/paths").get(e.path())).as(e.path()).isNotNull();
            assertThat(doc.at("/paths").get(e.path()).get(e.method().toLowerCase())).as(e.method() + " " + e.path())
                    .isNotNull();
        }
    }

    /** A page without the session's random token, which may hold a subject id's letters by chance. */
    static String withoutToken(String page) {
        return page.replaceAll("(value=\"|\"X-CSRF-Token\": \")[A-Za-z0-9_-]{20,}\"", "$1\"");
    }


}
