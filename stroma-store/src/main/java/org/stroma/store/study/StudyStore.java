package org.stroma.store.study;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.json.ProtocolJson;
import org.stroma.protocol.registry.ImportReport;
import org.stroma.store.Database;
import org.stroma.trial.refusal.NotFoundException;
import org.stroma.store.StoreJson;
import org.stroma.trial.design.DesignChange;
import org.stroma.trial.design.DesignReader;
import org.stroma.trial.design.TrialDesign;
import org.stroma.store.audit.Change;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.refusal.ConflictException;

/**
 * Studies, their protocol versions and their sites. A registry record imported for a study becomes its next version;
 * a person reviews it (its inferred and missing fields), and an administrator publishes it; publishing adds the
 * protocol's sites. Every write is audited.
 */
public final class StudyStore {
    private final Database db;

    public StudyStore(Database db) {
        this.db = db;
    }

    /** Imports a protocol as the next version of its study, creating the study at its first import. */
    public ProtocolVersion importProtocol(String actor, Protocol protocol, ImportReport report) throws SQLException {
        String id = protocol.identification().nctId();
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("the record has no NCT number: a study is kept under its registry id");
        }
        if (!StudyId.valid(id)) {
            throw new InvalidInputException("the record's NCT number is not one (NCT and eight digits): a study is"
                    + " kept under its registry id");
        }
        String title = protocol.identification().briefTitle() == null ? id : protocol.identification().briefTitle();
        Instant now = Instant.now();
        return db.write(actor, w -> {
            Connection c = w.connection();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO study (id, title, created_at, created_by)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                s.setString(1, id);
                s.setString(2, title);
                s.setTimestamp(3, Timestamp.from(now));
                s.setString(4, actor);
                if (s.executeUpdate() == 1) {
                    w.audit(Change.created("study", id, StoreJson.write(Map.of("id", id, "title", title))));
                }
            }
            lockStudy(c, id);
            int version;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT coalesce(max(version), 0) + 1 FROM protocol_version WHERE study_id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    version = r.getInt(1);
                }
            }
            String json = ProtocolJson.write(protocol);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO protocol_version (study_id, version, state,"
                    + " protocol, import_report, imported_at, imported_by) VALUES (?, ?, 'imported', ?::jsonb,"
                    + " ?::jsonb, ?, ?)")) {
                s.setString(1, id);
                s.setInt(2, version);
                s.setString(3, json);
                s.setString(4, StoreJson.write(report));
                s.setTimestamp(5, Timestamp.from(now));
                s.setString(6, actor);
                s.executeUpdate();
            }
            w.audit(Change.created("protocol_version", id + " v" + version, json));
            return new ProtocolVersion(id, version, VersionState.IMPORTED, protocol, report, now, actor, null, null);
        });
    }

    /** A person has looked at the version's inferred and missing fields. */
    public ProtocolVersion review(String actor, String study, int version) throws SQLException {
        return move(actor, study, version, VersionState.IMPORTED, VersionState.REVIEWED, "reviewed_by");
    }

    /** The version the trial runs on from now; its protocol's sites become the study's sites. */
    public ProtocolVersion publish(String actor, String study, int version) throws SQLException {
        return move(actor, study, version, VersionState.REVIEWED, VersionState.PUBLISHED, "published_by");
    }

    private ProtocolVersion move(String actor, String study, int version, VersionState from, VersionState to,
            String byColumn) throws SQLException {
        db.write(actor, w -> {
            lockStudy(w.connection(), study);
            ProtocolVersion v = version(w.connection(), study, version)
                    .orElseThrow(() -> new NotFoundException("study " + study + " has no protocol version " + version));
            if (v.state() != from) {
                throw new ConflictException("version " + version + " of " + study + " is " + v.state().code()
                        + "; only an " + from.code() + " version can be " + to.code());
            }
            if (to == VersionState.PUBLISHED) {
                requireDesignKept(w.connection(), study, v);
            }
            try (PreparedStatement s = w.connection().prepareStatement("UPDATE protocol_version SET state = ?, "
                    + byColumn + " = ? WHERE study_id = ? AND version = ?")) {
                s.setString(1, to.code());
                s.setString(2, actor);
                s.setString(3, study);
                s.setInt(4, version);
                s.executeUpdate();
            }
            w.audit(Change.changed("protocol_version", study + " v" + version, StoreJson.write(Map.of("state",
                    from.code())), StoreJson.write(Map.of("state", to.code(), byColumn, actor)), null));
            if (to == VersionState.PUBLISHED) {
                TrialDesign design = DesignReader.read(v.protocol());
                insertSites(w, study, design.sites(), design.zones());
            }
            return v;
        });
        return version(study, version).orElseThrow();
    }

    /** Adds sites to a study (those already there are left as they are); returns the sites added. */
    public List<String> addSites(String actor, String study, List<String> names) throws SQLException {
        return db.write(actor, w -> {
            lockStudy(w.connection(), study);
            List<String> added = insertSites(w, study, names, Map.of());
            if (added.isEmpty()) {
                throw new InvalidInputException("study " + study + " already has the sites " + names);
            }
            return added;
        });
    }

    /** Adds the sites not there yet, each in its time zone (UTC where none is given). */
    private static List<String> insertSites(Database.Write w, String study, List<String> names,
            Map<String, ZoneId> zones) throws SQLException {
        List<String> added = new ArrayList<>();
        try (PreparedStatement s = w.connection().prepareStatement(
                "INSERT INTO site (study_id, name, time_zone) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (String name : names) {
                if (name == null || name.isBlank()) {
                    throw new InvalidInputException("a site needs a name");
                }
                String zone = zones.getOrDefault(name, ZoneOffset.UTC).getId();
                s.setString(1, study);
                s.setString(2, name.strip());
                s.setString(3, zone);
                if (s.executeUpdate() == 1) {
                    added.add(name.strip());
                    w.audit(Change.created("site", study + "/" + name.strip(), StoreJson.write(Map.of("name",
                            name.strip(), "timeZone", zone))));
                }
            }
        }
        return added;
    }

    /** Each site's time zone. */
    public Map<String, ZoneId> siteZones(String study) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT name, time_zone FROM site WHERE study_id = ? ORDER BY name")) {
            s.setString(1, study);
            Map<String, ZoneId> zones = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    zones.put(r.getString(1), ZoneId.of(r.getString(2)));
                }
            }
            return zones;
        }
    }

    /** Sets the time zone a site keeps (the administrator corrects what the record gave or left out). */
    public void setSiteZone(String actor, String study, String site, ZoneId zone) throws SQLException {
        db.write(actor, w -> {
            lockStudy(w.connection(), study);
            String before;
            try (PreparedStatement s = w.connection().prepareStatement("SELECT time_zone FROM site WHERE study_id = ?"
                    + " AND name = ?")) {
                s.setString(1, study);
                s.setString(2, site);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new NotFoundException("study " + study + " has no site '" + site + "'");
                    }
                    before = r.getString(1);
                }
            }
            try (PreparedStatement s = w.connection().prepareStatement("UPDATE site SET time_zone = ? WHERE study_id"
                    + " = ? AND name = ?")) {
                s.setString(1, zone.getId());
                s.setString(2, study);
                s.setString(3, site);
                s.executeUpdate();
            }
            w.audit(Change.changed("site", study + "/" + site, StoreJson.write(Map.of("timeZone", before)),
                    StoreJson.write(Map.of("timeZone", zone.getId())), null));
            return null;
        });
    }

    public List<String> sites(String study) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT name FROM site WHERE study_id = ? ORDER BY name")) {
            s.setString(1, study);
            List<String> sites = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sites.add(r.getString(1));
                }
            }
            return sites;
        }
    }

    public List<StudySummary> studies() throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT s.id, s.title,"
                + " coalesce(max(v.version), 0), coalesce(max(v.version) FILTER (WHERE v.state = 'published'), 0)"
                + " FROM study s LEFT JOIN protocol_version v ON v.study_id = s.id GROUP BY s.id, s.title"
                + " ORDER BY s.id")) {
            List<StudySummary> studies = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    studies.add(new StudySummary(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4)));
                }
            }
            return studies;
        }
    }

    /** A study's title, or empty when there is no such study. */
    public Optional<String> title(String study) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT title FROM study WHERE id = ?")) {
            s.setString(1, study);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    public List<ProtocolVersion> versions(String study) throws SQLException {
        try (Connection c = db.connect()) {
            List<ProtocolVersion> versions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT version FROM protocol_version WHERE study_id = ? ORDER BY version")) {
                s.setString(1, study);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        versions.add(version(c, study, r.getInt(1)).orElseThrow());
                    }
                }
            }
            return versions;
        }
    }

    public Optional<ProtocolVersion> version(String study, int version) throws SQLException {
        try (Connection c = db.connect()) {
            return version(c, study, version);
        }
    }

    /** The version the trial runs on: the latest published one. */
    public Optional<ProtocolVersion> published(String study) throws SQLException {
        try (Connection c = db.connect()) {
            return published(c, study);
        }
    }

    private static Optional<ProtocolVersion> published(Connection c, String study) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT max(version) FROM protocol_version WHERE study_id = ?"
                + " AND state = 'published'")) {
            s.setString(1, study);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                int v = r.getInt(1);
                return r.wasNull() ? Optional.empty() : version(c, study, v);
            }
        }
    }

    /**
     * Once a trial has conduct, a new version keeps the design its allocations were made under ({@link DesignChange}):
     * checked under the study's lock, so no subject comes in between.
     */
    private static void requireDesignKept(Connection c, String study, ProtocolVersion next) throws SQLException {
        Optional<ProtocolVersion> running = published(c, study);
        if (running.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM conduct_event WHERE study_id = ? LIMIT 1")) {
            s.setString(1, study);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return;
                }
            }
        }
        List<String> changes = DesignChange.between(DesignReader.read(running.get().protocol()),
                DesignReader.read(next.protocol()));
        if (!changes.isEmpty()) {
            throw new InvalidInputException("the trial runs on version " + running.get().version() + " and has"
                    + " conduct; a new version keeps its design, and this one changes " + String.join("; ", changes));
        }
    }

    private static Optional<ProtocolVersion> version(Connection c, String study, int version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT state, protocol::text, import_report::text, imported_at,"
                + " imported_by, reviewed_by, published_by FROM protocol_version WHERE study_id = ? AND version = ?")) {
            s.setString(1, study);
            s.setInt(2, version);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Protocol protocol = ProtocolJson.fromTree(StoreJson.MAPPER.readTree(r.getString(2)),
                        study + " v" + version);
                return Optional.of(new ProtocolVersion(study, version, VersionState.valueOf(r.getString(1)
                        .toUpperCase(Locale.ROOT)), protocol, StoreJson.read(r.getString(3), ImportReport.class),
                        r.getTimestamp(4).toInstant(), r.getString(5), r.getString(6), r.getString(7)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored protocol " + study + " v" + version + " is not JSON", e);
            }
        }
    }

    /** Takes the study's row lock: writes to one study happen one at a time, whichever process makes them. */
    public static void lockStudy(Connection c, String study) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM study WHERE id = ? FOR UPDATE")) {
            s.setString(1, study);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new NotFoundException("no study " + study);
                }
            }
        }
    }
}
