package org.stroma.store.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stroma.store.Database;
import org.stroma.store.StoreJson;
import org.stroma.store.audit.AuditVerification;
import org.stroma.store.conduct.ConductStore;
import org.stroma.store.study.StudyStore;
import org.stroma.store.user.UserStore;
import org.stroma.trial.conduct.Randomization;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.randomization.RandomSource;
import org.stroma.trial.subject.Subject;

/**
 * What {@code stroma audit verify} checks: the ledger's chain against its keys and the checkpoints kept outside the
 * database, then the study data against the ledger. Each conduct event stored must be the one the ledger recorded
 * (none added, altered or removed); the subjects, their allocations and the study teams must be what replaying the
 * ledger makes of them; and the protocols, their sites and the accounts' passwords must be the ones it recorded. A
 * change made to the data behind Stroma's back, even one that leaves the ledger alone, is found.
 */
public final class AuditTrail {
    private AuditTrail() {
    }

    public static AuditTrailReport verify(Database db) throws SQLException {
        AuditVerification chain;
        try (Connection c = db.connect()) {
            chain = db.ledger().verify(c);
        }
        if (!chain.intact()) {
            return new AuditTrailReport(chain, List.of(), Map.of());
        }
        List<String> problems = new ArrayList<>();
        Map<String, Integer> checked = new LinkedHashMap<>();
        try (Connection c = db.connect()) {
            Map<String, LedgerEvent> recorded = recordedEvents(c);
            checked.put("conduct events", checkEvents(c, recorded, problems));
            ConductStore conduct = new ConductStore(db, new StudyStore(db), RandomSource.secure());
            int[] made = checkReplay(c, conduct, recorded, problems);
            checked.put("subjects", made[0]);
            checked.put("allocations", made[1]);
            checked.put("memberships", checkMemberships(c, problems));
            checked.put("passwords", checkPasswords(c, problems));
            checked.put("protocol versions", checkProtocolVersions(c, problems));
            checked.put("sites", checkSites(c, problems));
        }
        return new AuditTrailReport(chain, problems, checked);
    }

    /** A conduct event as the ledger recorded it. */
    private record LedgerEvent(long row, String study, int seq, String kind, String subject, String actor,
            String json) {
    }

    /** The ledger's conduct events, by study and sequence ("NCT01#3"), in the order they were written. */
    private static Map<String, LedgerEvent> recordedEvents(Connection c) throws SQLException {
        Map<String, LedgerEvent> events = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT seq, entity, entity_id, actor,"
                + " new_value FROM audit_ledger WHERE entity LIKE 'conduct %' AND action IN ('create', 'change')"
                + " ORDER BY seq")) {
            while (r.next()) {
                String id = r.getString(3);
                int hash = id.lastIndexOf('#');
                int space = id.indexOf(' ', hash);
                String study = id.substring(0, hash);
                int seq = Integer.parseInt(space < 0 ? id.substring(hash + 1) : id.substring(hash + 1, space));
                events.put(study + "#" + seq, new LedgerEvent(r.getLong(1), study, seq,
                        r.getString(2).substring("conduct ".length()), space < 0 ? null : id.substring(space + 1),
                        r.getString(4), r.getString(5)));
            }
        }
        return events;
    }

    private static int checkEvents(Connection c, Map<String, LedgerEvent> recorded, List<String> problems)
            throws SQLException {
        Set<String> seen = new HashSet<>();
        int rows = 0;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT study_id, seq, kind, subject,"
                + " payload::text, actor FROM conduct_event ORDER BY study_id, seq")) {
            while (r.next()) {
                rows++;
                String key = r.getString(1) + "#" + r.getInt(2);
                seen.add(key);
                LedgerEvent e = recorded.get(key);
                String name = "conduct event " + r.getInt(2) + " of " + r.getString(1) + " (" + r.getString(3) + ")";
                if (e == null) {
                    problems.add(name + " has no row in the audit ledger: it was written behind Stroma's back");
                } else if (!e.kind().equals(r.getString(3)) || !same(e.subject(), r.getString(4))
                        || !e.actor().equals(r.getString(6)) || !sameJson(e.json(), r.getString(5))) {
                    problems.add(name + " is not what the audit ledger recorded at row " + e.row() + ": it was altered");
                }
            }
        }
        for (Map.Entry<String, LedgerEvent> e : recorded.entrySet()) {
            if (!seen.contains(e.getKey())) {
                problems.add("conduct event " + e.getValue().seq() + " of " + e.getValue().study() + " ("
                        + e.getValue().kind() + "), recorded at row " + e.getValue().row() + " of the audit ledger, is"
                        + " missing from the database: it was removed");
            }
        }
        return rows;
    }

    /** Replays each study's events as the ledger has them and holds its subjects and allocations against the tables. */
    private static int[] checkReplay(Connection c, ConductStore conduct, Map<String, LedgerEvent> recorded,
            List<String> problems) throws SQLException {
        Map<String, List<Map.Entry<String, String>>> byStudy = new TreeMap<>();
        for (LedgerEvent e : recorded.values()) {
            byStudy.computeIfAbsent(e.study(), k -> new ArrayList<>()).add(new AbstractMap.SimpleEntry<>(e.kind(),
                    e.json()));
        }
        Set<String> studies = new TreeSet<>(byStudy.keySet());
        studies.addAll(column(c, "SELECT DISTINCT study_id FROM subject"));
        int subjects = 0;
        int allocations = 0;
        for (String study : studies) {
            Map<String, String> expectedSubjects = new TreeMap<>();
            Map<String, String> expectedAllocations = new TreeMap<>();
            try {
                TrialConduct trial = conduct.replayed(study, byStudy.getOrDefault(study, List.of()));
                for (Subject s : trial.subjects()) {
                    expectedSubjects.put(s.id(), "site " + s.site() + ", " + s.state().name());
                    Randomization z = trial.randomization(s.id());
                    if (z != null) {
                        expectedAllocations.put(s.id(), allocation(z.allocation().stratum(), z.allocation().number(),
                                z.allocation().group(), z.kitCode()));
                    }
                }
            } catch (RuntimeException e) {
                problems.add("the audit ledger's events of " + study + " do not replay: " + e.getMessage());
                continue;
            }
            Map<String, String> storedSubjects = rows(c, "SELECT id, 'site ' || site || ', ' || state FROM subject"
                    + " WHERE study_id = ?", study);
            Map<String, String> storedAllocations = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT subject, stratum, number, grp, kit_code FROM"
                    + " allocation WHERE study_id = ?")) {
                s.setString(1, study);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        storedAllocations.put(r.getString(1), allocation(r.getString(2), r.getInt(3), r.getString(4),
                                r.getString(5)));
                    }
                }
            }
            compare(study, "subject", expectedSubjects, storedSubjects, problems);
            compare(study, "allocation of subject", expectedAllocations, storedAllocations, problems);
            subjects += storedSubjects.size();
            allocations += storedAllocations.size();
        }
        return new int[] {subjects, allocations};
    }

    private static String allocation(String stratum, int number, String group, String kit) {
        return "stratum " + stratum + " #" + number + ", group " + group + ", kit " + kit;
    }

    /** The study teams replayed from the roles the ledger recorded as given and taken away. */
    private static int checkMemberships(Connection c, List<String> problems) throws SQLException {
        Map<String, String> expected = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT action, entity_id,"
                + " coalesce(new_value, old_value) FROM audit_ledger WHERE entity = 'membership' ORDER BY seq")) {
            while (r.next()) {
                JsonNode m = tree(r.getString(3));
                String username = r.getString(2).substring(0, r.getString(2).lastIndexOf('@'));
                String key = membership(username, m.path("study").asText(), m.path("role").asText(),
                        m.path("site").isNull() ? null : m.path("site").asText(null));
                if (r.getString(1).equals("create")) {
                    expected.put(key, key);
                } else {
                    expected.remove(key);
                }
            }
        }
        Map<String, String> stored = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT username, study_id, role, site"
                + " FROM membership")) {
            while (r.next()) {
                String key = membership(r.getString(1), r.getString(2), r.getString(3), r.getString(4));
                stored.put(key, key);
            }
        }
        compare("the study teams", "role", expected, stored, problems);
        return stored.size();
    }

    /**
     * Each account's password hash against the digest the ledger kept of it (at the account's creation or its last
     * change): a hash swapped to sign in as someone is found. Accounts made before digests were kept are passed over.
     */
    private static int checkPasswords(Connection c, List<String> problems) throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT entity_id, new_value FROM"
                + " audit_ledger WHERE entity = 'user' AND action IN ('create', 'change') ORDER BY seq")) {
            while (r.next()) {
                JsonNode digest = tree(r.getString(2)).get("passwordDigest");
                if (digest != null) {
                    digests.put(r.getString(1), digest.asText());
                }
            }
        }
        int checked = 0;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT username, password_hash FROM"
                + " app_user ORDER BY username")) {
            while (r.next()) {
                String kept = digests.get(r.getString(1));
                if (kept == null) {
                    continue;
                }
                checked++;
                if (!kept.equals(UserStore.passwordDigest(r.getString(2)))) {
                    problems.add("the password of " + r.getString(1) + " is not the one the audit ledger recorded: it"
                            + " was replaced behind Stroma's back");
                }
            }
        }
        return checked;
    }

    /** Each protocol version's content (as imported) and state (as last moved) against the ledger. */
    private static int checkProtocolVersions(Connection c, List<String> problems) throws SQLException {
        Map<String, String> contents = new TreeMap<>();
        Map<String, String> states = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT action, entity_id, new_value FROM"
                + " audit_ledger WHERE entity = 'protocol_version' ORDER BY seq")) {
            while (r.next()) {
                if (r.getString(1).equals("create")) {
                    contents.put(r.getString(2), r.getString(3));
                    states.put(r.getString(2), "imported");
                } else {
                    states.put(r.getString(2), tree(r.getString(3)).path("state").asText());
                }
            }
        }
        Set<String> seen = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT study_id || ' v' || version,"
                + " protocol::text, state FROM protocol_version")) {
            while (r.next()) {
                String key = r.getString(1);
                seen.add(key);
                if (!contents.containsKey(key)) {
                    problems.add("protocol version " + key + " is not in the audit ledger: it was written behind"
                            + " Stroma's back");
                } else if (!sameJson(contents.get(key), r.getString(2))) {
                    problems.add("protocol version " + key + " is not the protocol the audit ledger recorded: it was"
                            + " altered");
                } else if (!states.get(key).equals(r.getString(3))) {
                    problems.add("protocol version " + key + " is " + r.getString(3) + ", but the audit ledger makes"
                            + " it " + states.get(key));
                }
            }
        }
        contents.keySet().stream().filter(k -> !seen.contains(k)).forEach(k -> problems.add("protocol version " + k
                + " is in the audit ledger but missing from the database"));
        return seen.size();
    }

    /** Each site and the time zone that counts its days, against the ledger. */
    private static int checkSites(Connection c, List<String> problems) throws SQLException {
        Map<String, String> expected = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT entity_id, new_value FROM"
                + " audit_ledger WHERE entity = 'site' AND action IN ('create', 'change') ORDER BY seq")) {
            while (r.next()) {
                expected.put(r.getString(1), "time zone " + tree(r.getString(2)).path("timeZone").asText());
            }
        }
        Map<String, String> stored = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT study_id || '/' || name,"
                + " 'time zone ' || time_zone FROM site")) {
            while (r.next()) {
                stored.put(r.getString(1), r.getString(2));
            }
        }
        compare("the sites", "site", expected, stored, problems);
        return stored.size();
    }

    private static String membership(String username, String study, String role, String site) {
        return username + " as " + role + " in " + study + (site == null ? "" : " at " + site);
    }

    private static void compare(String study, String what, Map<String, String> expected, Map<String, String> stored,
            List<String> problems) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String found = stored.get(e.getKey());
            if (found == null) {
                problems.add(study + ": " + what + " " + e.getKey() + " (" + e.getValue() + ") is in the audit ledger"
                        + " but missing from the database");
            } else if (!found.equals(e.getValue())) {
                problems.add(study + ": " + what + " " + e.getKey() + " is stored as " + found + ", but the audit"
                        + " ledger makes it " + e.getValue());
            }
        }
        for (Map.Entry<String, String> e : stored.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                problems.add(study + ": " + what + " " + e.getKey() + " (" + e.getValue() + ") is in the database but"
                        + " not in the audit ledger: it was written behind Stroma's back");
            }
        }
    }

    private static Map<String, String> rows(Connection c, String sql, String study) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, study);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getString(1), r.getString(2));
                }
            }
        }
        return rows;
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** Equal as JSON: PostgreSQL keeps its own spacing, key order and number spelling (6.0E7 as 60000000). */
    private static boolean sameJson(String a, String b) {
        Comparator<JsonNode> numbersByValue = (x, y) -> x.isNumber() && y.isNumber()
                ? x.decimalValue().compareTo(y.decimalValue()) : x.equals(y) ? 0 : 1;
        return tree(a).equals(numbersByValue, tree(b));
    }

    private static JsonNode tree(String json) {
        try {
            return StoreJson.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable JSON in the audit trail: " + e.getMessage(), e);
        }
    }
}
