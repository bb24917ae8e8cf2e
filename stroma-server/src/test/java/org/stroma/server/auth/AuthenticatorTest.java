package org.stroma.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.server.MovableClock;
import org.stroma.store.Database;
import org.stroma.store.user.UserStore;

/** Sign-in on the embedded PostgreSQL: hashes only, throttling after repeated failures, sessions that expire. */
class AuthenticatorTest {
    private static Database db;
    private static UserStore users;

    @BeforeAll
    static void start() throws Exception {
        db = Database.temporary();
        users = new UserStore(db);
        users.create("setup", "ada", "Ada", Passwords.hash("correct horse"), false);
        users.create("setup", "bob", "Bob", Passwords.hash("battery staple"), false);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void onlyTheHashIsKeptAndAWrongPasswordOrNameSignsNobodyIn() throws Exception {
        Authenticator auth = new Authenticator(users, new MovableClock(Instant.parse("2026-06-01T09:00:00Z")));
        assertThat(users.user("ada").orElseThrow().passwordHash()).startsWith("$2").doesNotContain("correct horse");
        assertThat(auth.signIn("ada", "wrong horse")).isEmpty();
        assertThat(auth.signIn("nobody", "correct horse")).isEmpty();
        assertThat(auth.signIn("ada", "correct horse")).isPresent();
    }

    @Test
    void fiveFailuresLockTheNameForFifteenMinutes() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
        Authenticator auth = new Authenticator(users, clock);
        for (int i = 0; i < Authenticator.MAX_FAILURES; i++) {
            assertThat(auth.signIn("bob", "guess " + i)).isEmpty();
        }
        assertThatThrownBy(() -> auth.signIn("bob", "battery staple")).isInstanceOf(TooManyAttemptsException.class);
        clock.advance(Duration.ofMinutes(16));
        assertThat(auth.signIn("bob", "battery staple")).isPresent();
    }

    @Test
    void aSessionEndsWhenUnusedForThirtyMinutesAndAfterTwelveHours() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
        Authenticator auth = new Authenticator(users, clock);
        String idle = auth.signIn("ada", "correct horse").orElseThrow().token();
        clock.advance(Duration.ofMinutes(29));
        assertThat(auth.principal(idle)).isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(auth.principal(idle)).isEmpty();
        String busy = auth.signIn("ada", "correct horse").orElseThrow().token();
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
