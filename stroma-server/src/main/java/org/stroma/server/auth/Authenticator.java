package org.stroma.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.stroma.store.user.Session;
import org.stroma.store.user.User;
import org.stroma.store.user.UserStore;

/**
 * Signing in and out, and finding the person behind a session token. Five failed sign-ins for a user name within
 * fifteen minutes lock it for fifteen minutes. A session ends after thirty minutes unused or twelve hours in all. The
 * database keeps only the SHA-256 of a token, so a copy of the database opens no session.
 */
public final class Authenticator {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final UserStore users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Authenticator(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** A new session's token (for the cookie) and CSRF token (for forms and API calls). */
    public record NewSession(String token, String csrfToken) {
    }

    /** Signs in, or says why not: an empty result for a wrong name or password, never which of the two. */
    public Optional<NewSession> signIn(String username, String password) throws SQLException {
        Instant now = clock.instant();
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (users.failuresSince(name, now.minus(LOCKOUT)) >= MAX_FAILURES) {
            throw new TooManyAttemptsException(name, now.plus(LOCKOUT));
        }
        Optional<User> user = users.user(name);
        boolean ok = Passwords.matches(password, user.map(User::passwordHash).orElse(null));
        users.recordSignIn(name, now, ok);
        if (!ok) {
            return Optional.empty();
        }
        NewSession session = new NewSession(token(), token());
        users.openSession(hash(session.token()), name, session.csrfToken(), now);
        return Optional.of(session);
    }

    /**
     * Checks a signed-in person's password again, as an electronic signature needs (21 CFR 11.200); a wrong one counts
     * toward the same lockout as a wrong sign-in.
     */
    public boolean confirm(String username, String password) throws SQLException {
        Instant now = clock.instant();
        if (users.failuresSince(username, now.minus(LOCKOUT)) >= MAX_FAILURES) {
            throw new TooManyAttemptsException(username, now.plus(LOCKOUT));
        }
        boolean ok = Passwords.matches(password, users.user(username).map(User::passwordHash).orElse(null));
        users.recordSignIn(username, now, ok);
        return ok;
    }

    /** The person behind a token, if the session is open and not expired; using it keeps it open. */
    public Optional<Principal> principal(String token) throws SQLException {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String key = hash(token);
        Optional<Session> found = users.session(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session s = found.get();
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.created().plus(LIFETIME))) {
            users.closeSession(key);
            return Optional.empty();
        }
        if (now.isAfter(s.lastSeen().plusSeconds(30))) {
            users.touchSession(key, now);
        }
        User user = users.user(s.username()).orElseThrow();
        return Optional.of(new Principal(user.username(), user.displayName(), user.createsStudies(),
                users.memberships(user.username()), s.csrfToken()));
    }

    public void signOut(String token) throws SQLException {
        if (token != null) {
            users.closeSession(hash(token));
        }
    }

    /** Compares two tokens in constant time. */
    public static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
