package org.stroma.store.conduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.CriterionKind;
import org.stroma.store.Database;
import org.stroma.store.study.StudyStore;
import org.stroma.trial.conduct.EligibilityReview;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.masking.Role;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Code;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.Silence;
import org.stroma.trial.randomization.RandomSource;
import org.stroma.trial.refusal.ConflictException;
import org.stroma.trial.subject.SubjectState;

/** Running a trial through the store: concurrent randomizations, events rebuilt in another process, every write audited. */
class ConductStoreTest {
    private static Database db;
    private static StudyStore studies;
    private static String study;
    private static String site;

    @BeforeAll
    static void publishTheSeed() throws Exception {
        db = Database.temporary();
        studies = new StudyStore(db);
        study = PublishedSeed.mesami2(studies);
        site = studies.sites(study).get(0);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static void enrol(ConductStore store, String id) throws SQLException {
        SubjectSteps.enrol(store, study, id, site);
    }

    private static void enrol(ConductStore store, String id, String site) throws SQLException {
        SubjectSteps.enrol(store, study, id, site);
    }

    private static ConductEvent.Randomized randomize(ConductStore store, String id) throws SQLException {
        return SubjectSteps.randomize(store, study, id);
    }

    @Test
    void fiftyConcurrentRandomizationsInOneStratumTakeEachPlaceOnce() throws Exception {
        // two stores on one database stand for two server processes
        ConductStore first = new ConductStore(db, studies, RandomSource.secure());
        ConductStore second = new ConductStore(db, studies, RandomSource.secure());
        for (int i = 1; i <= 50; i++) {
            enrol(i % 2 == 0 ? first : second, "C" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ConductEvent.Randomized>> results = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            String id = "C" + i;
            ConductStore store = i % 2 == 0 ? first : second;
            results.add(pool.submit((Callable<ConductEvent.Randomized>) () -> {
                start.await();
                return randomize(store, id);
            }));
        }
        start.countDown();
        Set<Integer> numbers = new HashSet<>();
        for (Future<ConductEvent.Randomized> f : results) {
            numbers.add(f.get().randomization().allocation().number());
        }
        pool.shutdown();
        assertThat(numbers).hasSize(50).allMatch(n -> n >= 1 && n <= 50);
        assertThat(query("SELECT count(DISTINCT number) || '/' || min(number) || '/' || max(number) || '/'"
                + " || count(DISTINCT stratum) || '/' || count(DISTINCT kit_code) FROM allocation WHERE subject LIKE 'C%'"))
                .isEqualTo("50/1/50/1/50");
        // permuted blocks of at most 6: the arms are never more than 3 apart
        int a = Integer.parseInt(query("SELECT count(*) FROM allocation WHERE subject LIKE 'C%' AND grp = (SELECT"
                + " min(grp) FROM allocation)"));
        assertThat(Math.abs(50 - 2 * a)).isLessThanOrEqualTo(6);
        // a third process rebuilds the trial from the events and sees every allocation as the lab does
        ConductStore rebuilt = new ConductStore(db, studies, RandomSource.secure());
        for (int i = 1; i <= 50; i++) {
            String id = "C" + i;
            String group = query("SELECT grp FROM allocation WHERE subject = '" + id + "'");
            String seen = rebuilt.read(study, c -> c.subjectView(id, Role.CELL_LAB, "lab").group());
            assertThat(seen).isEqualTo(group);
        }
        // and every event has its audit row
        assertThat(query("SELECT count(*) FROM audit_ledger WHERE entity LIKE 'conduct %'"))
                .isEqualTo(query("SELECT count(*) FROM conduct_event"));
    }

    @Test
    void aRefusedStepWritesNothingAndKeepsWhatWasStored() throws Exception {
        ConductStore store = new ConductStore(db, studies, RandomSource.secure());
        enrol(store, "R1", studies.sites(study).get(1)); // another stratum than the concurrent test's
        String events = query("SELECT count(*) FROM conduct_event");
        assertThatThrownBy(() -> store.record(study, "investigator", c -> {
            c.move("R1", SubjectState.COMPLETED, Instant.now(), "investigator", null);
            return new ConductEvent.Moved("R1", SubjectState.COMPLETED, null, Instant.now(), "investigator");
        })).hasMessageContaining("R1");
        assertThat(query("SELECT count(*) FROM conduct_event")).isEqualTo(events);
        SubjectState state = store.read(study, c -> c.subject("R1").state());
        assertThat(state).isEqualTo(SubjectState.ENROLLED);
        assertThat(randomize(store, "R1").randomization().allocation().subject()).isEqualTo("R1");
    }

    private static String query(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void aRefusalFoundByLookingKeepsTheTrialInMemoryAndOneFromTheCommandRebuildsIt() throws Exception {
        ConductStore store = new ConductStore(db, studies, RandomSource.seeded(3));
        enrol(store, "K1");
        long rebuilt = store.rebuilds();
        assertThatThrownBy(() -> store.record(study, "investigator", t -> {
            throw new IllegalStateException("a stale version");
        }, t -> {
            throw new AssertionError("the command runs only once the check passes");
        })).hasMessage("a stale version");
        store.read(study, t -> t.subject("K1"));
        assertThat(store.rebuilds()).as("a check's refusal costs no replay").isEqualTo(rebuilt);
        assertThatThrownBy(() -> store.record(study, "investigator", t -> {
            t.move("K1", SubjectState.ENROLLED, Instant.now(), "investigator", null);
            return null;
        })).isInstanceOf(RuntimeException.class);
        SubjectState state = store.read(study, t -> t.subject("K1").state());
        assertThat(state).isEqualTo(SubjectState.ENROLLED);
        assertThat(store.rebuilds()).as("a command's refusal rebuilds the trial from the database").isEqualTo(
                rebuilt + 1);
    }

    /**
     * The record a screening read is kept with its verdict, the coordinator's "no"s included, and survives a rebuild;
     * a screening left open, completed with more of the record, is one more event with its audit row, and the subject
     * follows its verdict after a rebuild too.
     */
    @Test
    void theRecordAScreeningReadIsKeptAndItsCompletionIsAudited() throws Exception {
        ConductStore store = new ConductStore(db, studies, RandomSource.secure());
        Instant t = Instant.parse("2026-06-01T09:00:00Z");
        PatientRecord typed = new PatientRecord("T1", LocalDate.of(1966, 5, 20), AdministrativeSex.MALE, List.of(
                Observation.of(new Code(Code.LOINC, "10230-1", "LVEF"), 35, "%", LocalDate.of(2026, 5, 4))),
                List.of(), List.of(), List.of(), Map.of("I1", true), Silence.typed(Set.of(new Silence.Denial(
                Silence.Kind.CONDITION, "atrial_fibrillation"))));
        EligibilityReview open = new EligibilityReview(List.of(new EligibilityReview.OpenCriterion("I6",
                CriterionKind.INCLUSION, "VO2 max ≤ 20 ml/min/kg")));
        record(store, new ConductEvent.CandidateAdded("T1", site, t, "coordinator"));
        record(store, new ConductEvent.Screened("T1", PatientVerdict.INCOMPLETE, open, t, "coordinator", typed));

        ConductStore rebuilt = new ConductStore(db, studies, RandomSource.secure());
        PatientRecord kept = rebuilt.read(study, c -> c.screenedRecord("T1"));
        EligibilityReview stillOpen = rebuilt.read(study, c -> c.openCriteria("T1"));
        assertThat(kept).isEqualTo(typed);
        assertThat(stillOpen).isEqualTo(open);

        PatientRecord completed = new PatientRecord("T1", typed.birthDate(), typed.sex(), List.of(typed
                .observations().get(0), Observation.of(new Code(Code.STROMA, "vo2max", "VO2max"), 14, "mL/min/kg",
                LocalDate.of(2026, 5, 20))), List.of(), List.of(), List.of(), typed.attestations(), typed.silence());
        record(rebuilt, new ConductEvent.Rescreened("T1", completed, PatientVerdict.ELIGIBLE, null,
                t.plusSeconds(3600), "coordinator"));
        assertThat(query("SELECT string_agg(new_value, ' ') FROM audit_ledger WHERE entity = 'conduct Rescreened'"))
                .contains("\"verdict\":\"ELIGIBLE\"", "\"denied\":[{\"kind\":\"CONDITION\","
                        + "\"name\":\"atrial_fibrillation\"}]", "mL/min/kg");

        ConductStore again = new ConductStore(db, studies, RandomSource.secure());
        SubjectState state = again.read(study, c -> c.subject("T1").state());
        PatientRecord keptNow = again.read(study, c -> c.screenedRecord("T1"));
        assertThat(state).isEqualTo(SubjectState.ELIGIBLE);
        assertThat(keptNow).isEqualTo(completed);
        // a screening that has decided is not screened again
        assertThatThrownBy(() -> record(again, new ConductEvent.Rescreened("T1", completed,
                PatientVerdict.INELIGIBLE, null, t.plusSeconds(7200), "coordinator")))
                .isInstanceOf(ConflictException.class);
    }

    private static void record(ConductStore store, ConductEvent e) throws SQLException {
        store.record(study, e.by(), c -> {
            e.applyTo(c);
            return e;
        });
    }
}
