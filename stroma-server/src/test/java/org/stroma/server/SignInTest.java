package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in as a browser and an attacker see it: only JSON from Stroma's own origin opens a session, every account has a
 * salt of its own, the pages cannot be re-based or made to post elsewhere, and a person sees and ends their sessions.
 */
class SignInTest {
    private static final String PASSWORD = "demo-password-for-sign-in";
    private static DemoServer demo;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(PASSWORD, new MovableClock(Instant.parse("2026-06-01T09:00:00Z")));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private HttpResponse<String> signIn(String contentType, String origin, String fetchSite) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/api/session"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"monitor\",\"password\":\"" + PASSWORD
                        + "\"}"));
        if (origin != null) {
            b.header("Origin", origin);
        }
        if (fetchSite != null) {
            b.header("Sec-Fetch-Site", fetchSite);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base() {
        return "http://127.0.0.1:" + demo.server().port();
    }

    @Test
    void anotherSitesPageCannotSignTheBrowserIn() throws Exception {
        HttpResponse<String> plain = signIn("text/plain", "http://evil.example", "cross-site");
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.body()).contains("send the sign-in as JSON");
        HttpResponse<String> foreign = signIn("application/json", "http://evil.example", null);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("another site's page");
        HttpResponse<String> crossSite = signIn("application/json", null, "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        for (HttpResponse<String> refused : List.of(plain, foreign, crossSite)) {
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("stroma_session"));
        }
        // Stroma's own page, and a program that sends no Origin, sign in
        assertThat(signIn("application/json", base(), "same-origin").statusCode()).isEqualTo(201);
        assertThat(signIn("application/json; charset=utf-8", null, null).statusCode()).isEqualTo(201);
    }

    @Test
    void everyAccountHasASaltOfItsOwn() throws Exception {
        Set<String> hashes = new HashSet<>();
        long accounts = demo.count("SELECT count(*) FROM app_user");
        try (var c = demo.db().connect(); var s = c.createStatement();
                var r = s.executeQuery("SELECT password_hash FROM app_user")) {
            while (r.next()) {
                hashes.add(r.getString(1));
            }
        }
        assertThat(accounts).isGreaterThanOrEqualTo(10);
        assertThat(hashes).hasSize((int) accounts);
    }

    @Test
    void pagesCannotBeRebasedNorPostElsewhere() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/signin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("base-uri 'none'").contains("form-action 'self'").contains("frame-ancestors 'none'");
    }

    @Test
    void aPersonSeesTheirSessionsEndsOneAndANewPasswordEndsThemAll() throws Exception {
        Client first = demo.client("statistician");
        Client second = demo.client("statistician");
        Client.Reply sessions = first.get("/api/sessions");
        assertThat(sessions.status()).isEqualTo(200);
        assertThat(sessions.json()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sessions.json().findValues("current")).filteredOn(v -> v.asBoolean()).hasSize(1);
        String other = null;
        for (var s : sessions.json()) {
            if (!s.get("current").asBoolean()) {
                other = s.get("id").asText();
            }
        }
        assertThat(first.post("/api/sessions/" + other + "/end", "{}").status()).isEqualTo(200);
        assertThat(second.get("/api/me").status()).isEqualTo(401);
        // another's session is not found, as one that does not exist
        Client third = demo.client("statistician");
        String thirds = null;
        for (var s : third.get("/api/sessions").json()) {
            if (s.get("current").asBoolean()) {
                thirds = s.get("id").asText();
            }
        }
        Client.Reply notYours = demo.client("dsmb").post("/api/sessions/" + thirds + "/end", "{}");
        Client.Reply none = demo.client("dsmb").post("/api/sessions/0123456789abcdef/end", "{}");
        assertThat(notYours.status()).isEqualTo(404).isEqualTo(none.status());
        assertThat(notYours.body().replace(thirds, "ID")).isEqualTo(none.body().replace("0123456789abcdef", "ID"));
        Client.Reply changed = first.post("/api/password", "{\"current\":\"" + PASSWORD + "\",\"new\":\"a new"
                + " secret for the statistician\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(first.get("/api/me").status()).isEqualTo(401);
        assertThat(third.get("/api/me").status()).isEqualTo(401);
        assertThat(new Client(demo.server().port()).signIn("statistician", "a new secret for the statistician")
                .get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void theAccountPageListsTheSessionsAndItsNewPasswordEndsThemAll() throws Exception {
        Client browser = demo.client("celllab");
        Client other = demo.client("celllab");
        Client.Reply page = browser.get("/account");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your sessions", "this one", "Change your password", "127.0.0.1");
        Client.Reply wrong = browser.postForm("/account/password", "current=not-it&new=a+new+lab+secret");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("role=\"alert\"", "the current password is wrong");
        assertThat(other.get("/api/me").status()).isEqualTo(200);
        Client.Reply changed = browser.postForm("/account/password", "current=" + PASSWORD
                + "&new=a+new+lab+secret");
        assertThat(changed.status()).isEqualTo(302);
        assertThat(browser.get("/api/me").status()).isEqualTo(401);
        assertThat(other.get("/api/me").status()).isEqualTo(401);
        assertThat(new Client(demo.server().port()).signIn("celllab", "a new lab secret").get("/api/me")
                .status()).isEqualTo(200);
    }
}
