package org.stroma.store.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stroma.protocol.TimeUnit;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.store.EmbeddedDatabase;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.CriterionResult;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.patient.CompletedAge;
import org.stroma.trial.patient.PatientRecord;

/**
 * The SQL screening gives, criterion by criterion and patient by patient, the verdicts of the Java screening: random
 * patients dense around the thresholds are loaded into a real (embedded) PostgreSQL and screened both ways against
 * each seed trial.
 */
class SqlScreeningTest {
    private static final LocalDate SCREENED = LocalDate.of(2026, 6, 1);
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();
    private static EmbeddedDatabase database;
    private static List<PatientRecord> patients;

    @BeforeAll
    static void load() throws Exception {
        patients = new RandomPatients(DICTIONARY, 20261122L, SCREENED).make(600);
        database = EmbeddedDatabase.temporary();
        try (Connection db = database.connect()) {
            new FactTables(DICTIONARY).load(db, patients);
        }
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static CompiledEligibility compiled(String seed) throws IOException {
        try (InputStream in = SqlScreeningTest.class.getResourceAsStream("/fixtures/seeds/" + seed + ".txt")) {
            return new CriteriaCompiler(DICTIONARY).compile(new RegistryImporter().read(in.readAllBytes()).get(0)
                    .protocol());
        }
    }

    /**
     * Rules no seed trial compiles to, written as a study team would: allergies by class, by name and both, vaccines,
     * surgery (an open class), and ages in months, weeks and days (whose counts {@link
     * #sqlCountsCompletedAgesAsJavaDoes} compares day by day), on the same random patients (whose allergies are coded,
     * named, resolved and unplaceable, and whose procedures include some the dictionary places nowhere).
     */
    @org.junit.jupiter.api.Test
    void sqlGivesTheVerdictsOfTheJavaScreeningForStudyTeamsRules() throws Exception {
        List<org.stroma.protocol.Criterion> exclusions = new ArrayList<>();
        String[] rules = {"allergy penicillin", "allergy local_anaesthetic,antibiotic", "allergy named \"xylocaine\"",
            "allergy antiplatelet named \"latex\"", "medication live_vaccine within 4 weeks",
            "medication vaccine within 6 months", "procedure surgery within 12 months", "procedure surgery ever",
            "age >= 300 months", "age < 1000 weeks", "age 9000..20000 days", "condition pregnancy now",
            "condition pregnancy within 6 months"};
        for (int k = 0; k < rules.length; k++) {
            exclusions.add(new org.stroma.protocol.Criterion("E" + (k + 1), org.stroma.protocol.CriterionKind.EXCLUSION,
                    "a study team's rule", null, List.of(), rules[k]));
        }
        org.stroma.protocol.Protocol seed = compiledProtocol("000_b4a57771c457638a");
        CompiledEligibility eligibility = new CriteriaCompiler(DICTIONARY).compile(new org.stroma.protocol.Protocol(
                seed.identification(), null, null, null, null, List.of(), List.of(), null, List.of(), List.of(),
                List.of(), seed.eligibility().withCriteria(List.of(), exclusions), List.of(), List.of(), List.of(),
                List.of(), List.of(), null));
        Screening java = new Screening(DICTIONARY, eligibility);
        SqlScreening sql = new SqlScreening(DICTIONARY, eligibility, SCREENED);
        List<SqlScreening.Row> rows = new ArrayList<>();
        try (Connection db = database.connect()) {
            sql.run(db, rows::add);
        }
        List<String> mismatches = new ArrayList<>();
        int[] seen = new int[3];
        for (int i = 0; i < patients.size(); i++) {
            ScreeningResult expected = java.screen(patients.get(i), SCREENED);
            for (int k = 0; k < sql.criterionIds().size(); k++) {
                CriterionResult c = expected.criterion(sql.criterionIds().get(k));
                seen[c.verdict().ordinal()]++;
                if (rows.get(i).criteria().get(k) != c.verdict()) {
                    mismatches.add(rows.get(i).patient() + " " + c.id() + ": " + rows.get(i).criteria().get(k)
                            + " in SQL, " + c.verdict() + " in Java (" + c.reason() + ")");
                }
            }
        }
        assertThat(mismatches).isEmpty();
        // the random patients reach every verdict of these rules
        assertThat(seen[0]).isPositive();
        assertThat(seen[1]).isPositive();
        assertThat(seen[2]).isPositive();
    }

    /**
     * SQL counts an age in completed days, weeks, months and years as Java does, for every birth date of the thirty
     * years before each screening date: month ends, 29 February and leap years included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2024-02-28", "2024-02-29", "2025-02-28", "2025-03-31", "2025-04-30", "2026-06-01"})
    void sqlCountsCompletedAgesAsJavaDoes(String screening) throws Exception {
        LocalDate date = LocalDate.parse(screening);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        try (Connection db = database.connect(); Statement st = db.createStatement()) {
            for (TimeUnit unit : List.of(TimeUnit.DAY, TimeUnit.WEEK, TimeUnit.MONTH, TimeUnit.YEAR)) {
                String sql = "SELECT p.birth_date, " + RuleSql.completedAge(unit, date) + " FROM (SELECT d::date AS"
                        + " birth_date FROM generate_series(DATE '" + date.minusYears(30) + "', DATE '" + date
                        + "', INTERVAL '1 day') d) p";
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        LocalDate birth = rs.getObject(1, LocalDate.class);
                        long inSql = Math.round(rs.getDouble(2));
                        long inJava = CompletedAge.between(birth, date, unit);
                        compared++;
                        if (inSql != inJava) {
                            mismatches.add(unit + " born " + birth + ": " + inSql + " in SQL, " + inJava + " in Java");
                        }
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(compared).isGreaterThan(4 * 30 * 365);
    }

    private static org.stroma.protocol.Protocol compiledProtocol(String seed) throws IOException {
        try (InputStream in = SqlScreeningTest.class.getResourceAsStream("/fixtures/seeds/" + seed + ".txt")) {
            return new RegistryImporter().read(in.readAllBytes()).get(0).protocol();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_b4a57771c457638a", "001_1ab109ef512b8771", "002_70a1459048f6b63c",
            "003_4c6cadfb0611a693", "004_58ec9ded4b3b1533"})
    void sqlGivesTheVerdictsOfTheJavaScreening(String seed) throws Exception {
        CompiledEligibility eligibility = compiled(seed);
        Screening java = new Screening(DICTIONARY, eligibility);
        SqlScreening sql = new SqlScreening(DICTIONARY, eligibility, SCREENED);
        List<SqlScreening.Row> rows = new ArrayList<>();
        try (Connection db = database.connect()) {
            assertThat(sql.run(db, rows::add)).isEqualTo(patients.size());
        }
        List<String> mismatches = new ArrayList<>();
        int[] verdicts = new int[3];
        for (int i = 0; i < patients.size(); i++) {
            ScreeningResult expected = java.screen(patients.get(i), SCREENED);
            SqlScreening.Row row = rows.get(i);
            assertThat(row.patient()).isEqualTo(expected.patient());
            verdicts[expected.verdict().ordinal()]++;
            if (row.verdict() != expected.verdict()) {
                mismatches.add(row.patient() + ": patient " + row.verdict() + " in SQL, " + expected.verdict()
                        + " in Java");
            }
            for (int k = 0; k < sql.criterionIds().size(); k++) {
                CriterionResult c = expected.criterion(sql.criterionIds().get(k));
                if (row.criteria().get(k) != c.verdict()) {
                    mismatches.add(row.patient() + " " + c.id() + ": " + row.criteria().get(k) + " in SQL, "
                            + c.verdict() + " in Java (" + c.reason() + ")");
                }
            }
        }
        System.out.printf("%s: %d patients; Java verdicts eligible/ineligible/incomplete %d/%d/%d; %d mismatches%n",
                seed, patients.size(), verdicts[0], verdicts[1], verdicts[2], mismatches.size());
        assertThat(mismatches).as("first mismatches: %s", mismatches.stream().limit(10).toList()).isEmpty();
    }
}
