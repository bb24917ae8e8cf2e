package org.stroma.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.server.MovableClock;
import org.stroma.store.Database;
import org.stroma.trial.refusal.NotFoundException;
import org.stroma.store.user.Session;
import org.stroma.store.user.UserStore;

/**
 * Sign-in on the embedded PostgreSQL: hashes only, failures that slow down their own address and never lock out the
 * person, audited; sessions that expire, that their owner lists and ends, and that a new password ends.
 */
class AuthenticatorTest {
    private static final String HOME = "192.0.2.10";
    private static final String STRANGER = "203.0.113.66";
    private static Database db;
    private static UserStore users;

    @BeforeAll
    static void start() throws Exception {
        db = Database.temporary();
        users = new UserStore(db);
        users.create("setup", "ada", "Ada", Passwords.hash("correct horse"), false);
        users.create("setup", "bob", "Bob", Passwords.hash("battery staple"), false);
        users.create("setup", "carl", "Carl", Passwords.hash("carl's own secret"), false);
        users.create("setup", "dora", "Dora", Passwords.hash("dora's secret"), false);
        users.create("setup", "eve", "Eve", Passwords.hash("eve's first secret"), false);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void onlyTheHashIsKeptAndAWrongPasswordOrNameSignsNobodyIn() throws Exception {
        Authenticator auth = new Authenticator(users, new MovableClock(Instant.parse("2026-06-01T09:00:00Z")));
        assertThat(users.user("ada").orElseThrow().passwordHash()).startsWith("$2").doesNotContain("correct horse");
        assertThat(auth.signIn("ada", "wrong horse", HOME)).isEmpty();
        assertThat(auth.signIn("nobody", "correct horse", HOME)).isEmpty();
        assertThat(auth.signIn("ada", "correct horse", HOME)).isPresent();
        // a user name is one person's: a second account under it is refused
        assertThatThrownBy(() -> users.create("setup", "ada", "Another Ada", Passwords.hash("another horse"), false))
                .hasMessageContaining("user ada already exists");
    }

    @Test
    void failuresSlowDownTheirOwnAddressAndNeverTheRightPersonElsewhere() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
        Authenticator auth = new Authenticator(users, clock);
        for (int i = 0; i < SignInThrottle.FREE; i++) {
            assertThat(auth.signIn("bob", "guess " + i, STRANGER)).isEmpty();
        }
        // the stranger waits, even with the right password, and every refusal says how long
        assertThatThrownBy(() -> auth.signIn("bob", "battery staple", STRANGER))
                .isInstanceOf(TooManyAttemptsException.class).hasMessageContaining("try again in 3 s");
        // bob, from his own address, is not held up by the stranger's guesses
        assertThat(auth.signIn("bob", "battery staple", HOME)).isPresent();
        // each further failure doubles the stranger's wait, up to fifteen minutes and never more
        long wait = 3;
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofSeconds(wait));
            assertThat(auth.signIn("bob", "guess again", STRANGER)).isEmpty();
            long next = ((TooManyAttemptsException) catchThrowable(() -> auth.signIn("bob", "x", STRANGER)))
                    .retryAfterSeconds();
            assertThat(next).isEqualTo(Math.min(2 * wait - 1, 901));
            wait = next;
        }
        assertThat(wait).isEqualTo(901);
        clock.advance(Duration.ofMinutes(16));
        assertThat(auth.signIn("bob", "battery staple", STRANGER)).isPresent();
    }

    @Test
    void fiftyWrongSignInsAtOnceAreCountedAsFifty() throws Exception {
        Authenticator auth = new Authenticator(users, new MovableClock(Instant.parse("2026-06-02T09:00:00Z")));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    return auth.signIn("carl", "guess " + n, "198.51.100.50").isPresent() ? "in" : "wrong";
                } catch (TooManyAttemptsException e) {
                    return "throttled";
                }
            }));
        }
        go.countDown();
        Map<String, Integer> counted = new TreeMap<>();
        for (Future<String> f : outcomes) {
            counted.merge(f.get(), 1, Integer::sum);
        }
        pool.shutdown();
        // only the free attempts reached the password check; the rest waited their turn and were held off
        assertThat(counted).isEqualTo(Map.of("wrong", SignInThrottle.FREE, "throttled", 50 - SignInThrottle.FREE));
        assertThat(count("SELECT count(*) FROM login_attempt WHERE username = 'carl'")).isEqualTo(SignInThrottle.FREE);
        // and carl himself, elsewhere, signs in at once
        assertThat(auth.signIn("carl", "carl's own secret", HOME)).isPresent();
    }

    @Test
    void failedSignInsAreAudited() throws Exception {
        Authenticator auth = new Authenticator(users, new MovableClock(Instant.parse("2026-06-03T09:00:00Z")));
        assertThat(auth.signIn("dora", "not hers", "192.0.2.77")).isEmpty();
        assertThat(count("SELECT count(*) FROM audit_ledger WHERE action = 'refuse' AND entity = 'sign-in' AND"
                + " entity_id = 'dora' AND new_value LIKE '%192.0.2.77%'")).isEqualTo(1);
        assertThat(auth.signIn("nobody-at-all", "a guess", "192.0.2.77")).isEmpty();
        assertThat(count("SELECT count(*) FROM audit_ledger WHERE action = 'refuse' AND entity = 'sign-in' AND"
                + " entity_id = 'nobody-at-all'")).isEqualTo(1);
    }

    @Test
    void aPersonListsAndEndsTheirSessionsAndANewPasswordEndsThemAll() throws Exception {
        Authenticator auth = new Authenticator(users, new MovableClock(Instant.parse("2026-06-04T09:00:00Z")));
        String laptop = auth.signIn("eve", "eve's first secret", "192.0.2.1").orElseThrow().token();
        String phone = auth.signIn("eve", "eve's first secret", "192.0.2.2").orElseThrow().token();
        String tablet = auth.signIn("eve", "eve's first secret", "192.0.2.3").orElseThrow().token();
        Principal onLaptop = auth.principal(laptop).orElseThrow();
        List<Session> open = auth.sessions(onLaptop);
        assertThat(open).extracting(Session::source).containsExactlyInAnyOrder("192.0.2.1", "192.0.2.2", "192.0.2.3");
        String phoneId = auth.principal(phone).orElseThrow().sessionId();
        auth.endSession(onLaptop, phoneId);
        assertThat(auth.principal(phone)).isEmpty();
        assertThat(auth.principal(laptop)).isPresent();
        // another person's session, or one that does not exist, is not found
        Principal ada = auth.principal(auth.signIn("ada", "correct horse", HOME).orElseThrow().token()).orElseThrow();
        assertThatThrownBy(() -> auth.endSession(ada, auth.principal(tablet).orElseThrow().sessionId()))
                .isInstanceOf(NotFoundException.class);
        assertThat(auth.principal(tablet)).isPresent();
        assertThatThrownBy(() -> auth.changePassword(onLaptop, "not the current one", "eve's second secret"))
                .hasMessageContaining("the current password is wrong");
        auth.changePassword(onLaptop, "eve's first secret", "eve's second secret");
        assertThat(auth.principal(laptop)).isEmpty();
        assertThat(auth.principal(tablet)).isEmpty();
        assertThat(auth.signIn("eve", "eve's first secret", HOME)).isEmpty();
        assertThat(auth.signIn("eve", "eve's second secret", HOME)).isPresent();
    }

    private static long count(String sql) throws Exception {
        try (var c = db.connect(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aSessionEndsWhenUnusedForThirtyMinutesAndAfterTwelveHours() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
        Authenticator auth = new Authenticator(users, clock);
        String idle = auth.signIn("ada", "correct horse", HOME).orElseThrow().token();
        clock.advance(Duration.ofMinutes(29));
        assertThat(auth.principal(idle)).isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(auth.principal(idle)).isEmpty();
        String busy = auth.signIn("ada", "correct horse", HOME).orElseThrow().token();
        for (int i = 0; i < 26; i++) {
            clock.advance(Duration.ofMinutes(28));
            if (i < 25) {
                assertThat(auth.principal(busy)).as("after " + (i + 1) * 28 + " minutes").isPresent();
            }
        }
        assertThat(auth.principal(busy)).isEmpty();
        auth.signOut(busy);
        assertThat(auth.principal("not a token")).isEmpty();
    }
}
