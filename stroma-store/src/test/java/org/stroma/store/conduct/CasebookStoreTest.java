package org.stroma.store.conduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.store.Database;
import org.stroma.store.study.StudyStore;
import org.stroma.trial.capture.CaptureException;
import org.stroma.trial.capture.DataQuery;
import org.stroma.trial.capture.FormRecord;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.randomization.RandomSource;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.safety.Causality;
import org.stroma.trial.safety.Grade;
import org.stroma.trial.safety.Outcome;
import org.stroma.trial.safety.SeriousnessCriterion;
import org.stroma.trial.subject.SubjectState;

/**
 * Captured data kept as conduct events: forms with their versions, queries, signatures and adverse events survive a
 * rebuild from the events exactly, each write has its audit row, and a refused save writes nothing.
 */
class CasebookStoreTest {
    private static final Instant T = Instant.parse("2026-06-01T09:00:00Z");
    private static Database db;
    private static StudyStore studies;
    private static String study;

    @BeforeAll
    static void publish() throws Exception {
        db = Database.temporary();
        studies = new StudyStore(db);
        study = PublishedSeed.mesami2(studies);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static void record(ConductStore store, ConductEvent e) throws SQLException {
        store.record(study, e.by(), c -> {
            e.applyTo(c);
            return e;
        });
    }

    @Test
    void aStudyBegunUnderRules3KeepsTheRelapseFormItMayHaveUsedAndANewOneHasNone() throws Exception {
        try (Database own = Database.temporary()) {
            StudyStore ownStudies = new StudyStore(own);
            String cardiac = PublishedSeed.mesami2(ownStudies);
            ConductStore store = new ConductStore(own, ownStudies, RandomSource.secure());
            String site = ownStudies.sites(cardiac).get(0);
            for (ConductEvent e : List.of(new ConductEvent.CandidateAdded("C1", site, T, "coordinator"),
                    new ConductEvent.Screened("C1", PatientVerdict.ELIGIBLE, null, T, "coordinator"),
                    new ConductEvent.Consented("C1", "1", T, "investigator", T, "investigator"))) {
                store.record(cardiac, e.by(), c -> {
                    e.applyTo(c);
                    return e;
                });
            }
            ConductEvent.FormSaved relapse = new ConductEvent.FormSaved("C1", "Unscheduled", "relapse", Map.of(
                    "onset", "2026-06-01", "confirmed", "yes"), null, T, "coordinator");
            assertThatThrownBy(() -> store.record(cardiac, "coordinator", c -> {
                relapse.applyTo(c);
                return relapse;
            })).hasMessageContaining("has no form relapse");
            // the same study as if begun under rules 3: rebuilt by another store, it offers the relapse form still
            try (Connection c = own.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE conduct_event SET rules = 3");
            }
            ConductStore older = new ConductStore(own, ownStudies, RandomSource.secure());
            older.record(cardiac, "coordinator", c -> {
                relapse.applyTo(c);
                return relapse;
            });
            ConductStore rebuilt = new ConductStore(own, ownStudies, RandomSource.secure());
            java.util.Optional<FormRecord> kept = rebuilt.read(cardiac, c -> c.casebook().record("C1", "Unscheduled",
                    "relapse"));
            assertThat(kept).isPresent();
        }
    }

    @Test
    void formsQueriesSignaturesAndAdverseEventsSurviveARebuild() throws Exception {
        ConductStore store = new ConductStore(db, studies, RandomSource.secure());
        String site = studies.sites(study).get(0);
        record(store, new ConductEvent.CandidateAdded("C1", site, T, "coordinator"));
        record(store, new ConductEvent.Screened("C1", PatientVerdict.ELIGIBLE, null, T, "coordinator"));
        record(store, new ConductEvent.Consented("C1", "1", T, "investigator", T, "investigator"));
        long before = count("SELECT count(*) FROM audit_ledger");
        record(store, new ConductEvent.FormSaved("C1", "Baseline", "echo", Map.of("lvef", "12", "lvedv", "190",
                "lvesv", "167"), null, T, "coordinator"));
        List<DataQuery> opened = store.read(study, c -> c.casebook().queries("C1"));
        assertThat(opened).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("Q1");
            assertThat(q.item()).isEqualTo("lvef");
        });
        record(store, new ConductEvent.QueryMoved("C1", "Q1", "answer", "confirmed on the source report",
                T.plusSeconds(60), "coordinator"));
        record(store, new ConductEvent.FormSigned("C1", "Baseline", "echo", "Dr Ana Ruiz", "reviewed",
                T.plusSeconds(120), "investigator"));
        record(store, new ConductEvent.FormSaved("C1", "Baseline", "echo", Map.of("lvef", "14", "lvedv", "190",
                "lvesv", "163"), "core-lab reading", T.plusSeconds(180), "coordinator"));
        record(store, new ConductEvent.QueryMoved("C1", "Q1", "close", "settled by the core lab", T.plusSeconds(240),
                "monitor"));
        AdverseEvent vt = new AdverseEvent("C1-AE1", "C1", "ventricular tachycardia", Grade.LIFE_THREATENING,
                Set.of(SeriousnessCriterion.LIFE_THREATENING), Causality.POSSIBLE, false, LocalDate.of(2026, 6, 3),
                LocalDate.of(2026, 6, 4), Outcome.RECOVERING, null);
        record(store, new ConductEvent.AdverseEventReported(vt, T.plusSeconds(300), "investigator"));
        assertThat(count("SELECT count(*) FROM audit_ledger")).isEqualTo(before + 6);

        // a value past what is possible is refused and writes nothing
        long events = count("SELECT count(*) FROM conduct_event");
        assertThatThrownBy(() -> record(store, new ConductEvent.FormSaved("C1", "Baseline", "echo", Map.of("lvef",
                "140"), "typo", T.plusSeconds(360), "coordinator"))).isInstanceOf(CaptureException.class)
                .hasMessageContaining("140 % is not possible");
        assertThat(count("SELECT count(*) FROM conduct_event")).isEqualTo(events);

        ConductStore rebuilt = new ConductStore(db, studies, RandomSource.secure());
        FormRecord echo = rebuilt.read(study, c -> c.casebook().record("C1", "Baseline", "echo").orElseThrow());
        assertThat(echo.versions()).extracting(v -> v.values().get("lvef")).containsExactly("12", "14");
        assertThat(echo.versions().get(1).reason()).isEqualTo("core-lab reading");
        assertThat(echo.signed()).isFalse();
        assertThat(echo.signatures()).singleElement().satisfies(s -> assertThat(s.voidedBecause())
                .isEqualTo("changed by coordinator: core-lab reading"));
        DataQuery q1 = rebuilt.read(study, c -> c.casebook().query("Q1"));
        assertThat(q1.status()).isEqualTo(DataQuery.Status.CLOSED);
        assertThat(q1.history()).hasSize(3);
        List<AdverseEvent> reported = rebuilt.read(study, c -> c.casebook().adverseEvents());
        assertThat(reported).containsExactly(vt);
    }

    /** On a database of its own: a locked study refuses every later write. */
    @Test
    void aLockFreezesTheDataAndOutlivesARebuild() throws Exception {
        try (Database own = Database.temporary()) {
            StudyStore ownStudies = new StudyStore(own);
            String id = PublishedSeed.mesami2(ownStudies);
            ConductStore store = new ConductStore(own, ownStudies, RandomSource.secure());
            String site = ownStudies.sites(id).get(0);
            AnalysisPlan draft = store.read(id, c -> c.analysisPlan().orElseThrow().draft());
            List<ConductEvent> before = List.of(new ConductEvent.CandidateAdded("L1", site, T, "coordinator"),
                    new ConductEvent.Screened("L1", PatientVerdict.ELIGIBLE, null, T, "coordinator"),
                    new ConductEvent.Consented("L1", "1", T, "investigator", T, "investigator"),
                    new ConductEvent.FormSaved("L1", "Baseline", "vitals", Map.of("systolic_bp", "120", "diastolic_bp",
                            "80", "heart_rate", "70", "weight", "80"), null, T, "coordinator"),
                    new ConductEvent.Moved("L1", SubjectState.WITHDRAWN, "moved abroad", T.plusSeconds(60),
                            "investigator"),
                    // the lock waits for the statistician's signed plan, and freezes it
                    new ConductEvent.PlanRevised(draft, "adopted as derived", T.plusSeconds(120), "statistician"),
                    new ConductEvent.PlanSigned(1, "Statistician", "approved", T.plusSeconds(180), "statistician"),
                    new ConductEvent.DataLocked(T.plusSeconds(3600), "datamanager"));
            for (ConductEvent e : before) {
                store.record(id, e.by(), c -> {
                    e.applyTo(c);
                    return e;
                });
            }
            ConductEvent late = new ConductEvent.FormSaved("L1", "Baseline", "vitals", Map.of("systolic_bp", "125",
                    "diastolic_bp", "80", "heart_rate", "70", "weight", "80"), "late correction", T.plusSeconds(7200),
                    "coordinator");
            assertThatThrownBy(() -> store.record(id, "coordinator", c -> {
                late.applyTo(c);
                return late;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("locked on " + T.plusSeconds(3600));
            ConductStore rebuilt = new ConductStore(own, ownStudies, RandomSource.secure());
            Instant lockedAt = rebuilt.read(id, c -> c.lockedAt());
            assertThat(lockedAt).isEqualTo(T.plusSeconds(3600));
            AnalysisPlan frozen = rebuilt.read(id, c -> c.analysisPlan().orElseThrow().frozen().orElseThrow().plan());
            assertThat(frozen).isEqualTo(new AnalysisPlan(draft.trial(), draft.title(), 1, draft.endpoints(), draft.multiplicity(),
                            draft.openQuestions()));
            String kept = rebuilt.read(id, c -> c.casebook().record("L1", "Baseline", "vitals").orElseThrow().current()
                    .values().get("systolic_bp"));
            assertThat(kept).isEqualTo("120");
        }
    }

    static long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
