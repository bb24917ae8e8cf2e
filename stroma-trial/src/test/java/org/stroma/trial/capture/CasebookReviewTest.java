package org.stroma.trial.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroma.trial.refusal.ConflictException;

/**
 * A form's review, as a monitor and data manager take it: not started, incomplete while a query is not closed,
 * unverified, complete once verified at its current version (and unverified again after a change), locked alone or with
 * the subject's whole casebook; and its item-level audit trail.
 */
class CasebookReviewTest {
    private static final FormLibrary LIBRARY = FormLibrary.standard();
    private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
    private static final Map<String, String> VITALS = Map.of("systolic_bp", "128", "diastolic_bp", "80",
            "heart_rate", "70", "weight", "78");

    private static Casebook casebook() {
        FormDef vitals = LIBRARY.form("vitals").orElseThrow();
        FormDef echo = LIBRARY.form("echo").orElseThrow();
        return new Casebook(Map.of("Baseline", List.of(vitals, echo)), List.of());
    }

    @Test
    void aFormGoesFromNotStartedToCompleteAndBackToUnverifiedWhenChanged() {
        Casebook book = casebook();
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.NOT_STARTED);
        book.save("S1", "Baseline", "vitals", VITALS, null, null, T0, "coordinator");
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.UNVERIFIED);
        DataQuery q = book.open("S1", "Baseline", "vitals", "weight", "weight 78 kg: with shoes?", "monitor",
                T0.plusSeconds(60));
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.INCOMPLETE);
        q.answer("coordinator", T0.plusSeconds(120), "without shoes");
        // answered is not settled: the monitor closes it
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.INCOMPLETE);
        q.close("monitor", T0.plusSeconds(180), null);
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.UNVERIFIED);
        SourceVerification v = book.verify("S1", "Baseline", "vitals", "monitor", T0.plusSeconds(240));
        assertThat(v.version()).isEqualTo(1);
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.COMPLETE);
        assertThatThrownBy(() -> book.checkVerifiable("S1", "Baseline", "vitals", Set.of()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("verified already");
        book.save("S1", "Baseline", "vitals", Map.of("systolic_bp", "128", "diastolic_bp", "80", "heart_rate", "72",
                "weight", "78"), "re-measured", null, T0.plusSeconds(300), "coordinator");
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.UNVERIFIED);
        assertThat(book.record("S1", "Baseline", "vitals").orElseThrow().verifications()).hasSize(1);
        // the other form of the visit and the other subject are untouched
        assertThat(book.state("S1", "Baseline", "echo")).isEqualTo(FormState.NOT_STARTED);
        assertThatThrownBy(() -> book.verify("S2", "Baseline", "vitals", "monitor", T0)).hasMessageContaining(
                "no vitals saved");
    }

    @Test
    void itemsAreVerifiedOneByOneAndOnlyAChangedItemLosesItsMark() {
        Casebook book = casebook();
        book.save("S1", "Baseline", "vitals", VITALS, null, null, T0, "coordinator");
        book.verify("S1", "Baseline", "vitals", Set.of("weight", "heart_rate"), "monitor", T0.plusSeconds(10));
        FormRecord r = book.record("S1", "Baseline", "vitals").orElseThrow();
        assertThat(r.verifiedItems()).containsExactly("heart_rate", "weight");
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.UNVERIFIED);
        assertThatThrownBy(() -> book.checkVerifiable("S1", "Baseline", "vitals", Set.of("weight")))
                .hasMessageContaining("weight of Vital signs and weight is verified already");
        assertThatThrownBy(() -> book.checkVerifiable("S1", "Baseline", "vitals", Set.of("temperature")))
                .hasMessageContaining("temperature has no value");
        book.verify("S1", "Baseline", "vitals", Set.of("systolic_bp", "diastolic_bp"), "monitor",
                T0.plusSeconds(20));
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.COMPLETE);
        // the weight re-measured: the weight alone is to verify again
        book.save("S1", "Baseline", "vitals", Map.of("systolic_bp", "128", "diastolic_bp", "80", "heart_rate", "70",
                "weight", "79"), "re-weighed", null, T0.plusSeconds(30), "coordinator");
        assertThat(r.verifiedItems()).containsExactly("diastolic_bp", "heart_rate", "systolic_bp");
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.UNVERIFIED);
        book.verify("S1", "Baseline", "vitals", Set.of("weight"), "monitor", T0.plusSeconds(40));
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.COMPLETE);
        // a value changed and changed back is verified again: the source may say either
        book.save("S1", "Baseline", "vitals", Map.of("systolic_bp", "128", "diastolic_bp", "80", "heart_rate", "70",
                "weight", "80"), "typo", null, T0.plusSeconds(50), "coordinator");
        book.save("S1", "Baseline", "vitals", Map.of("systolic_bp", "128", "diastolic_bp", "80", "heart_rate", "70",
                "weight", "79"), "typo undone", null, T0.plusSeconds(60), "coordinator");
        assertThat(r.verifiedItems()).doesNotContain("weight");
    }

    @Test
    void aFormThatGivesNothingOrLostAValueIsVerifiedOnlyOnceTheMonitorLooksAgain() {
        Casebook book = casebook();
        book.save("S1", "Baseline", "echo", Map.of(), null, null, T0, "coordinator");
        assertThat(book.state("S1", "Baseline", "echo")).isEqualTo(FormState.UNVERIFIED);
        book.verify("S1", "Baseline", "echo", "monitor", T0.plusSeconds(10));
        assertThat(book.state("S1", "Baseline", "echo")).isEqualTo(FormState.COMPLETE);
        book.save("S1", "Baseline", "echo", Map.of("lvef", "35", "lvedv", "180"), "read", null, T0.plusSeconds(20),
                "coordinator");
        book.verify("S1", "Baseline", "echo", "monitor", T0.plusSeconds(30));
        // the volume taken out: nothing left unverified, but the form is not complete until the monitor looks again
        book.save("S1", "Baseline", "echo", Map.of("lvef", "35"), "volume measured on the wrong view", null,
                T0.plusSeconds(40), "coordinator");
        assertThat(book.record("S1", "Baseline", "echo").orElseThrow().verifiedItems()).containsExactly("lvef");
        assertThat(book.state("S1", "Baseline", "echo")).isEqualTo(FormState.UNVERIFIED);
        book.verify("S1", "Baseline", "echo", "monitor", T0.plusSeconds(50));
        assertThat(book.state("S1", "Baseline", "echo")).isEqualTo(FormState.COMPLETE);
    }

    @Test
    void aLockedFormIsNeitherChangedSignedQueriedNorVerifiedUntilUnlocked() {
        Casebook book = casebook();
        book.save("S1", "Baseline", "vitals", VITALS, null, null, T0, "coordinator");
        DataQuery q = book.open("S1", "Baseline", "vitals", "weight", "please confirm", "monitor", T0);
        assertThatThrownBy(() -> book.lock("S1", "Baseline", "vitals", "monitor", T0)).isInstanceOf(
                ConflictException.class).hasMessageContaining("queries not closed (" + q.id() + ")");
        q.close("monitor", T0, "settled by phone");
        book.lock("S1", "Baseline", "vitals", "monitor", T0.plusSeconds(60));
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.LOCKED);
        assertThatThrownBy(() -> book.save("S1", "Baseline", "vitals", Map.of("systolic_bp", "130", "diastolic_bp",
                "80", "heart_rate", "70", "weight", "78"), "typo", null, T0, "coordinator")).hasMessageContaining(
                "locked by monitor");
        assertThatThrownBy(() -> book.sign("S1", "Baseline", "vitals", "investigator", "Dr Ruiz", "reviewed", T0))
                .hasMessageContaining("locked");
        assertThatThrownBy(() -> book.open("S1", "Baseline", "vitals", "weight", "again?", "monitor", T0))
                .hasMessageContaining("locked");
        assertThatThrownBy(() -> book.verify("S1", "Baseline", "vitals", "monitor", T0)).hasMessageContaining(
                "locked");
        assertThat(book.record("S1", "Baseline", "vitals").orElseThrow().versions()).hasSize(1);
        book.unlock("S1", "Baseline", "vitals");
        assertThat(book.state("S1", "Baseline", "vitals")).isEqualTo(FormState.UNVERIFIED);
        book.save("S1", "Baseline", "vitals", Map.of("systolic_bp", "130", "diastolic_bp", "80", "heart_rate", "70",
                "weight", "78"), "transcription error", null, T0.plusSeconds(120), "coordinator");
        assertThatThrownBy(() -> book.unlock("S1", "Baseline", "vitals")).hasMessageContaining("not locked");
    }

    @Test
    void aSubjectsLockCoversFormsNotYetSavedAndIsUndoneWhole() {
        Casebook book = casebook();
        book.save("S1", "Baseline", "vitals", VITALS, null, null, T0, "coordinator");
        book.lock("S1", null, null, "datamanager", T0);
        assertThat(book.state("S1", "Baseline", "echo")).isEqualTo(FormState.LOCKED);
        assertThat(book.subjectLock("S1").by()).isEqualTo("datamanager");
        assertThatThrownBy(() -> book.save("S1", "Baseline", "echo", Map.of("lvef", "35"), null, null, T0,
                "coordinator")).hasMessageContaining("subject S1's casebook was locked by datamanager");
        assertThatThrownBy(() -> book.unlock("S1", "Baseline", "vitals")).hasMessageContaining("unlocked alone");
        assertThatThrownBy(() -> book.lock("S1", null, null, "datamanager", T0)).hasMessageContaining(
                "locked already");
        // another subject is not locked with it
        book.save("S2", "Baseline", "echo", Map.of("lvef", "35"), null, null, T0, "coordinator");
        book.unlock("S1", null, null);
        assertThat(book.state("S1", "Baseline", "echo")).isEqualTo(FormState.NOT_STARTED);
    }

    @Test
    void aFormKeepsTheDayOfItsAssessmentQueriedOutsideItsVisitsWindow() {
        Casebook book = casebook();
        LocalDate visitDay = LocalDate.parse("2026-09-01");
        VisitWindow window = new VisitWindow("Baseline", visitDay, visitDay.minusDays(3), visitDay.plusDays(3));
        List<DataQuery> opened = book.save("S1", "Baseline", "vitals", VITALS, LocalDate.parse("2026-08-20"), null,
                window, T0, "coordinator");
        assertThat(opened).singleElement().satisfies(q -> {
            assertThat(q.item()).isEqualTo(EditChecks.ASSESSED_ON);
            assertThat(q.text()).isEqualTo("assessed on 2026-08-20, outside the window of visit Baseline (2026-08-29"
                    + " to 2026-09-04)");
        });
        FormRecord r = book.record("S1", "Baseline", "vitals").orElseThrow();
        assertThat(r.assessedOn()).isEqualTo(LocalDate.parse("2026-08-20"));
        assertThat(book.save("S1", "Baseline", "vitals", VITALS, visitDay.plusDays(3), "the window's last day",
                window, T0.plusSeconds(30), "coordinator")).isEmpty();
        // the same values on the same day change nothing; another day is a change, with its reason
        book.save("S1", "Baseline", "vitals", VITALS, visitDay.plusDays(3), null, window, T0.plusSeconds(60),
                "coordinator");
        assertThat(r.versions()).hasSize(2);
        book.save("S1", "Baseline", "vitals", VITALS, LocalDate.parse("2026-08-30"), "date read off the wrong page",
                window, T0.plusSeconds(120), "coordinator");
        assertThat(r.itemChanges()).last().isEqualTo(new ItemChange(EditChecks.ASSESSED_ON, "2026-09-04",
                "2026-08-30", 3, "coordinator", T0.plusSeconds(120), "date read off the wrong page"));
        // the assessment date is verified like the values: changed, the form is to verify again
        assertThat(r.givenItems()).contains(EditChecks.ASSESSED_ON);
    }

    @Test
    void theAuditTrailSaysWhichItemChangedFromWhatToWhatByWhomAndWhy() {
        Casebook book = casebook();
        book.save("S1", "Baseline", "echo", Map.of("lvef", "35", "lvedv", "180"), null, null, T0, "coordinator");
        book.save("S1", "Baseline", "echo", Map.of("lvef", "38", "lvedv", "180", "lvesv", "110"), "core lab re-read",
                null, T0.plusSeconds(60), "coordinator2");
        book.save("S1", "Baseline", "echo", Map.of("lvef", "38", "lvesv", "110"), "lvedv measured on the wrong view",
                null, T0.plusSeconds(120), "coordinator");
        assertThat(book.record("S1", "Baseline", "echo").orElseThrow().itemChanges()).containsExactly(
                new ItemChange("lvef", null, "35", 1, "coordinator", T0, null),
                new ItemChange("lvedv", null, "180", 1, "coordinator", T0, null),
                new ItemChange("lvef", "35", "38", 2, "coordinator2", T0.plusSeconds(60), "core lab re-read"),
                new ItemChange("lvesv", null, "110", 2, "coordinator2", T0.plusSeconds(60), "core lab re-read"),
                new ItemChange("lvedv", "180", null, 3, "coordinator", T0.plusSeconds(120),
                        "lvedv measured on the wrong view"));
    }
}
