package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.server.DemoServer.ok;
import static org.stroma.server.DemoServer.screen;
import static org.stroma.server.DemoServer.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only the steps the trial allows, with what a regulator asks for: eligibility comes from the screening and the
 * investigator's signed answers, never from a change of state; a consent records its form's version, when it was
 * signed and who obtained it, and a new form asks for re-consent before anything more is done; a date that cannot be
 * (a product step before randomization, a visit years before the trial, an adverse event before consent) is refused.
 */
class LifecycleRulesTest {
    static final String PASSWORD = "rules-test-password";
    static final String STUDY = DemoServer.STUDY;
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private static DemoServer demo;
    private static String site;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(PASSWORD, CLOCK);
        site = demo.sites().get(0);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** The consent form in force: another test may have put a new one in force. */
    static String consentForm() throws Exception {
        return ok(demo.client("coordinator").get("/api/studies/" + STUDY)).get("consentForm").asText();
    }

    @Test
    void aScreeningLeftIncompleteIsCompletedByTheInvestigatorsSignedAnswersNotByAChangeOfState() throws Exception {
        Client coordinator = demo.client("coordinator");
        Client investigator = demo.client("investigator");
        JsonNode screened = screen(coordinator, "E1", site, false);
        assertThat(screened.at("/result/verdict").asText()).isEqualTo("INCOMPLETE");
        // the state is not the way to eligibility
        Client.Reply forced = coordinator.post(subject("E1") + "/state", "{\"to\":\"eligible\"}");
        assertThat(forced.status()).isEqualTo(400);
        assertThat(forced.json().get("field").asText()).isEqualTo("to");
        assertThat(forced.json().get("error").asText()).contains("comes from the screening");
        // the open criteria, as the investigator answers them
        JsonNode open = coordinator.get(subject("E1")).json().get("openCriteria");
        assertThat(open.size()).isPositive();
        ObjectNode answers = Client.JSON.createObjectNode();
        open.forEach(c -> answers.put(c.get("id").asText(), c.get("kind").asText().equals("INCLUSION")));
        String body = "{\"answers\":" + answers + ",\"password\":\"" + PASSWORD + "\"}";
        assertThat(coordinator.post(subject("E1") + "/eligibility", body).status()).isEqualTo(403);
        assertThat(investigator.post(subject("E1") + "/eligibility", "{\"answers\":" + answers + ",\"password\":"
                + "\"wrong\"}").json().get("field").asText()).isEqualTo("password");
        ObjectNode partial = answers.deepCopy();
        partial.remove(open.get(0).get("id").asText());
        Client.Reply missing = investigator.post(subject("E1") + "/eligibility", "{\"answers\":" + partial
                + ",\"password\":\"" + PASSWORD + "\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).contains("not yet answered: " + open.get(0).get("id")
                .asText());
        JsonNode confirmed = ok(investigator.post(subject("E1") + "/eligibility", body));
        assertThat(confirmed.get("state").asText()).isEqualTo("ELIGIBLE");
        assertThat(demo.count("SELECT count(*) FROM conduct_event WHERE kind = 'EligibilityConfirmed' AND subject ="
                + " 'E1' AND payload->>'printedName' = 'Demo investigator (first site)'")).isEqualTo(1);
    }

    @Test
    void aConsentRecordsItsFormVersionWhenAndByWhomAndANewFormAsksForReconsentFirst() throws Exception {
        Client coordinator = demo.client("coordinator");
        Client admin = demo.client("admin");
        screen(coordinator, "C1", site, true);
        Client.Reply wrongForm = coordinator.post(subject("C1") + "/consent", "{\"formVersion\":\"7\",\"signedAt\":\""
                + CLOCK.instant() + "\"}");
        assertThat(wrongForm.json().get("field").asText()).isEqualTo("formVersion");
        Client.Reply future = coordinator.post(subject("C1") + "/consent", "{\"formVersion\":\"1\",\"signedAt\":\""
                + CLOCK.instant().plus(Duration.ofDays(2)) + "\"}");
        assertThat(future.json().get("field").asText()).isEqualTo("signedAt");
        JsonNode consented = ok(coordinator.post(subject("C1") + "/consent", "{\"formVersion\":\"1\",\"signedAt\":\""
                + CLOCK.instant().minus(Duration.ofMinutes(20)) + "\",\"obtainedBy\":\"investigator\"}"));
        assertThat(consented.get("state").asText()).isEqualTo("CONSENTED");
        assertThat(consented.get("consentedTo").asText()).isEqualTo("1");
        assertThat(demo.count("SELECT count(*) FROM conduct_event WHERE kind = 'Consented' AND subject = 'C1' AND"
                + " payload->>'obtainedBy' = 'investigator' AND payload->>'formVersion' = '1'")).isEqualTo(1);
        ok(coordinator.post(subject("C1") + "/state", "{\"to\":\"enrolled\"}"));
        // the ethics committee approves version 2: the subject re-consents before being randomized
        ok(admin.post("/api/studies/" + STUDY + "/consent-form", "{\"version\":\"2\"}"));
        assertThat(coordinator.get(subject("C1")).json().at("/subject/reconsentNeeded").asBoolean()).isTrue();
        Client.Reply early = coordinator.post(subject("C1") + "/randomization", "{\"baselineWeightKg\":70}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("error").asText()).contains("re-consent");
        JsonNode again = ok(coordinator.post(subject("C1") + "/consent", "{\"formVersion\":\"2\",\"signedAt\":\""
                + CLOCK.instant() + "\"}"));
        assertThat(again.get("reconsentNeeded").asBoolean()).isFalse();
        assertThat(again.get("state").asText()).isEqualTo("ENROLLED");
        ok(coordinator.post(subject("C1") + "/randomization", "{\"baselineWeightKg\":70}"));
        // a form in force is not put in force again, and a replaced one does not come back
        assertThat(admin.post("/api/studies/" + STUDY + "/consent-form", "{\"version\":\"2\"}").json().get("error")
                .asText()).contains("in force already");
        Client.Reply back = admin.post("/api/studies/" + STUDY + "/consent-form", "{\"version\":\"1\"}");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.json().get("error").asText()).contains("was replaced");
    }

    @Test
    void aDateThatCannotBeIsRefusedAndNothingIsWritten() throws Exception {
        Client coordinator = demo.client("coordinator");
        screen(coordinator, "D1", site, true);
        ok(coordinator.post(subject("D1") + "/consent", "{\"formVersion\":\"" + consentForm() + "\",\"signedAt\":\""
                + CLOCK.instant() + "\"}"));
        ok(coordinator.post(subject("D1") + "/state", "{\"to\":\"enrolled\"}"));
        ok(coordinator.post(subject("D1") + "/randomization", "{\"baselineWeightKg\":70}"));
        long events = demo.count("SELECT count(*) FROM conduct_event");
        // a product step before the randomization
        Client lab = demo.client("celllab");
        JsonNode product = lab.get(subject("D1")).json().at("/products/0");
        Client.Reply step = lab.post("/api/studies/" + STUDY + "/products/" + product.get("product").asText()
                + "/steps", "{\"version\":\"" + product.get("version").asText() + "\",\"type\":\"Collected\","
                + "\"donor\":\"D1\",\"tissue\":\"bone marrow\",\"volumeMl\":80,\"at\":\"2026-05-20T08:00:00Z\"}");
        assertThat(step.status()).isEqualTo(409);
        assertThat(step.json().get("error").asText()).contains("before the product was ordered");
        // a Month-6 visit dated 1999
        Client.Reply visit = coordinator.post(subject("D1") + "/visits", "{\"visit\":\"Month 6\",\"day\":"
                + "\"1999-06-01\"}");
        assertThat(visit.status()).isEqualTo(400);
        assertThat(visit.json().get("error").asText()).contains("before subject D1 consented");
        // an adverse event that began before the consent
        Client.Reply ae = coordinator.post(subject("D1") + "/adverse-events", "{\"term\":\"headache\",\"grade\":1,"
                + "\"causality\":\"unlikely\",\"onset\":\"2026-01-10\"}");
        assertThat(ae.status()).isEqualTo(400);
        assertThat(ae.json().get("error").asText()).contains("medical history");
        assertThat(demo.count("SELECT count(*) FROM conduct_event")).isEqualTo(events);
    }

    @Test
    void nothingIsRecordedBeforeConsentOrAtAVisitThatCannotHaveBeenHeld() throws Exception {
        Client coordinator = demo.client("coordinator");
        screen(coordinator, "N1", site, true);
        long events = demo.count("SELECT count(*) FROM conduct_event");
        String vitals = "{\"values\":{\"systolic_bp\":\"120\",\"diastolic_bp\":\"80\",\"heart_rate\":\"70\","
                + "\"weight\":\"70\"},\"version\":0}";
        Client.Reply early = coordinator.post(subject("N1") + "/forms/Baseline/vitals", vitals);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("error").asText()).contains("N1 has not consented");
        Client.Reply history = coordinator.post(subject("N1") + "/adverse-events", "{\"term\":\"headache\","
                + "\"grade\":1,\"causality\":\"unlikely\",\"onset\":\"1990-01-01\"}");
        assertThat(history.status()).isEqualTo(409);
        assertThat(history.json().get("error").asText()).contains("medical history");
        ok(coordinator.post(subject("N1") + "/consent", "{\"formVersion\":\"" + consentForm() + "\",\"signedAt\":\""
                + CLOCK.instant() + "\"}"));
        ok(coordinator.post(subject("N1") + "/state", "{\"to\":\"enrolled\"}"));
        ok(coordinator.post(subject("N1") + "/randomization", "{\"baselineWeightKg\":70}"));
        events = demo.count("SELECT count(*) FROM conduct_event");
        // Month 12 counts from the first administration, which has not happened
        Client.Reply month12 = coordinator.post(subject("N1") + "/forms/Month%2012/vitals", vitals);
        assertThat(month12.status()).as(month12.body()).isEqualTo(409);
        assertThat(month12.json().get("error").asText()).contains("cannot be held yet");
        // the administration visit is done when the product is given, from which follow-up and safety count
        Client.Reply administration = coordinator.post(subject("N1") + "/visits", "{\"visit\":\"Administration\","
                + "\"day\":\"" + LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC) + "\"}");
        assertThat(administration.status()).isEqualTo(400);
        assertThat(administration.json().get("field").asText()).isEqualTo("visit");
        assertThat(administration.json().get("error").asText()).contains("the bedside records it");
        // when the sponsor learnt of an event cannot be in the future, nor in a year no clock counts to
        for (String aware : List.of("2099-01-01", "+999999999-12-31")) {
            Client.Reply ae = coordinator.post(subject("N1") + "/adverse-events", "{\"term\":\"headache\","
                    + "\"grade\":1,\"causality\":\"unlikely\",\"onset\":\"" + LocalDate.ofInstant(CLOCK
                    .instant(), ZoneOffset.UTC) + "\",\"sponsorAware\":\"" + aware + "\"}");
            assertThat(ae.status()).as(aware).isEqualTo(400);
            assertThat(ae.json().get("field").asText()).isEqualTo("sponsorAware");
        }
        assertThat(demo.count("SELECT count(*) FROM conduct_event")).isEqualTo(events);
    }

    @Test
    void theDataIsLockedOnlyOnceEveryQueryIsClosedAndEverySubjectHasLeftTheTrial() throws Exception {
        Client coordinator = demo.client("coordinator");
        screen(coordinator, "L1", site, true);
        ok(coordinator.post(subject("L1") + "/consent", "{\"formVersion\":\"" + consentForm() + "\",\"signedAt\":\""
                + CLOCK.instant() + "\"}"));
        Client.Reply early = demo.client("datamanager").post("/api/studies/" + STUDY + "/lock", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("error").asText()).contains("still in the trial", "L1");
        // and an emergency unblinding needs an allocation to reveal: L1 is not randomized
        Client.Reply unblind = demo.client("investigator").post(subject("L1") + "/unblinding", "{\"reason\":"
                + "\"curious\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(unblind.status()).isEqualTo(409);
        assertThat(unblind.json().get("error").asText()).contains("no arm to reveal");
    }

    /** Imports a reference trial's record, changed, as its study's next version, reviewed; returns the version. */
    static int importChanged(Client admin, String seed, UnaryOperator<String> change) throws Exception {
        String record;
        try (InputStream in = LifecycleRulesTest.class.getResourceAsStream("/demo/seeds/" + seed + ".txt")) {
            record = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode imported = ok(admin.post("/api/studies/import", change.apply(record)));
        int version = imported.get(0).get("version").asInt();
        String study = imported.get(0).get("study").asText();
        ok(admin.post("/api/studies/" + study + "/versions/" + version + "/review", "{}"));
        return version;
    }

    @Test
    void aRunningTrialKeepsTheDesignItsAllocationsWereMadeUnder() throws Exception {
        screen(demo.client("coordinator"), "R1", site, true);
        Client admin = demo.client("admin");
        int openLabel = importChanged(admin, "000_b4a57771c457638a", r -> r.replace("Masking: | Double (Participant,"
                + " Investigator) |", "Masking: | None (Open Label) |"));
        Client.Reply unmasked = admin.post("/api/studies/" + STUDY + "/versions/" + openLabel + "/publish", "{}");
        assertThat(unmasked.status()).as(unmasked.body()).isEqualTo(409);
        assertThat(unmasked.json().get("error").asText()).contains("who is masked");
        // the arms in the other order would re-read every allocation: the placebo arm's subjects would get cells
        int swapped = importChanged(admin, "000_b4a57771c457638a", r -> {
            int placebo = r.indexOf("Placebo Comparator: Placebo comparator");
            int cells = r.indexOf("Experimental: Autologous MSC");
            int end = r.indexOf("Other Name: mesenchymal stem cells |\n") + "Other Name: mesenchymal stem cells |\n"
                    .length();
            return r.substring(0, placebo) + r.substring(cells, end) + r.substring(placebo, cells) + r.substring(end);
        });
        Client.Reply reordered = admin.post("/api/studies/" + STUDY + "/versions/" + swapped + "/publish", "{}");
        assertThat(reordered.status()).as(reordered.body()).isEqualTo(409);
        assertThat(reordered.json().get("error").asText()).contains("the arms");
        assertThat(ok(demo.client("investigator").get(subject("R1"))).at("/subject/state").asText())
                .isEqualTo("ELIGIBLE");
    }

    @Test
    void aMaskingChangeBeforeTheTrialRunsCannotPutSomeoneOnBothSidesOfTheBlind() throws Exception {
        Client admin = demo.client("admin");
        String study = "NCT01854957";
        String masking = "Masking: | Quadruple (Participant, Care Provider, Investigator, Outcomes Assessor) |";
        int openLabel = importChanged(admin, "004_58ec9ded4b3b1533", r -> r.replace(masking,
                "Masking: | None (Open Label) |"));
        ok(admin.post("/api/studies/" + study + "/versions/" + openLabel + "/publish", "{}"));
        int team = ok(admin.get("/api/studies/" + study + "/team")).get("version").asInt();
        ok(admin.post("/api/studies/" + study + "/team", "{\"username\":\"admin\",\"role\":\"cell lab\","
                + "\"version\":" + team + "}"));
        int masked = importChanged(admin, "004_58ec9ded4b3b1533", r -> r);
        Client.Reply r = admin.post("/api/studies/" + study + "/versions/" + masked + "/publish", "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("error").asText()).contains("admin would be on both sides of the blind");
    }
}
