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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stroma.trial.refusal.NotFoundException;
import org.stroma.store.user.Session;
import org.stroma.trial.conduct.RefusedValue;
import org.stroma.store.user.User;
import org.stroma.store.user.UserStore;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * Signing in and out, and finding the person behind a session token. Failed sign-ins slow down further attempts for
 * the same name from the same address ({@link SignInThrottle}), and are audited. A session ends after thirty minutes
 * unused or twelve hours in all, when its owner ends it, and with every other session of theirs when their password
 * changes. The database keeps only the SHA-256 of a token, so a copy of the database opens no session.
 */
public final class Authenticator {
    /** Where a password typed again for a signature comes from, for the throttle: the person is signed in already. */
    private static final String SIGNATURE = "signature";
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final UserStore users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SignInThrottle throttle = new SignInThrottle();

    public Authenticator(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** A new session's token (for the cookie) and CSRF token (for forms and API calls). */
    public record NewSession(String token, String csrfToken) {
    }

    /**
     * Signs in from an address, or says why not: an empty result for a wrong name or password, never which of the two.
     */
    public Optional<NewSession> signIn(String username, String password, String source) throws SQLException {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!checked(name, password, source)) {
            return Optional.empty();
        }
        NewSession session = new NewSession(token(), token());
        users.openSession(hash(session.token()), name, session.csrfToken(), source, clock.instant());
        return Optional.of(session);
    }

    /**
     * Checks a signed-in person's password again, as an electronic signature needs (21 CFR 11.200); wrong ones slow
     * down further tries as wrong sign-ins do.
     */
    public boolean confirm(String username, String password) throws SQLException {
        return checked(username, password, SIGNATURE);
    }

    /** The password checked, one attempt at a time for a name and address, and the attempt recorded and audited. */
    private boolean checked(String name, String password, String source) throws SQLException {
        if (password == null || password.isEmpty()) {
            return false; // no account has an empty password: nothing was tried
        }
        synchronized (throttle.lockFor(name, source)) {
            Instant now = clock.instant();
            Optional<Instant> wait = throttle.notBefore(users.failuresSince(name, source,
                    now.minus(SignInThrottle.WINDOW)), now);
            if (wait.isPresent()) {
                throw new TooManyAttemptsException(now, wait.get());
            }
            boolean ok = Passwords.matches(password, users.user(name).map(User::passwordHash).orElse(null));
            users.recordSignIn(name, source, now, ok);
            return ok;
        }
    }

    /** A person's open sessions, the most recently used first. */
    public List<Session> sessions(Principal p) throws SQLException {
        return users.sessions(p.username());
    }

    /** Ends one of the person's own sessions; another's, or one that does not exist, reads as not found. */
    public void endSession(Principal p, String id) throws SQLException {
        if (!users.closeSession(p.username(), id)) {
            throw new NotFoundException("no session " + id);
        }
    }

    /** A new password, given the current one again; every session of the person ends, this one included. */
    public void changePassword(Principal p, String current, String next) throws SQLException {
        String hash;
        try {
            hash = Passwords.hash(next);
        } catch (InvalidInputException e) {
            throw new RefusedValue("new", e.getMessage());
        }
        if (!confirm(p.username(), current)) {
            throw new RefusedValue("current", "the current password is wrong; the password is unchanged");
        }
        users.changePassword(p.username(), p.username(), hash, clock.instant());
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
                users.memberships(user.username()), s.csrfToken(), s.id()));
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
