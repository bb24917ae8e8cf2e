package org.stroma.store.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stroma.store.Database;
import org.stroma.store.EmbeddedDatabase;
import org.stroma.store.conduct.ConductStore;
import org.stroma.store.conduct.PublishedSeed;
import org.stroma.store.conduct.SubjectSteps;
import org.stroma.store.study.StudyStore;
import org.stroma.store.user.Membership;
import org.stroma.store.user.UserStore;
import org.stroma.trial.masking.Role;
import org.stroma.trial.randomization.RandomSource;

/**
 * Tampering as the database's superuser, who can disable the ledger's triggers and rewrite any table but holds
 * neither the ledger's keys nor the checkpoints kept outside the database: every case is found by
 * {@link AuditTrail#verify}, which said "intact" just before. The first fourteen rewrite the ledger; the others the
 * study's data, leaving the ledger alone.
 */
class TamperTest {
    private static EmbeddedDatabase server;
    private static final AtomicInteger runs = new AtomicInteger();
    private Database db;
    private String study;

    @BeforeAll
    static void start() {
        server = EmbeddedDatabase.temporary();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A published trial, a team member, three subjects enrolled and two randomized: intact. */
    @BeforeEach
    void aTrialUnderWay() throws Exception {
        db = Database.fresh(server, "tamper_" + runs.incrementAndGet());
        StudyStore studies = new StudyStore(db);
        study = PublishedSeed.mesami2(studies);
        String site = studies.sites(study).get(0);
        UserStore users = new UserStore(db);
        users.create("admin", "ann", "Ann", "$2a$12$not.a.real.hash.but.never.checked.here.xxxxxxxxxxxxxx", false);
        users.grant("admin", "ann", new Membership(study, Role.INVESTIGATOR, site), null, Instant.now());
        ConductStore conduct = new ConductStore(db, studies, RandomSource.seeded(7));
        for (String id : List.of("S1", "S2", "S3")) {
            SubjectSteps.enrol(conduct, study, id, site);
        }
        SubjectSteps.randomize(conduct, study, "S1");
        SubjectSteps.randomize(conduct, study, "S2");
        AuditTrailReport before = AuditTrail.verify(db);
        assertThat(before.intact()).as(before.toString()).isTrue();
        assertThat(before.checked()).containsEntry("allocations", 2).containsEntry("memberships", 1)
                .containsEntry("passwords", 1).containsEntry("protocol versions", 1);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    // --- the ledger's rows

    @Test
    void aRowsValueAltered() throws Exception {
        superuser("UPDATE audit_ledger SET new_value = '{\"forged\":true}' WHERE seq = 5");
        assertBroken("broken at row 5", "does not match its hash");
    }

    @Test
    void aRowsActorAltered() throws Exception {
        superuser("UPDATE audit_ledger SET actor = 'mallory' WHERE seq = 3");
        assertBroken("broken at row 3", "does not match its hash");
    }

    @Test
    void aRowsTimeAltered() throws Exception {
        superuser("UPDATE audit_ledger SET at = at - interval '1 day' WHERE seq = 4");
        assertBroken("broken at row 4", "does not match its hash");
    }

    @Test
    void aRowDeleted() throws Exception {
        superuser("DELETE FROM audit_ledger WHERE seq = 6");
        assertBroken("row 6 is missing");
    }

    @Test
    void aRowDeletedAndEverythingAfterItRenumberedAndRechained() throws Exception {
        superuser("DELETE FROM audit_ledger WHERE seq = 6", "UPDATE audit_ledger SET seq = seq - 1 WHERE seq > 6");
        rechainFrom(6);
        assertBroken("broken at row 6", "does not match its hash");
    }

    @Test
    void aRowAlteredAndEverythingAfterItRechained() throws Exception {
        superuser("UPDATE audit_ledger SET new_value = '{\"forged\":true}' WHERE seq = 7");
        rechainFrom(7);
        assertBroken("broken at row 7", "does not match its hash");
    }

    @Test
    void theLastRowsCutOffAndTheHeadMovedBack() throws Exception {
        long last = head();
        superuser("DELETE FROM audit_ledger WHERE seq > " + (last - 3),
                "UPDATE audit_head SET seq = l.seq, hash = l.hash FROM (SELECT seq, hash FROM audit_ledger ORDER BY"
                        + " seq DESC LIMIT 1) l");
        assertBroken("row " + last + " was acknowledged", "cut off the end");
    }

    @Test
    void theLastRowsCutOffLeavingTheHead() throws Exception {
        superuser("DELETE FROM audit_ledger WHERE seq > " + (head() - 2));
        assertBroken("cut off the end");
    }

    @Test
    void theLedgerTruncatedAndItsHeadReset() throws Exception {
        superuser("TRUNCATE audit_ledger", "UPDATE audit_head SET seq = 0, hash = 'genesis'");
        assertBroken("the ledger ends at row 0", "cut off the end");
    }

    @Test
    void aForgedRowAppendedWithACorrectHash() throws Exception {
        long last = head();
        String prev = value("SELECT hash FROM audit_ledger WHERE seq = " + last);
        Instant at = Instant.parse("2026-06-03T10:00:00Z");
        String hash = sha256(last + 1, at, "ann", "create", "note", "forged", null, "{}", null, prev);
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement("INSERT INTO audit_ledger VALUES"
                + " (?, ?, 'ann', 'create', 'note', 'forged', NULL, '{}', NULL, ?, ?)")) {
            p.setLong(1, last + 1);
            p.setTimestamp(2, java.sql.Timestamp.from(at));
            p.setString(3, prev);
            p.setString(4, hash);
            p.executeUpdate();
        }
        superuser("UPDATE audit_head SET seq = " + (last + 1) + ", hash = '" + hash + "'");
        assertBroken("broken at row " + (last + 1), "without the ledger's key");
    }

    @Test
    void twoRowsSwapped() throws Exception {
        superuser("UPDATE audit_ledger SET seq = -1 WHERE seq = 8", "UPDATE audit_ledger SET seq = 8 WHERE seq = 9",
                "UPDATE audit_ledger SET seq = 9 WHERE seq = -1");
        assertBroken("broken at row 8");
    }

    @Test
    void theHeadMovedAlone() throws Exception {
        superuser("UPDATE audit_head SET hash = 'ff' || substr(hash, 3)");
        assertBroken("its head says");
    }

    @Test
    void theWholeLedgerReplacedByOneWithAnotherId() throws Exception {
        superuser("UPDATE audit_head SET ledger = '" + UUID.randomUUID() + "'");
        assertBroken("the ledger was replaced");
    }

    @Test
    void aCheckpointForgedOutsideTheDatabase() throws Exception {
        Files.writeString(db.ledger().seal().checkpointFile(), (head() + 5) + " " + "ab".repeat(32) + " "
                + Instant.now() + " " + "c2lnbmF0dXJl" + "\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        assertBroken("is not a checkpoint signed with this ledger's key");
    }

    // --- the study data, with the ledger left alone

    @Test
    void anAllocationsArmChanged() throws Exception {
        superuser("UPDATE allocation SET grp = CASE WHEN grp = 'A' THEN 'B' ELSE 'A' END WHERE subject = 'S1'");
        assertDataDiffers("allocation of subject S1 is stored as", "but the audit ledger makes it");
    }

    @Test
    void theArmInARandomizedEventChanged() throws Exception {
        superuser("UPDATE conduct_event SET payload = jsonb_set(payload, '{randomization,allocation,group}',"
                + " to_jsonb('X'::text)) WHERE kind = 'Randomized' AND subject = 'S2'");
        assertDataDiffers("(Randomized) is not what the audit ledger recorded", "it was altered");
    }

    @Test
    void aConductEventDeleted() throws Exception {
        superuser("DELETE FROM conduct_event WHERE kind = 'Randomized' AND subject = 'S2'");
        assertDataDiffers("(Randomized), recorded at row", "missing from the database: it was removed");
    }

    @Test
    void aConductEventAddedWithoutItsLedgerRow() throws Exception {
        superuser("INSERT INTO conduct_event (study_id, seq, kind, subject, payload, actor, at, rules) SELECT study_id,"
                + " seq + 100, kind, subject, payload, actor, at, rules FROM conduct_event WHERE subject = 'S3' AND"
                + " kind = 'Moved'");
        assertDataDiffers("has no row in the audit ledger: it was written behind Stroma's back");
    }

    @Test
    void aSubjectsStateChanged() throws Exception {
        superuser("UPDATE subject SET state = 'WITHDRAWN' WHERE id = 'S3'");
        assertDataDiffers("subject S3 is stored as site", "WITHDRAWN");
    }

    @Test
    void anAllocationDeleted() throws Exception {
        superuser("DELETE FROM allocation WHERE subject = 'S1'");
        assertDataDiffers("allocation of subject S1", "missing from the database");
    }

    @Test
    void aRoleGivenBehindStromasBack() throws Exception {
        superuser("INSERT INTO membership (username, study_id, role, site) VALUES ('ann', '" + study
                + "', 'UNBLINDED_PHARMACIST', NULL)");
        assertDataDiffers("ann as UNBLINDED_PHARMACIST in " + study, "written behind Stroma's back");
    }

    @Test
    void aPasswordHashSwappedToSignInAsSomeone() throws Exception {
        superuser("UPDATE app_user SET password_hash = '$2a$12$an.attackers.own.hash.of.a.password.he.knows.xxxxxxxx'"
                + " WHERE username = 'ann'");
        assertDataDiffers("the password of ann is not the one the audit ledger recorded");
    }

    @Test
    void aPublishedProtocolAltered() throws Exception {
        superuser("UPDATE protocol_version SET protocol = jsonb_set(protocol, '{identification,briefTitle}',"
                + " to_jsonb('Another trial'::text)) WHERE version = 1");
        assertDataDiffers("protocol version " + study + " v1 is not the protocol the audit ledger recorded");
    }

    @Test
    void aSitesTimeZoneChanged() throws Exception {
        superuser("UPDATE site SET time_zone = 'Pacific/Kiritimati'");
        assertDataDiffers("is stored as time zone Pacific/Kiritimati, but the audit ledger makes it time zone");
    }

    // --- helpers

    private void assertBroken(String... says) throws SQLException {
        AuditTrailReport after = AuditTrail.verify(db);
        assertThat(after.intact()).as(after.toString()).isFalse();
        assertThat(after.chain().intact()).as(after.toString()).isFalse();
        assertThat(after.toString()).contains(says);
    }

    private void assertDataDiffers(String... says) throws SQLException {
        AuditTrailReport after = AuditTrail.verify(db);
        assertThat(after.intact()).as(after.toString()).isFalse();
        assertThat(after.toString()).contains(says);
    }

    /** As the superuser, with the ledger's guards off for the statements. */
    private void superuser(String... sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_ledger DISABLE TRIGGER USER");
            for (String statement : sql) {
                s.execute(statement);
            }
            s.execute("ALTER TABLE audit_ledger ENABLE TRIGGER USER");
        }
    }

    /** Recomputes every link and hash from a row on, as someone who knows the hash's formula but not its key would. */
    private void rechainFrom(long from) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_ledger DISABLE TRIGGER USER");
            String prev = value("SELECT hash FROM audit_ledger WHERE seq = " + (from - 1));
            try (ResultSet r = s.executeQuery("SELECT seq, at, actor, action, entity, entity_id, old_value, new_value,"
                    + " reason FROM audit_ledger WHERE seq >= " + from + " ORDER BY seq");
                    PreparedStatement update = c.prepareStatement("UPDATE audit_ledger SET prev_hash = ?, hash = ?"
                            + " WHERE seq = ?")) {
                while (r.next()) {
                    String hash = sha256(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), prev);
                    update.setString(1, prev);
                    update.setString(2, hash);
                    update.setLong(3, r.getLong(1));
                    update.executeUpdate();
                    prev = hash;
                }
            }
            s.execute("UPDATE audit_head SET seq = (SELECT max(seq) FROM audit_ledger), hash = '" + prev + "'");
            s.execute("ALTER TABLE audit_ledger ENABLE TRIGGER USER");
        }
    }

    /** The row hash's public formula (length-prefixed fields), with SHA-256 alone: no key. */
    private static String sha256(Object... fields) throws Exception {
        StringBuilder s = new StringBuilder();
        for (Object field : fields) {
            String v = field == null ? "\u0000" : field.toString();
            s.append(v.length()).append(':').append(v).append('|');
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString()
                .getBytes(StandardCharsets.UTF_8)));
    }

    private long head() throws SQLException {
        return Long.parseLong(value("SELECT seq FROM audit_head"));
    }

    private String value(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
