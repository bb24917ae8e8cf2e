package org.stroma.store.screening;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.concept.ConceptKind;
import org.stroma.trial.eligibility.PatientFacts;
import org.stroma.trial.measure.Units;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;

/**
 * Patients' screening facts as tables, for screening a population with SQL. Codes are resolved to the dictionary's
 * concepts as the facts are loaded — a fact gets a row for each concept it is an instance of, its own and those above
 * it — and values are kept both as recorded and in the concept's unit, so that queries compare without converting.
 * {@code seq} keeps each patient's facts in their record's order, which decides between results of the same day.
 * A condition recorded as something broader than a concept gets a row for it marked {@code broader}: for that concept
 * it is neither a yes nor a no.
 */
public final class FactTables {
    /** The concept a procedure the dictionary places nowhere is filed under. */
    static final String UNPLACED = "";
    private static final String SCHEMA = """
            DROP TABLE IF EXISTS patient, observation, condition_fact, procedure_fact, medication, medication_class,
                allergy, allergy_class, attestation;
            CREATE TABLE patient (id integer PRIMARY KEY, key text NOT NULL, birth_date date, sex text);
            CREATE TABLE observation (patient_id integer NOT NULL, seq integer NOT NULL, concept text NOT NULL,
                value double precision, value_c double precision, class text, date date, ref_high double precision);
            CREATE TABLE condition_fact (patient_id integer NOT NULL, concept text NOT NULL, onset date, abatement date,
                broader boolean NOT NULL);
            CREATE TABLE procedure_fact (patient_id integer NOT NULL, concept text NOT NULL, date date,
                planned boolean NOT NULL);
            CREATE TABLE medication (id integer PRIMARY KEY, patient_id integer NOT NULL, text text, start_date date,
                end_date date, end_unknown boolean NOT NULL);
            CREATE TABLE medication_class (medication_id integer NOT NULL, patient_id integer NOT NULL,
                concept text NOT NULL);
            CREATE TABLE allergy (id integer PRIMARY KEY, patient_id integer NOT NULL, names text NOT NULL,
                drug boolean NOT NULL, active boolean NOT NULL, placed boolean NOT NULL);
            CREATE TABLE allergy_class (allergy_id integer NOT NULL, patient_id integer NOT NULL, concept text NOT NULL);
            CREATE TABLE attestation (patient_id integer NOT NULL, criterion text NOT NULL, answer boolean NOT NULL);
            """;
    private static final String INDEXES = """
            CREATE INDEX ON observation (patient_id, concept, date);
            CREATE INDEX ON condition_fact (patient_id, concept);
            CREATE INDEX ON procedure_fact (patient_id, concept);
            CREATE INDEX ON medication (patient_id);
            CREATE INDEX ON medication_class (patient_id, concept);
            CREATE INDEX ON allergy (patient_id);
            CREATE INDEX ON allergy_class (patient_id, concept);
            CREATE INDEX ON attestation (patient_id, criterion);
            ANALYZE;
            """;

    private final ConceptDictionary dictionary;

    public FactTables(ConceptDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Creates the tables afresh and loads the patients; patient i gets the integer id i. */
    public void load(Connection db, List<PatientRecord> patients) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(SCHEMA);
        }
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        Table pat = new Table(copy, "patient");
        Table obs = new Table(copy, "observation");
        Table cond = new Table(copy, "condition_fact");
        Table proc = new Table(copy, "procedure_fact");
        Table med = new Table(copy, "medication");
        Table medClass = new Table(copy, "medication_class");
        Table allergy = new Table(copy, "allergy");
        Table allergyClass = new Table(copy, "allergy_class");
        Table att = new Table(copy, "attestation");
        int medicationId = 0;
        int allergyId = 0;
        // replicated patients share their facts: each fact is resolved to its concepts once
        Map<Object, Set<Concept>> resolved = new IdentityHashMap<>();
        for (int id = 0; id < patients.size(); id++) {
            PatientRecord p = patients.get(id);
            pat.row(id, p.id(), p.birthDate(), p.sex() == null ? null : p.sex().name());
            for (int seq = 0; seq < p.observations().size(); seq++) {
                Observation o = p.observations().get(seq);
                for (Concept c : resolved.computeIfAbsent(o, k -> dictionary.recognise(ConceptKind.OBSERVATION,
                        o.codes(), null).concepts())) {
                    obs.row(id, seq, c.id(), o.value(), inConceptUnit(o, c), c.classOf(o), o.date(), o.referenceHigh());
                }
            }
            for (Diagnosis d : p.conditions()) {
                for (Concept c : resolved.computeIfAbsent(d, k -> dictionary.recognise(ConceptKind.CONDITION,
                        d.codes(), null).concepts())) {
                    cond.row(id, c.id(), d.onset(), d.abatement(), false);
                }
            }
            for (Map.Entry<String, List<Diagnosis>> b : PatientFacts.broaderConditions(p, dictionary).entrySet()) {
                for (Diagnosis d : b.getValue()) {
                    cond.row(id, b.getKey(), d.onset(), d.abatement(), true);
                }
            }
            for (ProcedureRecord r : p.procedures()) {
                Set<Concept> placed = resolved.computeIfAbsent(r, k -> dictionary.recognise(ConceptKind.PROCEDURE,
                        r.codes(), null).concepts());
                for (Concept c : placed) {
                    proc.row(id, c.id(), r.date(), r.planned());
                }
                if (placed.isEmpty()) {
                    // placed nowhere: it may be one of an open class ("surgery"), which the rule's SQL asks of it
                    proc.row(id, UNPLACED, r.date(), r.planned());
                }
            }
            for (Medication m : p.medications()) {
                int mid = medicationId++;
                med.row(mid, id, m.text(), m.start(), m.end(), m.endUnknown());
                for (Concept c : resolved.computeIfAbsent(m, k -> dictionary.recognise(ConceptKind.MEDICATION,
                        m.codes(), m.text()).concepts())) {
                    medClass.row(mid, id, c.id());
                }
            }
            for (Allergy a : p.allergies()) {
                int aid = allergyId++;
                Set<Concept> substance = resolved.computeIfAbsent(a, k -> dictionary.recognise(ConceptKind.MEDICATION,
                        a.codes(), a.text()).concepts());
                allergy.row(aid, id, names(a), a.drug(), a.active(), !substance.isEmpty());
                for (Concept c : substance) {
                    allergyClass.row(aid, id, c.id());
                }
            }
            for (Map.Entry<String, Boolean> a : p.attestations().entrySet()) {
                att.row(id, a.getKey(), a.getValue());
            }
        }
        for (Table t : List.of(pat, obs, cond, proc, med, medClass, allergy, allergyClass, att)) {
            t.flush();
        }
        try (Statement s = db.createStatement()) {
            s.execute(INDEXES);
        }
    }

    /** What an allergy's substance is called, lower-cased, a line each: its text and its codes' displays. */
    private static String names(Allergy a) {
        StringBuilder names = new StringBuilder(a.substance().toLowerCase(java.util.Locale.ROOT));
        a.codes().stream().filter(c -> c.display() != null).forEach(c -> names.append('\n')
                .append(c.display().toLowerCase(java.util.Locale.ROOT)));
        return names.toString();
    }

    /** The value in the concept's unit, as the evaluator compares it; null when the unit does not convert. */
    private static Double inConceptUnit(Observation o, Concept c) {
        return o.value() == null ? null : Units.toConceptUnit(o.value(), o.unit(), c);
    }

    /** Rows for one table in PostgreSQL's COPY text format, sent a few megabytes at a time. */
    private static final class Table {
        private static final int FLUSH_AT = 8 << 20;
        private final CopyManager copy;
        private final String name;
        private final StringBuilder rows = new StringBuilder();

        Table(CopyManager copy, String name) {
            this.copy = copy;
            this.name = name;
        }

        void row(Object... values) throws SQLException {
            FactTables.row(rows, values);
            if (rows.length() > FLUSH_AT) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (rows.length() == 0) {
                return;
            }
            try {
                copy.copyIn("COPY " + name + " FROM STDIN", new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new SQLException("loading " + name + " failed: " + e.getMessage(), e);
            }
            rows.setLength(0);
        }
    }

    /** One line of PostgreSQL's COPY text format: tab-separated, \N for null, with its special characters escaped. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
            } else if (v instanceof LocalDate || v instanceof Number || v instanceof Boolean) {
                out.append(v);
            } else {
                String s = v.toString();
                for (int k = 0; k < s.length(); k++) {
                    char ch = s.charAt(k);
                    switch (ch) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(ch);
                    }
                }
            }
        }
        out.append('\n');
    }
}
