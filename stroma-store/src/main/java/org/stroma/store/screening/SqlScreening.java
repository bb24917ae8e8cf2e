package org.stroma.store.screening;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.eligibility.Verdict;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CompiledEligibility;

/**
 * Screens every patient in {@link FactTables} against one trial's compiled criteria with a single SQL query: each
 * criterion's verdict (true, false or null for unknown) and the patient's, by the same rules as the Java screening —
 * a top-level inclusion not met, a group of alternatives none of which is met, or an exclusion met makes the patient
 * ineligible; anything unknown otherwise leaves them incomplete.
 */
public final class SqlScreening {
    private final CompiledEligibility eligibility;
    private final List<CompiledCriterion> criteria = new ArrayList<>();
    private final String sql;

    /** One patient's verdicts: the criteria's, in {@link #criterionIds()} order, and the patient's. */
    public record Row(String patient, List<Verdict> criteria, PatientVerdict verdict) {
    }

    public SqlScreening(ConceptDictionary dictionary, CompiledEligibility eligibility, LocalDate date) {
        this.eligibility = eligibility;
        Map<String, CompiledCriterion> byId = new LinkedHashMap<>();
        Set<String> topLevel = new HashSet<>();
        for (List<CompiledCriterion> side : List.of(eligibility.inclusion(), eligibility.exclusion())) {
            for (CompiledCriterion top : side) {
                topLevel.add(top.id());
                top.flatten().forEach(c -> byId.put(c.id(), c));
            }
        }
        criteria.addAll(byId.values());
        Map<String, String> column = new HashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            column.put(criteria.get(i).id(), "c" + i);
        }
        StringBuilder select = new StringBuilder("SELECT p.key");
        for (int i = 0; i < criteria.size(); i++) {
            select.append(",\n  ").append(criterionSql(criteria.get(i).id(), byId, dictionary, date, new HashSet<>()))
                    .append(" AS c").append(i);
        }
        select.append("\nFROM patient p ORDER BY p.id OFFSET 0");
        Map<String, List<String>> groupOf = new HashMap<>();
        eligibility.alternatives().forEach(g -> g.forEach(id -> groupOf.put(id, g)));
        List<String> failing = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (CompiledCriterion c : criteria) {
            if (!topLevel.contains(c.id()) || groupOf.containsKey(c.id())) {
                continue;
            }
            String col = column.get(c.id());
            failing.add(c.kind() == CriterionKind.INCLUSION ? col + " IS FALSE" : col + " IS TRUE");
            open.add(col + " IS NULL");
        }
        for (List<String> group : eligibility.alternatives()) {
            String any = "(" + String.join(" OR ", group.stream().map(column::get).toList()) + ")";
            failing.add(any + " IS FALSE");
            open.add(any + " IS NULL");
        }
        StringBuilder query = new StringBuilder("SELECT t.*, CASE");
        query.append(" WHEN ").append(failing.isEmpty() ? "FALSE" : String.join(" OR ", failing))
                .append(" THEN 'INELIGIBLE'");
        query.append(" WHEN ").append(open.isEmpty() ? "FALSE" : String.join(" OR ", open))
                .append(" THEN 'INCOMPLETE' ELSE 'ELIGIBLE' END AS verdict\nFROM (").append(select).append(") t");
        this.sql = query.toString();
    }

    /** A criterion's SQL; a reference to another criterion is that criterion's SQL (a cycle is unknown). */
    private static String criterionSql(String id, Map<String, CompiledCriterion> byId, ConceptDictionary dictionary,
            LocalDate date, Set<String> visiting) {
        CompiledCriterion c = byId.get(id);
        if (c == null || !visiting.add(id)) {
            return "NULL::boolean";
        }
        String sql = new RuleSql(dictionary, date, id, ref -> criterionSql(ref, byId, dictionary, date, visiting))
                .sql(c.rule());
        visiting.remove(id);
        return sql;
    }

    public String trial() {
        return eligibility.trial();
    }

    public List<String> criterionIds() {
        return criteria.stream().map(CompiledCriterion::id).toList();
    }

    public String sql() {
        return sql;
    }

    /** Runs the query and hands each patient's row to {@code sink}; returns the number of patients. */
    public int run(Connection db, java.util.function.Consumer<Row> sink) throws SQLException {
        int n = 0;
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false); // lets the driver stream the rows instead of holding them all
        try (Statement s = db.createStatement()) {
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    List<Verdict> verdicts = new ArrayList<>(criteria.size());
                    for (int i = 0; i < criteria.size(); i++) {
                        boolean value = rs.getBoolean(2 + i);
                        verdicts.add(rs.wasNull() ? Verdict.UNKNOWN : value ? Verdict.MET : Verdict.NOT_MET);
                    }
                    sink.accept(new Row(rs.getString(1), verdicts, PatientVerdict.valueOf(rs.getString("verdict"))));
                    n++;
                }
            }
            db.commit();
        } finally {
            db.setAutoCommit(auto);
        }
        return n;
    }
}
