package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.server.auth.Passwords;
import org.stroma.store.user.Membership;
import org.stroma.store.user.UserStore;
import org.stroma.trial.masking.Role;

/**
 * What reaches the server other than a request's fields — its path, its query string, an imported record's texts, a
 * study's id — is held to the same rules: a character no one types is refused naming where it was, never a server
 * error; a study id is an NCT number where a study is made and where one is asked for; the pages' policy keeps a
 * page's links and forms to Stroma itself. Nothing refused is stored.
 */
class RefusalsAtTheEdgeTest {
    static final String STUDY = SweepFixture.STUDY;
    private static SweepFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = SweepFixture.open();
        UserStore users = new UserStore(fixture.demo().db());
        users.create("setup", "outsider", "Someone of another study", Passwords.hash(SweepFixture.PASSWORD), false);
        users.grant("setup", "outsider", new Membership("NCT04776239", Role.INVESTIGATOR, null), null,
                SweepFixture.CLOCK.instant());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static Client client(String user) throws Exception {
        return fixture.client(user);
    }

    @Test
    void aCharacterNoOneTypesInAPathOrAQueryStringIsRefusedNamingWhereItWas() throws Exception {
        Client admin = client("admin");
        long before = fixture.stored();
        assertRefused(admin.get("/api/studies/" + STUDY + "/subjects?x=a%00b"), "x");
        assertRefused(admin.get("/api/studies/" + STUDY + "/subjects/S4%01"), "subject");
        assertRefused(admin.get("/api/studies/" + STUDY + "/subjects/S4/forms/Baseline%7F/vitals"), "visit");
        assertRefused(admin.get("/api/studies/" + STUDY + "/subjects/S4/forms/Baseline/vitals%01"), "form");
        assertRefused(admin.get("/api/studies/%01" + STUDY), "study");
        assertRefused(admin.post("/api/studies/import?name=a%00b", "{}"), "name");
        assertRefused(client("coordinator").post("/api/studies/" + STUDY + "/subjects/S4%01/state",
                "{\"to\":\"withdrawn\",\"reason\":\"x\"}"), "subject");
        Client.Reply page = admin.get("/studies/" + STUDY + "?tab=%00");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("&#39;tab&#39; holds a character no one types");
        // U+0000 itself in a path is refused by the web server before any route is found: a 400 all the same
        Client.Reply nul = new Client(fixture.server().port()).signIn("admin", SweepFixture.PASSWORD)
                .get("/api/studies/" + STUDY + "/subjects/S%004");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(fixture.stored()).isEqualTo(before);
    }

    @Test
    void theSignInFormKeepsTheTextRulesToo() throws Exception {
        Client anonymous = new Client(fixture.server().port());
        String form = anonymous.get("/signin").body().replaceAll("(?s).*name=\"_form\" value=\"([^\"]+)\".*", "$1");
        Client.Reply r = anonymous.postForm("/signin", "_form=" + form + "&username=admin%00x&password=x");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("&#39;username&#39; holds a character no one types");
    }

    @Test
    void anotherSitesEmergencyUnblindingIsNotFoundInTheWordsOfOneThatDoesNotExist() throws Exception {
        Client other = client("investigator2");
        String body = "{\"password\":\"" + SweepFixture.PASSWORD + "\"}";
        Client.Reply theirs = other.post("/api/studies/" + STUDY + "/unblindings/U1/approval", body);
        Client.Reply none = other.post("/api/studies/" + STUDY + "/unblindings/U999/approval", body);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.body().replace("U1", "X")).isEqualTo(none.body().replace("U999", "X"));
    }

    private static void assertRefused(Client.Reply r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(field);
        assertThat(r.json().get("error").asText()).contains("'" + field + "' holds a character no one types");
    }

    @Test
    void aStudyIdIsAnNctNumberWhereAStudyIsMadeAndWhereOneIsAskedFor() throws Exception {
        Client admin = client("admin");
        long before = fixture.stored();
        Client.Reply traversal = admin.post("/api/studies/import?name=record.json", "{\"protocolSection\":"
                + "{\"identificationModule\":{\"nctId\":\"../../../../etc/passwd\",\"briefTitle\":\"x\"}}}");
        assertThat(traversal.status()).as(traversal.body()).isEqualTo(400);
        assertThat(traversal.json().get("field").asText()).isEqualTo("record");
        assertThat(traversal.json().get("error").asText()).contains("is not an NCT number");
        assertThat(fixture.stored()).isEqualTo(before);
        // asked for, an id that cannot be a study's reads as a study that does not exist
        for (String id : new String[] {"NCT0246233", "..", "etc-passwd", "nct02462330"}) {
            Client.Reply r = admin.get("/api/studies/" + id + "/subjects");
            Client.Reply none = admin.get("/api/studies/NCT99999999/subjects");
            assertThat(r.status()).as(id).isEqualTo(404);
            assertThat(r.body().replace(id, "X")).isEqualTo(none.body().replace("NCT99999999", "X"));
        }
    }

    @Test
    void aRecordHoldingWhatTheDatabaseCannotKeepIsRefusedNamingWhereAndNothingIsStored() throws Exception {
        Client admin = client("admin");
        long before = fixture.stored();
        Client.Reply r = admin.post("/api/studies/import?name=record.json", "{\"protocolSection\":"
                + "{\"identificationModule\":{\"nctId\":\"NCT09999999\",\"briefTitle\":\"a\\u0000b\"}}}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("record");
        assertThat(r.json().get("error").asText()).contains("record.json: identification.briefTitle holds a"
                + " character no one types");
        Client.Reply half = admin.post("/api/studies/import?name=record.json", "{\"protocolSection\":"
                + "{\"identificationModule\":{\"nctId\":\"NCT09999999\",\"briefTitle\":\"a\\ud800b\"}}}");
        assertThat(half.status()).as(half.body()).isEqualTo(400);
        assertThat(fixture.stored()).isEqualTo(before);
    }

    @Test
    void thePagesPolicyKeepsTheirBaseAndTheirFormsToStroma() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + fixture.server().port() + "/signin")).build(), HttpResponse.BodyHandlers.ofString());
        String policy = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'", "base-uri 'none'",
                "form-action 'self'");
    }

    @Test
    void theStepTemplateIsAStudysRouteLikeAnyOther() throws Exception {
        String template = "/studies/" + STUDY + "/step-template?type=Administered&product=S4-P1";
        Client.Reply outsider = client("outsider").get(template);
        assertThat(outsider.status()).isEqualTo(404);
        assertThat(ServerWalkTest.withoutToken(outsider.body()).replace(STUDY, "X")).isEqualTo(ServerWalkTest
                .withoutToken(client("outsider").get(template.replace(STUDY, "NCT99999999")).body())
                .replace("NCT99999999", "X"));
        assertThat(client("monitor").get(template).status()).isEqualTo(403);
        Client.Reply lab = client("celllab").get(template);
        assertThat(lab.status()).isEqualTo(200);
        assertThat(lab.body()).contains("given.volumeMl");
    }

    @Test
    void aQueryIsRaisedOnlyOnAnItemOfAFormThatIsSaved() throws Exception {
        Client monitor = client("monitor");
        long before = fixture.stored();
        String s4 = DemoServer.subject("S4") + "/forms/";
        Client.Reply noItem = monitor.post(s4 + "Baseline/vitals/queries", "{\"item\":\"nope\",\"text\":\"?\"}");
        assertThat(noItem.status()).isEqualTo(400);
        assertThat(noItem.json().get("field").asText()).isEqualTo("item");
        Client.Reply noForm = monitor.post(s4 + "Baseline/nope/queries", "{\"item\":\"weight\",\"text\":\"?\"}");
        assertThat(noForm.status()).isEqualTo(400);
        assertThat(noForm.json().get("field").asText()).isEqualTo("form");
        Client.Reply notSaved = monitor.post(s4 + "Baseline/echo/queries", "{\"item\":\"lvef\",\"text\":\"?\"}");
        assertThat(notSaved.status()).isEqualTo(400);
        assertThat(notSaved.json().get("field").asText()).isEqualTo("form");
        assertThat(notSaved.json().get("error").asText()).contains("has no echo saved at Baseline");
        assertThat(fixture.stored()).isEqualTo(before);
    }

    @Test
    void nothingIsRecordedOfASubjectOnlyScreenedOrNotYetConsentedNorIsOneNeverRandomizedUnblinded()
            throws Exception {
        long before = fixture.stored();
        String vitals = "{\"version\":0,\"values\":{\"systolic_bp\":\"128\",\"diastolic_bp\":\"78\",\"heart_rate\":"
                + "\"70\",\"weight\":\"71\"}}";
        for (String id : new String[] {"S1", "S2"}) { // eligible, and screened with criteria left open
            Client.Reply r = client("coordinator").post(DemoServer.subject(id) + "/forms/Baseline/vitals", vitals);
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().get("error").asText()).contains("has not consented");
        }
        Client.Reply unblinding = client("investigator").post(DemoServer.subject("S3") + "/unblinding",
                "{\"reason\":\"anaphylaxis\",\"password\":\"" + SweepFixture.PASSWORD + "\"}");
        assertThat(unblinding.status()).as(unblinding.body()).isEqualTo(409);
        assertThat(unblinding.json().get("error").asText()).contains("not randomized");
        assertThat(fixture.stored()).isEqualTo(before);
    }
}
