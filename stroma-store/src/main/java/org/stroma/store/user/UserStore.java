package org.stroma.store.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stroma.store.Database;
import org.stroma.trial.refusal.NotFoundException;
import org.stroma.store.StaleException;
import org.stroma.store.StoreJson;
import org.stroma.store.audit.Change;
import org.stroma.store.study.StudyStore;
import org.stroma.trial.masking.Role;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * People, their roles per study and site, their sessions and their sign-in attempts. Creating a person and granting
 * a role are audited; sessions and attempts are not study data and are written directly.
 */
public final class UserStore {
    private final Database db;

    public UserStore(Database db) {
        this.db = db;
    }

    /** Adds a person; the password arrives already hashed and never reaches the audit ledger. */
    public void create(String actor, String username, String displayName, String passwordHash, boolean createsStudies)
            throws SQLException {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new InvalidInputException("a user name is 2 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        db.write(actor, w -> {
            try (PreparedStatement s = w.connection().prepareStatement("INSERT INTO app_user (username, display_name,"
                    + " password_hash, creates_studies, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, username);
                s.setString(2, displayName);
                s.setString(3, passwordHash);
                s.setBoolean(4, createsStudies);
                s.setTimestamp(5, Timestamp.from(Instant.now()));
                if (s.executeUpdate() == 0) {
                    throw new InvalidInputException("user " + username + " already exists");
                }
            }
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("username", username);
            value.put("displayName", displayName);
            value.put("createsStudies", createsStudies);
            value.put("passwordDigest", passwordDigest(passwordHash));
            w.audit(Change.created("user", username, StoreJson.write(value)));
            return null;
        });
    }

    /**
     * Gives a person a role in a study, at a site or (site null) at all of them, from the team's version the actor
     * read ({@code expected}; null for a change that reads none, such as a new study's first administrator).
     */
    public void grant(String actor, String username, Membership membership, Integer expected, Instant at)
            throws SQLException {
        db.write(actor, w -> {
            StudyStore.lockStudy(w.connection(), membership.study());
            moveTeamOn(w.connection(), membership.study(), actor, expected, at);
            try (PreparedStatement s = w.connection().prepareStatement("INSERT INTO membership (username, study_id,"
                    + " role, site) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, username);
                s.setString(2, membership.study());
                s.setString(3, membership.role().name());
                s.setString(4, membership.site());
                if (s.executeUpdate() == 0) {
                    throw new InvalidInputException(username + " already has this role");
                }
            }
            w.audit(Change.created("membership", username + "@" + membership.study(), StoreJson.write(membership)));
            return null;
        });
    }

    /** Takes a role away, for a reason; the row goes, and the audit ledger keeps what it was and why. */
    public void revoke(String actor, String username, Membership membership, String reason, Integer expected,
            Instant at) throws SQLException {
        db.write(actor, w -> {
            StudyStore.lockStudy(w.connection(), membership.study());
            moveTeamOn(w.connection(), membership.study(), actor, expected, at);
            try (PreparedStatement s = w.connection().prepareStatement("DELETE FROM membership WHERE username = ?"
                    + " AND study_id = ? AND role = ? AND site IS NOT DISTINCT FROM ?")) {
                s.setString(1, username);
                s.setString(2, membership.study());
                s.setString(3, membership.role().name());
                s.setString(4, membership.site());
                if (s.executeUpdate() == 0) {
                    throw new InvalidInputException(username + " does not have this role");
                }
            }
            w.audit(Change.deleted("membership", username + "@" + membership.study(), StoreJson.write(membership),
                    reason));
            return null;
        });
    }

    /** The study team's version now. */
    public TeamVersion teamVersion(String study) throws SQLException {
        try (Connection c = db.connect()) {
            return teamVersion(c, study);
        }
    }

    private static TeamVersion teamVersion(Connection c, String study) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT team_version, team_changed_by, team_changed_at FROM"
                + " study WHERE id = ?")) {
            s.setString(1, study);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new NotFoundException("no study " + study);
                }
                Timestamp at = r.getTimestamp(3);
                return new TeamVersion(r.getInt(1), r.getString(2), at == null ? null : at.toInstant());
            }
        }
    }

    /** Checks the team is at the version the actor read, and moves it on; the study's row is locked. */
    private static void moveTeamOn(Connection c, String study, String actor, Integer expected, Instant at)
            throws SQLException {
        TeamVersion now = teamVersion(c, study);
        if (expected != null && expected != now.version()) {
            throw new StaleException("the team of " + study, now.version(), now.changedBy(), now.changedAt());
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE study SET team_version = team_version + 1,"
                + " team_changed_by = ?, team_changed_at = ? WHERE id = ?")) {
            s.setString(1, actor);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, study);
            s.executeUpdate();
        }
    }

    public Optional<User> user(String username) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT display_name,"
                + " password_hash, creates_studies FROM app_user WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new User(username, r.getString(1), r.getString(2), r.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    public List<Membership> memberships(String username) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT study_id, role, site FROM"
                + " membership WHERE username = ? ORDER BY study_id, role, site")) {
            s.setString(1, username);
            List<Membership> list = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(new Membership(r.getString(1), Role.valueOf(r.getString(2)), r.getString(3)));
                }
            }
            return list;
        }
    }

    /** Everyone with a role in a study, by user name. */
    public List<TeamMember> team(String study) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT m.username, u.display_name,"
                + " m.role, m.site FROM membership m JOIN app_user u USING (username) WHERE m.study_id = ? ORDER BY"
                + " m.username, m.role, m.site NULLS FIRST")) {
            s.setString(1, study);
            List<TeamMember> list = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(new TeamMember(r.getString(1), r.getString(2), Role.valueOf(r.getString(3)),
                            r.getString(4)));
                }
            }
            return list;
        }
    }

    public void openSession(String tokenHash, String username, String csrfToken, String source, Instant now)
            throws SQLException {
        update("INSERT INTO user_session (token_hash, username, csrf_token, source, created_at, last_seen) VALUES (?,"
                + " ?, ?, ?, ?, ?)", tokenHash, username, csrfToken, source, Timestamp.from(now), Timestamp.from(now));
    }

    public Optional<Session> session(String tokenHash) throws SQLException {
        List<Session> found = sessions("token_hash = ?", tokenHash);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A person's open sessions, the most recently used first. */
    public List<Session> sessions(String username) throws SQLException {
        return sessions("username = ?", username);
    }

    private List<Session> sessions(String where, String value) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT substr(token_hash, 1, "
                + SESSION_ID + "), username, csrf_token, source, created_at, last_seen FROM user_session WHERE "
                + where + " ORDER BY last_seen DESC")) {
            s.setString(1, value);
            List<Session> list = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(new Session(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getTimestamp(5).toInstant(), r.getTimestamp(6).toInstant()));
                }
            }
            return list;
        }
    }

    /** How many hex digits of a token's hash name its session. */
    private static final int SESSION_ID = 16;

    public void touchSession(String tokenHash, Instant now) throws SQLException {
        update("UPDATE user_session SET last_seen = ? WHERE token_hash = ?", Timestamp.from(now), tokenHash);
    }

    public void closeSession(String tokenHash) throws SQLException {
        update("DELETE FROM user_session WHERE token_hash = ?", tokenHash);
    }

    /** Ends one of a person's sessions by its id; false if they have none by that id. */
    public boolean closeSession(String username, String id) throws SQLException {
        if (id == null || !id.matches("[0-9a-f]{" + SESSION_ID + "}")) {
            return false;
        }
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("DELETE FROM user_session WHERE"
                + " username = ? AND substr(token_hash, 1, " + SESSION_ID + ") = ?")) {
            s.setString(1, username);
            s.setString(2, id);
            return s.executeUpdate() > 0;
        }
    }

    /**
     * A sign-in attempt (or a password typed again), kept to count failures; a failure also goes to the audit ledger
     * as a refusal, with the name typed and where it came from.
     */
    public void recordSignIn(String username, String source, Instant at, boolean succeeded) throws SQLException {
        String insert = "INSERT INTO login_attempt (username, source, at, succeeded) VALUES (?, ?, ?, ?)";
        if (succeeded) {
            update(insert, username, source, Timestamp.from(at), true);
            return;
        }
        db.write(username.isBlank() ? "(no name)" : username, w -> {
            try (PreparedStatement s = w.connection().prepareStatement(insert)) {
                s.setString(1, username);
                s.setString(2, source);
                s.setTimestamp(3, Timestamp.from(at));
                s.setBoolean(4, false);
                s.executeUpdate();
            }
            w.audit(new Change("refuse", "sign-in", username, null, StoreJson.write(Map.of("source", source)),
                    "wrong user name or password"));
            return null;
        });
    }

    /** Failed sign-ins of a user name from an address since a time, not counting those before its last success. */
    public Failures failuresSince(String username, String source, Instant since) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT count(*), max(at) FROM"
                + " login_attempt WHERE username = ? AND source = ? AND NOT succeeded AND at > greatest(?, (SELECT"
                + " max(at) FROM login_attempt WHERE username = ? AND source = ? AND succeeded))")) {
            s.setString(1, username);
            s.setString(2, source);
            s.setTimestamp(3, Timestamp.from(since));
            s.setString(4, username);
            s.setString(5, source);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Timestamp last = r.getTimestamp(2);
                return new Failures(r.getInt(1), last == null ? null : last.toInstant());
            }
        }
    }

    /**
     * What the audit ledger keeps of a password: the SHA-256 of its bcrypt hash. It opens nothing (the hash itself is
     * one-way), but a hash swapped behind Stroma's back to sign in as someone no longer matches it.
     */
    public static String passwordDigest(String passwordHash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new password (already hashed: the ledger records that it changed, never the hash); every session ends. */
    public void changePassword(String actor, String username, String passwordHash, Instant at) throws SQLException {
        db.write(actor, w -> {
            try (PreparedStatement s = w.connection().prepareStatement("UPDATE app_user SET password_hash = ? WHERE"
                    + " username = ?")) {
                s.setString(1, passwordHash);
                s.setString(2, username);
                if (s.executeUpdate() == 0) {
                    throw new NotFoundException("no user " + username);
                }
            }
            try (PreparedStatement s = w.connection().prepareStatement("DELETE FROM user_session WHERE username = ?")) {
                s.setString(1, username);
                s.executeUpdate();
            }
            w.audit(new Change("change", "user", username, null, StoreJson.write(Map.of("passwordChangedAt",
                    at.toString(), "passwordDigest", passwordDigest(passwordHash))), "password changed; every"
                    + " session ended"));
            return null;
        });
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
