package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.server.DemoServer.ok;
import static org.stroma.server.DemoServer.subject;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Screening from facts typed on the form, through the pages on the embedded PostgreSQL: a MESAMI2 candidate typed with
 * their VO2 max left blank is incomplete on that criterion alone; a value that cannot be is refused naming its field,
 * and the form comes back with what was typed; on the subject's page the coordinator adds the VO2 max and the subject
 * is screened again — eligible, or not, as the value says — kept as an audited event; a role that does not screen is
 * neither offered nor allowed to.
 */
class TypedScreeningTest {
    private static final String STUDY = DemoServer.STUDY;
    private static final Pattern FACT = Pattern.compile("name=\"(fact\\.[^\"]+)\"");
    private static final Pattern QUESTION = Pattern.compile("name=\"(answer-[^\"]+)\"");
    private static DemoServer demo;
    private static String site;

    @BeforeAll
    static void start() throws Exception {
        // the day the candidate's dates are typed for: their measurements lie within the criteria's windows
        demo = DemoServer.start("typed-test-password", new MovableClock(Instant.parse("2026-06-01T09:00:00Z")));
        site = demo.sites().get(0);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /**
     * The typed candidate ({@link TypedCandidate}) with "no" to every other condition, procedure and drug the form
     * asks, and the investigator's answers that let the patient in.
     */
    private static Map<String, String> candidate(Client c, String id) throws Exception {
        String form = c.get("/studies/" + STUDY + "/screen").body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", id);
        fields.put("site", site);
        Matcher m = FACT.matcher(form);
        while (m.find()) {
            if (!m.group(1).startsWith("fact.measurement-") && !m.group(1).startsWith("fact.class-")) {
                fields.put(m.group(1), "no");
            }
        }
        fields.putAll(TypedCandidate.fields());
        Matcher q = QUESTION.matcher(form);
        while (q.find()) {
            fields.put(q.group(1), q.group(1).startsWith("answer-I") ? "yes" : "no");
        }
        return fields;
    }

    private static String verdict(String page) {
        Matcher m = Pattern.compile("id=\"verdict\" class=\"[a-z_]+\">([a-z_]+)<").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }

    /** A criterion's row on a result page: its verdict in words. */
    private static String row(String page, String criterion) {
        Matcher m = Pattern.compile("<tr><td>" + Pattern.quote(criterion) + "</td><td>[^<]*</td><td><span class=\""
                + "[a-z_]+\">([^<]+)</span>").matcher(page);
        assertThat(m.find()).as(criterion + " in " + page).isTrue();
        return m.group(1);
    }

    @Test
    void aTypedPatientLeftIncompleteIsCompletedOnTheSubjectsPage() throws Exception {
        Client coordinator = demo.client("coordinator");
        String form = coordinator.get("/studies/" + STUDY + "/screen").body();
        assertThat(form).contains("<label for=\"fact-measurement-lvef\">left ventricular ejection fraction, in %",
                "name=\"date.measurement-vo2max\"", "name=\"fact.planned-procedure-revascularization\"");

        Client.Reply screened = coordinator.postMultipart("/studies/" + STUDY + "/screen", candidate(coordinator,
                "T1"));
        assertThat(screened.status()).as(screened.body()).isEqualTo(200);
        assertThat(verdict(screened.body())).isEqualTo("incomplete");
        assertThat(row(screened.body(), "I6")).isEqualTo("unknown");
        assertThat(row(screened.body(), "I4")).isEqualTo("met");
        assertThat(row(screened.body(), "E15")).isEqualTo("not met");

        // the subject's page lists what is open and asks for what would decide it
        String page = coordinator.get(subject("T1").replace("/api", "")).body();
        assertThat(page).contains("Complete the screening", "peak oxygen uptake", "name=\"fact.measurement-vo2max\"");
        assertThat(page).doesNotContain("name=\"fact.measurement-lvef\"");
        // the API's view of the subject says what is open, not the whole record kept
        JsonNode open = ok(coordinator.get(subject("T1"))).get("screening");
        assertThat(open.at("/open/0/id").asText()).isEqualTo("I6");
        assertThat(open.has("record")).isFalse();
        // the monitor sees the subject, and is not offered to screen
        assertThat(demo.client("monitor").get(subject("T1").replace("/api", "")).body()).contains("Subject T1")
                .doesNotContain("Complete the screening");
        Client.Reply refused = demo.client("monitor").postForm(subject("T1").replace("/api", "") + "/screening",
                "fact.measurement-vo2max=14&date.measurement-vo2max=2026-05-20");
        assertThat(refused.status()).isEqualTo(403);

        long before = demo.count("SELECT count(*) FROM audit_ledger WHERE entity = 'conduct Rescreened'");
        Client.Reply completed = coordinator.postForm(subject("T1").replace("/api", "") + "/screening",
                "fact.measurement-vo2max=14&date.measurement-vo2max=2026-05-20");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(verdict(completed.body())).isEqualTo("eligible");
        assertThat(row(completed.body(), "I6")).isEqualTo("met");
        assertThat(demo.count("SELECT count(*) FROM audit_ledger WHERE entity = 'conduct Rescreened'"))
                .isEqualTo(before + 1);
        JsonNode t1 = ok(coordinator.get(subject("T1")));
        assertThat(t1.at("/subject/state").asText()).isEqualTo("ELIGIBLE");
        // a screening that has decided is not completed again
        assertThat(coordinator.postForm(subject("T1").replace("/api", "") + "/screening",
                "fact.measurement-vo2max=30&date.measurement-vo2max=2026-05-21").status()).isEqualTo(409);
    }

    @Test
    void theVo2MaxAddedLaterCanRuleThePatientOut() throws Exception {
        Client coordinator = demo.client("coordinator");
        assertThat(verdict(coordinator.postMultipart("/studies/" + STUDY + "/screen", candidate(coordinator, "T2"))
                .body())).isEqualTo("incomplete");
        Client.Reply completed = coordinator.postForm(subject("T2").replace("/api", "") + "/screening",
                "fact.measurement-vo2max=26&date.measurement-vo2max=2026-05-20");
        assertThat(verdict(completed.body())).isEqualTo("ineligible");
        assertThat(row(completed.body(), "I6")).isEqualTo("not met");
    }

    @Test
    void aValueThatCannotBeIsRefusedNamingItsFieldAndTheFormKeepsWhatWasTyped() throws Exception {
        Client coordinator = demo.client("coordinator");
        Map<String, String> fields = candidate(coordinator, "T3");
        fields.put("fact.measurement-lvef", "450");
        long events = demo.count("SELECT count(*) FROM conduct_event");
        Client.Reply refused = coordinator.postMultipart("/studies/" + STUDY + "/screen", fields);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\">fact.measurement-lvef: left ventricular ejection"
                + " fraction: 450 % is outside", "name=\"fact.measurement-lvef\" value=\"450\"",
                "name=\"subject\" required value=\"T3\"", "<option value=\"yes\" selected>yes</option>");
        fields.put("fact.measurement-lvef", "35");
        fields.put("date.measurement-lvef", "4 May 2026");
        Client.Reply badDate = coordinator.postMultipart("/studies/" + STUDY + "/screen", fields);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("date.measurement-lvef", "&#39;4 May 2026&#39; is not a date",
                "value=\"4 May 2026\"");
        assertThat(demo.count("SELECT count(*) FROM conduct_event")).isEqualTo(events);

        // on the subject's page, too
        assertThat(verdict(coordinator.postMultipart("/studies/" + STUDY + "/screen", candidate(coordinator, "T4"))
                .body())).isEqualTo("incomplete");
        Client.Reply implausible = coordinator.postForm(subject("T4").replace("/api", "") + "/screening",
                "fact.measurement-vo2max=900&date.measurement-vo2max=2026-05-20");
        assertThat(implausible.status()).isEqualTo(400);
        assertThat(implausible.body()).contains("fact.measurement-vo2max", "900 mL/min/kg is outside",
                "name=\"fact.measurement-vo2max\" value=\"900\"", "Subject T4");
    }

    @Test
    void neitherAFileNorTypedFactsIsRefused() throws Exception {
        Client coordinator = demo.client("coordinator");
        Client.Reply neither = coordinator.postMultipart("/studies/" + STUDY + "/screen", Map.of("subject", "T5",
                "site", site));
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.body()).contains("upload the patient&#39;s record or type their facts");
    }
}
