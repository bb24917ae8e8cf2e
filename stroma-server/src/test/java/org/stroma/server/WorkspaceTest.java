package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.server.DemoServer.ok;
import static org.stroma.server.DemoServer.subject;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The trial team's daily views on the running server, with MESAMI2 under way: the record status dashboard (each
 * form's state, the overdue ones, the subjects of one's own sites only), the study's queries with their filters and the
 * monitor's closing of many at once, source data verification, and the locks of a form, a subject and a site with the
 * data manager's unlock. The dashboard's test runs first: it moves the server's clock months on, and a clock only moves
 * forwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceTest {
    static final String PASSWORD = "workspace-test-password";
    static final String STUDY = DemoServer.STUDY;
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(PASSWORD, CLOCK);
        List<String> sites = demo.sites();
        for (String id : List.of("S1", "S2", "S3", "S4")) {
            DemoServer.randomized(demo.client("coordinator"), id, sites.get(0), CLOCK.instant());
        }
        DemoServer.randomized(demo.client("investigator2"), "T1", sites.get(1), CLOCK.instant());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static String vitals(String id) {
        return ConcurrentEditTest.vitals(id);
    }

    /** Vital signs as ConcurrentEditTest saves them: the heart rate given, from a version, with a reason or none. */
    static String values(int heartRate, int version, String reason) {
        return ConcurrentEditTest.heartRate(heartRate, version, reason);
    }

    /** The cell of a subject's form at a visit in the dashboard's JSON. */
    static JsonNode cell(JsonNode grid, String subject, String visit, String form) {
        int column = -1;
        for (int i = 0; i < grid.get("columns").size(); i++) {
            JsonNode c = grid.get("columns").get(i);
            if (c.get("visit").asText().equals(visit) && c.get("form").asText().equals(form)) {
                column = i;
            }
        }
        for (JsonNode row : grid.get("rows")) {
            if (row.get("subject").asText().equals(subject)) {
                return row.get("cells").get(column);
            }
        }
        throw new AssertionError("no row for " + subject);
    }

    @Test
    @Order(1)
    void theDashboardShowsEachFormsStateAndMarksTheOverdueFormsOfOnesOwnSites() throws Exception {
        Client coordinator = demo.client("coordinator");
        ok(coordinator.post(vitals("S2"), values(70, 0, null)));
        JsonNode grid = ok(coordinator.get("/api/studies/" + STUDY + "/casebook"));
        List<String> subjects = new ArrayList<>();
        grid.get("rows").forEach(r -> subjects.add(r.get("subject").asText()));
        // the coordinator's site only; the second site's subject is not there
        assertThat(subjects).containsExactly("S1", "S2", "S3", "S4");
        assertThat(cell(grid, "S2", "Baseline", "vitals").get("state").asText()).isEqualTo("UNVERIFIED");
        assertThat(cell(grid, "S1", "Baseline", "vitals").get("state").asText()).isEqualTo("NOT_STARTED");
        // the subject's own page has the same grid, their row alone, visits by forms
        String subjectPage = coordinator.get("/studies/" + STUDY + "/subjects/S2").body();
        assertThat(subjectPage).contains("class=\"casebook subject-grid\"", "aria-label=\"Vital signs and weight at"
                + " Baseline: unverified\"").doesNotContain("/subjects/S1/");
        assertThat(grid.toString()).doesNotContain("\"overdue\":true");
        JsonNode monitorsGrid = ok(demo.client("monitor").get("/api/studies/" + STUDY + "/casebook"));
        assertThat(monitorsGrid.get("rows")).hasSize(5);
        // months later, no visit done: every form of a visit whose window has closed, and not complete, is overdue
        // (the clock only moves forwards: the tests after this one run on that day)
        CLOCK.set(Instant.parse("2026-12-01T09:00:00Z"));
        JsonNode late = ok(demo.client("coordinator").get("/api/studies/" + STUDY + "/casebook"));
        JsonNode row = late.get("rows").get(0);
        assertThat(row.get("nextVisitStatus").asText()).isIn("overdue", "missed");
        int overdue = 0;
        for (JsonNode c : row.get("cells")) {
            overdue += c.get("overdue").asBoolean() ? 1 : 0;
        }
        assertThat(overdue).isPositive();
        String page = demo.client("coordinator").get("/studies/" + STUDY + "/casebook?show=overdue&sort=queries")
                .body();
        assertThat(page).contains("aria-label=\"S1 ", ", overdue\"", "class=\"cell state-not-started overdue\"");
        assertThat(demo.client("coordinator").get("/studies/" + STUDY + "/casebook?sort=sideways").status())
                .isEqualTo(400);
    }

    @Test
    void theAgendaListsEachSitesLateAndDueVisitsItsOverdueFormsAndItsSeriousEventsClocks() throws Exception {
        CLOCK.set(Instant.parse("2026-12-01T09:00:00Z"));
        Client coordinator = demo.client("coordinator");
        ok(coordinator.post(subject("S1") + "/adverse-events", "{\"term\":\"pneumonia\",\"grade\":3,"
                + "\"seriousness\":[\"hospitalisation\"],\"causality\":\"unlikely\",\"expected\":false,"
                + "\"onset\":\"2026-11-30\"}"));
        JsonNode due = ok(coordinator.get("/api/studies/" + STUDY + "/visits-due"));
        assertThat(due.size()).isPositive();
        for (JsonNode v : due) {
            assertThat(v.get("subject").asText()).startsWith("S");
            assertThat(v.get("daysLate").asLong()).isPositive();
        }
        String agenda = coordinator.get("/studies/" + STUDY + "/agenda").body();
        assertThat(agenda).contains("Visits past their target day", "Forms overdue", "pneumonia", "sponsor by")
                .doesNotContain(">T1<");
        // the second site's investigator sees the second site only, where nothing was reported
        String second = demo.client("investigator2").get("/studies/" + STUDY + "/agenda").body();
        assertThat(second).contains("T1").doesNotContain("pneumonia", ">S1<");
    }

    @Test
    void theQueryPageFiltersAndTheMonitorClosesManyAtOnceAStaleOneRefusedAlone() throws Exception {
        Client coordinator = demo.client("coordinator");
        Client monitor = demo.client("monitor");
        ok(coordinator.post(vitals("S3"), values(71, 0, null)));
        String q1 = ok(monitor.post(vitals("S3") + "/queries", "{\"item\":\"weight\",\"text\":\"shoes on?\"}"))
                .get("id").asText();
        String q2 = ok(monitor.post(vitals("S3") + "/queries", "{\"item\":\"heart_rate\",\"text\":\"at rest?\"}"))
                .get("id").asText();
        String queries = "/studies/" + STUDY + "/queries";
        String open = coordinator.get(queries + "?status=open&form=vitals").body();
        assertThat(open).contains("shoes on?", "at rest?", "Answer " + q1);
        assertThat(coordinator.get(queries + "?status=answered").body()).doesNotContain("shoes on?");
        assertThat(coordinator.get(queries + "?age=3").body()).doesNotContain("shoes on?");
        assertThat(coordinator.get(queries + "?age=soon").status()).isEqualTo(400);
        // the coordinator answers from the query page and comes back to it
        Client.Reply answered = coordinator.postForm("/studies/" + STUDY + "/queries/" + q1, "version=1&action=answer"
                + "&back=queries&text=without+shoes");
        assertThat(answered.status()).isEqualTo(302);
        assertThat(coordinator.get(queries + "?status=answered").body()).contains("shoes on?", "without shoes");
        // the monitor ticks both, one as it was before the answer: that one alone is refused
        Client.Reply closing = monitor.postForm("/studies/" + STUDY + "/query-closures", "close=" + q1 + "&version-"
                + q1 + "=1&close=" + q2 + "&version-" + q2 + "=1&note=settled");
        assertThat(closing.status()).isEqualTo(409);
        assertThat(closing.body()).contains("Closed: " + q2, "Not closed: " + q1, "changed by coordinator");
        Client.Reply again = monitor.postForm("/studies/" + STUDY + "/query-closures", "close=" + q1 + "&version-"
                + q1 + "=2&note=settled");
        assertThat(again.status()).isEqualTo(302);
        assertThat(ok(monitor.get("/api/studies/" + STUDY + "/queries")).toString()).doesNotContain(
                "\"status\":\"open\"", "\"status\":\"answered\"");
        // site staff close nothing
        assertThat(coordinator.postForm("/studies/" + STUDY + "/query-closures", "close=" + q1 + "&version-" + q1
                + "=3").status()).isEqualTo(403);
    }

    @Test
    void aVerifiedAndLockedFormRefusesChangesUntilTheDataManagerUnlocksItWithAReason() throws Exception {
        Client coordinator = demo.client("coordinator");
        Client monitor = demo.client("monitor");
        ok(coordinator.post(vitals("S4"), values(72, 0, null)));
        // one item first, then the rest: the form is complete once every item is verified
        ok(monitor.post(vitals("S4") + "/verification", "{\"version\":1,\"items\":[\"weight\"]}"));
        assertThat(ok(monitor.get(vitals("S4"))).get("verifiedItems").toString()).isEqualTo("[\"weight\"]");
        Client.Reply unknown = monitor.post(vitals("S4") + "/verification", "{\"version\":1,\"items\":[\"bmi\"]}");
        assertThat(unknown.json().get("field").asText()).isEqualTo("items");
        ok(monitor.post(vitals("S4") + "/verification", "{\"version\":1}"));
        JsonNode grid = ok(monitor.get("/api/studies/" + STUDY + "/casebook"));
        assertThat(cell(grid, "S4", "Baseline", "vitals").get("state").asText()).isEqualTo("COMPLETE");
        // a change makes it unverified; verifying a version not the latest is refused
        ok(coordinator.post(vitals("S4"), values(74, 1, "second reading")));
        assertThat(ok(monitor.get(vitals("S4"))).get("state").asText()).isEqualTo("UNVERIFIED");
        assertThat(monitor.post(vitals("S4") + "/verification", "{\"version\":1}").status()).isEqualTo(409);
        ok(monitor.post(vitals("S4") + "/verification", "{\"version\":2}"));
        ok(monitor.post(vitals("S4") + "/lock", "{\"version\":2}"));
        Client.Reply refused = coordinator.post(vitals("S4"), values(76, 2, "third reading"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).contains("locked by monitor");
        assertThat(ok(coordinator.get(vitals("S4"))).at("/values/heart_rate").asText()).isEqualTo("74");
        // the monitor does not unlock; the data manager does, with a reason kept in the audit trail
        assertThat(monitor.post(vitals("S4") + "/unlock", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        Client datamanager = demo.client("datamanager");
        assertThat(datamanager.post(vitals("S4") + "/unlock", "{}").status()).isEqualTo(400);
        ok(datamanager.post(vitals("S4") + "/unlock", "{\"reason\":\"site found a transcription error\"}"));
        assertThat(demo.count("SELECT count(*) FROM audit_ledger WHERE reason = 'site found a transcription error'"))
                .isEqualTo(1);
        ok(coordinator.post(vitals("S4"), values(76, 2, "transcription error")));
        // the form's item-level audit trail on its page
        String page = coordinator.get("/studies/" + STUDY + "/subjects/S4/forms/Baseline/vitals").body();
        assertThat(page).contains("id=\"audit-trail\"", "<td>72</td><td>74</td><td>2</td>",
                "<td>74</td><td>76</td><td>3</td>", "transcription error");
    }

    @Test
    void aFormKeepsItsAssessmentDateAndTheFormPageShowsIt() throws Exception {
        Client coordinator = demo.client("coordinator");
        String echo = subject("S1") + "/forms/Baseline/echo";
        JsonNode saved = ok(coordinator.post(echo, "{\"version\":0,\"assessedOn\":\"2026-05-30\",\"values\":"
                + "{\"lvef\":\"35\"}}"));
        assertThat(saved.at("/form/versions/0/assessedOn").asText()).isEqualTo("2026-05-30");
        LocalDate nextWeek = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC).plusDays(7);
        Client.Reply future = coordinator.post(echo, "{\"version\":1,\"assessedOn\":\"" + nextWeek + "\","
                + "\"values\":{\"lvef\":\"35\"},\"reason\":\"re-dated\"}");
        assertThat(future.status()).as(future.body()).isEqualTo(400);
        assertThat(future.json().get("field").asText()).isEqualTo("assessedOn");
        assertThat(future.json().get("error").asText()).contains("is after today at the subject's site");
        assertThat(coordinator.post(echo, "{\"version\":1,\"assessedOn\":\"30 May\",\"values\":{}}").json()
                .get("field").asText()).isEqualTo("assessedOn");
        String page = coordinator.get("/studies/" + STUDY + "/subjects/S1/forms/Baseline/echo").body();
        assertThat(page).contains("name=\"assessedOn\"", "value=\"2026-05-30\"");
    }

    @Test
    void aSiteLockLocksEverySubjectThereAndASubjectsLockIsUndoneByTheDataManager() throws Exception {
        Client investigator2 = demo.client("investigator2");
        Client datamanager = demo.client("datamanager");
        ok(datamanager.post("/api/studies/" + STUDY + "/sites/lock", "{\"site\":\"" + demo.sites().get(1) + "\"}"));
        Client.Reply refused = investigator2.post(vitals("T1"), values(70, 0, null));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).contains("subject T1's casebook was locked by datamanager");
        JsonNode grid = ok(datamanager.get("/api/studies/" + STUDY + "/casebook"));
        for (JsonNode row : grid.get("rows")) {
            assertThat(row.get("locked").asBoolean()).as(row.get("subject").asText()).isEqualTo(row.get("site")
                    .asText().equals(demo.sites().get(1)));
        }
        assertThat(datamanager.post(subject("T1") + "/unlock", "{\"reason\":\"late lab results\"}").status())
                .isEqualTo(200);
        ok(investigator2.post(vitals("T1"), values(70, 0, null)));
    }
}
