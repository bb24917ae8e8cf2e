package org.stroma.store.conduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.CriterionKind;
import org.stroma.store.Database;
import org.stroma.store.study.StudyStore;
import org.stroma.trial.conduct.EligibilityReview;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Code;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.Silence;
import org.stroma.trial.randomization.RandomSource;
import org.stroma.trial.refusal.ConflictException;
import org.stroma.trial.subject.SubjectState;

/**
 * The record a screening read is kept with its verdict, the coordinator's "no"s included, and survives a rebuild; a
 * screening left open, completed with more of the record, is one more event with its audit row, and the subject
 * follows its verdict after a rebuild too.
 */
class ScreeningRecordStoreTest {
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
    void theRecordAScreeningReadIsKeptAndItsCompletionIsAudited() throws Exception {
        ConductStore store = new ConductStore(db, studies, RandomSource.secure());
        String site = studies.sites(study).get(0);
        PatientRecord typed = new PatientRecord("T1", LocalDate.of(1966, 5, 20), AdministrativeSex.MALE, List.of(
                Observation.of(new Code(Code.LOINC, "10230-1", "LVEF"), 35, "%", LocalDate.of(2026, 5, 4))),
                List.of(), List.of(), List.of(), Map.of("I1", true), Silence.typed(Set.of(new Silence.Denial(
                Silence.Kind.CONDITION, "atrial_fibrillation"))));
        EligibilityReview open = new EligibilityReview(List.of(new EligibilityReview.OpenCriterion("I6",
                CriterionKind.INCLUSION, "VO2 max ≤ 20 ml/min/kg")));
        record(store, new ConductEvent.CandidateAdded("T1", site, T, "coordinator"));
        record(store, new ConductEvent.Screened("T1", PatientVerdict.INCOMPLETE, open, T, "coordinator", typed));

        ConductStore rebuilt = new ConductStore(db, studies, RandomSource.secure());
        PatientRecord kept = rebuilt.read(study, c -> c.screenedRecord("T1"));
        EligibilityReview stillOpen = rebuilt.read(study, c -> c.openCriteria("T1"));
        assertThat(kept).isEqualTo(typed);
        assertThat(stillOpen).isEqualTo(open);

        PatientRecord completed = new PatientRecord("T1", typed.birthDate(), typed.sex(), List.of(typed
                .observations().get(0), Observation.of(new Code(Code.STROMA, "vo2max", "VO2max"), 14, "mL/min/kg",
                LocalDate.of(2026, 5, 20))), List.of(), List.of(), List.of(), typed.attestations(), typed.silence());
        record(rebuilt, new ConductEvent.Rescreened("T1", completed, PatientVerdict.ELIGIBLE, null,
                T.plusSeconds(3600), "coordinator"));
        assertThat(ledger("conduct Rescreened")).singleElement().satisfies(row -> {
            assertThat(row).contains("\"verdict\":\"ELIGIBLE\"", "\"denied\":[{\"kind\":\"CONDITION\","
                    + "\"name\":\"atrial_fibrillation\"}]", "mL/min/kg");
        });

        ConductStore again = new ConductStore(db, studies, RandomSource.secure());
        SubjectState state = again.read(study, c -> c.subject("T1").state());
        PatientRecord keptNow = again.read(study, c -> c.screenedRecord("T1"));
        assertThat(state).isEqualTo(SubjectState.ELIGIBLE);
        assertThat(keptNow).isEqualTo(completed);
        // a screening that has decided is not screened again
        assertThatThrownBy(() -> record(again, new ConductEvent.Rescreened("T1", completed,
                PatientVerdict.INELIGIBLE, null, T.plusSeconds(7200), "coordinator")))
                .isInstanceOf(ConflictException.class);
    }

    /** The new values of the audit rows of one kind of entity. */
    private static List<String> ledger(String entity) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT new_value FROM audit_ledger WHERE entity = ? ORDER BY seq")) {
            s.setString(1, entity);
            try (ResultSet r = s.executeQuery()) {
                List<String> rows = new java.util.ArrayList<>();
                while (r.next()) {
                    rows.add(r.getString(1));
                }
                return rows;
            }
        }
    }
}
