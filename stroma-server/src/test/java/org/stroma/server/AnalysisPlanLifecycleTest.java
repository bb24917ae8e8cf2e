package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.server.DemoServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.stroma.server.http.StromaServer;
import org.stroma.store.study.StudyStore;
import org.stroma.store.study.StudySummary;

/**
 * The statistical analysis plan of each reference trial, through the API as the team works it: derived from the
 * record as a draft, edited by the statistician (and by no one else), saved with a reason from the latest revision
 * only, signed with the password again, required signed by the data manager's lock and frozen by it; the frozen plan
 * survives a restart (it is rebuilt from the stored events), and nothing changes it after the lock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalysisPlanLifecycleTest {
    static final String PASSWORD = "plan-test-password";
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(PASSWORD, CLOCK);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static String plan(String study) {
        return "/api/studies/" + study + "/analysis-plan";
    }

    private static String revision(JsonNode plan, String reason, int version) {
        return Client.JSON.createObjectNode().<ObjectNode>set("plan", plan).put("reason", reason)
                .put("version", version).toString();
    }

    /** A primary endpoint as a statistician writes one by hand, where the record registers none. */
    private static ObjectNode handWrittenPrimary() {
        ObjectNode e = Client.JSON.createObjectNode().put("id", "P1").put("rank", "PRIMARY").put("variable",
                "subjects with at least one serious adverse event").put("type", "BINARY").put("population", "SAFETY")
                .put("method", "RISK_DIFFERENCE").put("missingData", "none: a subject without a report had no event");
        e.putObject("estimand").put("treatment", "cells against placebo").put("population", "every subject treated")
                .put("variable", "at least one serious adverse event").put("intercurrentEvents", "while on study")
                .put("summaryMeasure", "difference in proportions");
        return e;
    }

    @Test
    @Order(2)
    void eachReferenceTrialsPlanIsDerivedEditedSignedAndFrozenByTheLock() throws Exception {
        Client statistician = demo.client("statistician");
        Client dataManager = demo.client("datamanager");
        Client investigator = demo.client("investigator");
        List<String> studies = new StudyStore(demo.db()).studies().stream().map(StudySummary::id).toList();
        assertThat(studies).hasSize(5);
        Map<String, JsonNode> frozen = new HashMap<>();
        for (String study : studies) {
            JsonNode draft = ok(statistician.get(plan(study)));
            assertThat(draft.at("/plan/version").asInt()).as(study).isZero();
            assertThat(draft.get("saved").asBoolean()).isFalse();
            assertThat(draft.get("text").asText()).contains("A draft derived from the registered outcome measures");
            Client.Reply early = dataManager.post("/api/studies/" + study + "/lock", "");
            assertThat(early.status()).as(study).isEqualTo(409);
            assertThat(early.json().get("error").asText()).contains("the analysis plan was never saved and signed");

            ObjectNode edited = draft.get("plan").deepCopy();
            ArrayNode endpoints = (ArrayNode) edited.get("endpoints");
            boolean primary = false;
            for (JsonNode e : endpoints) {
                primary |= e.get("rank").asText().equals("PRIMARY");
            }
            if (primary) {
                ((ArrayNode) endpoints.get(0).get("covariates")).add("site");
            } else {
                endpoints.insert(0, handWrittenPrimary());
            }
            edited.put("multiplicity", "The primary endpoint at the 5 % level; the rest supportive.");
            assertThat(investigator.post(plan(study), revision(edited, "edit", 0)).status()).isEqualTo(403);
            JsonNode saved = ok(statistician.post(plan(study), revision(edited, "site added; multiplicity worded",
                    0)));
            assertThat(saved.at("/plan/version").asInt()).isEqualTo(1);
            assertThat(saved.get("signed").asBoolean()).isFalse();
            // the same edit made again from the draft would undo revision 1 unseen
            Client.Reply stale = statistician.post(plan(study), revision(edited, "again", 0));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().get("error").asText()).contains("changed by statistician", "nothing was saved");

            Client.Reply wrong = statistician.post(plan(study) + "/signature", "{\"password\":\"nope\",\"meaning\":"
                    + "\"approved\",\"version\":1}");
            assertThat(wrong.json().get("field").asText()).isEqualTo("password");
            Client.Reply unsigned = dataManager.post("/api/studies/" + study + "/lock", "");
            assertThat(unsigned.json().get("error").asText()).contains("revision 1 of the analysis plan is not signed");
            JsonNode signed = ok(statistician.post(plan(study) + "/signature", "{\"password\":\"" + PASSWORD
                    + "\",\"meaning\":\"approved\",\"version\":1}"));
            assertThat(signed.get("signed").asBoolean()).isTrue();
            assertThat(signed.at("/revisions/0/signatures/0/meaning").asText()).isEqualTo("approved");

            ok(dataManager.post("/api/studies/" + study + "/lock", ""));
            JsonNode after = ok(investigator.get(plan(study)));
            assertThat(after.get("frozenAt").isNull()).as(study).isFalse();
            assertThat(after.at("/plan/version").asInt()).isEqualTo(1);
            assertThat(after.at("/plan/multiplicity").asText()).startsWith("The primary endpoint at the 5 % level");
            assertThat(after.at("/plan/endpoints/0/" + (primary ? "covariates" : "id")).toString()).contains(
                    primary ? "site" : "P1");
            assertThat(after.at("/revisions/0/reason").asText()).isEqualTo("site added; multiplicity worded");
            Client.Reply late = statistician.post(plan(study), revision(after.get("plan"), "after the lock", 1));
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.json().get("error").asText()).contains("frozen when the data were locked");
            frozen.put(study, after.get("plan"));
        }
        // rebuilt from the stored events by a server started afresh on the same database: the same frozen plans
        try (StromaServer again = StromaServer.start(Stroma.services(demo.db(), CLOCK), 0)) {
            Client reader = new Client(again.port()).signIn("monitor", PASSWORD);
            for (String study : studies) {
                JsonNode rebuilt = ok(reader.get(plan(study)));
                assertThat(rebuilt.get("plan")).as(study).isEqualTo(frozen.get(study));
                assertThat(rebuilt.get("frozenAt").isNull()).isFalse();
            }
        }
    }

    /** Run first: the refusals are of a plan still open, which the lifecycle test then locks. */
    @Test
    @Order(1)
    void aPlanSentWrongIsRefusedNamingWhereAndNothingIsSaved() throws Exception {
        Client statistician = demo.client("statistician");
        String study = "NCT02403947";
        ObjectNode edited = ok(statistician.get(plan(study))).get("plan").deepCopy();
        ((ObjectNode) edited.get("endpoints").get(0)).put("method", "no such method");
        Client.Reply unreadable = statistician.post(plan(study), revision(edited, "edit", 0));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("field").asText()).isEqualTo("plan.endpoints[0].method");
        ((ObjectNode) edited.get("endpoints").get(0)).put("method", "MMRM");
        Client.Reply mismatched = statistician.post(plan(study), revision(edited, "edit", 0));
        assertThat(mismatched.status()).isEqualTo(400);
        assertThat(mismatched.json().get("error").asText()).contains("endpoint P1: the method mixed model for"
                + " repeated measures", "does not analyse a binary variable");
        Client.Reply noReason = statistician.post(plan(study), "{\"plan\":" + edited + ",\"version\":0}");
        assertThat(noReason.json().get("field").asText()).isEqualTo("reason");
        assertThat(ok(statistician.get(plan(study))).get("saved").asBoolean()).isFalse();
    }

    /**
     * A study whose conduct began before plans were kept (its events written under rules 2) had no plan to sign: it is
     * rebuilt without one, its lock stands as recorded and is allowed as it was, and asking for its plan says why
     * there is none.
     */
    @Test
    @Order(3)
    void aStudyBegunBeforePlansWereKeptIsRebuiltWithoutOneAndLocksAsItDid() throws Exception {
        Client admin = demo.client("admin");
        String study = "NCT09999990";
        int version = LifecycleRulesTest.importChanged(admin, "003_4c6cadfb0611a693", r -> r.replace("NCT04325594",
                study));
        ok(admin.post("/api/studies/" + study + "/versions/" + version + "/publish", "{}"));
        for (String[] member : new String[][] {{"datamanager", "data manager"}, {"statistician", "statistician"}}) {
            int team = ok(admin.get("/api/studies/" + study + "/team")).get("version").asInt();
            ok(admin.post("/api/studies/" + study + "/team", "{\"username\":\"" + member[0] + "\",\"role\":\""
                    + member[1] + "\",\"version\":" + team + "}"));
        }
        ok(admin.post("/api/studies/" + study + "/consent-form", "{\"version\":\"2\"}"));
        try (var c = demo.db().connect(); var s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE conduct_event SET rules = 2 WHERE study_id = '" + study + "'"))
                    .isEqualTo(1);
        }
        try (StromaServer again = StromaServer.start(Stroma.services(demo.db(), CLOCK), 0)) {
            Client statistician = new Client(again.port()).signIn("statistician", PASSWORD);
            Client.Reply none = statistician.get(plan(study));
            assertThat(none.status()).isEqualTo(409);
            assertThat(none.json().get("error").asText()).contains("began before Stroma kept analysis plans");
            ok(new Client(again.port()).signIn("datamanager", PASSWORD).post("/api/studies/" + study + "/lock", ""));
        }
        try (StromaServer third = StromaServer.start(Stroma.services(demo.db(), CLOCK), 0)) {
            JsonNode locked = ok(new Client(third.port()).signIn("statistician", PASSWORD).get("/api/studies/" + study
                    + "/locked-data"));
            assertThat(locked.get("trial").asText()).isEqualTo(study);
        }
    }
}
