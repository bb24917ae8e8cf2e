package org.stroma.trial.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A form's life: saved, queried, changed with a reason, signed, changed again (the signature voided). */
class FormRecordTest {
    private static final FormDef ECHO = FormLibrary.standard().form("echo").orElseThrow();
    private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");

    @Test
    void changesNeedAReasonAndVoidTheSignatureWhileEveryVersionIsKept() {
        FormRecord r = new FormRecord(ECHO, "S1", "Month 3");
        List<Finding> queries = r.save(Map.of("lvef", "12"), "coordinator", T0, null, null);
        assertThat(queries).extracting(Finding::item).containsExactly("lvef");
        assertThatThrownBy(() -> r.save(Map.of("lvef", "32"), "coordinator", T0.plusSeconds(60), " ", null))
                .isInstanceOf(CaptureException.class).hasMessage("a change to saved data needs its reason");
        assertThat(r.save(Map.of("lvef", "32"), "coordinator", T0.plusSeconds(60), "transcription error", null))
                .isEmpty();
        Signature s = r.sign("investigator", "Dr Ana Ruiz", T0.plusSeconds(120), "reviewed");
        assertThat(r.signed()).isTrue();
        assertThat(s.printedName()).isEqualTo("Dr Ana Ruiz");
        // saving the same values again changes nothing and keeps the signature
        assertThat(r.save(Map.of("lvef", "32"), "coordinator", T0.plusSeconds(150), null, null)).isEmpty();
        assertThat(r.signed()).isTrue();
        r.save(Map.of("lvef", "33"), "coordinator", T0.plusSeconds(180), "re-read by the core lab", null);
        assertThat(r.signed()).isFalse();
        assertThat(r.signatures()).singleElement().satisfies(v -> {
            assertThat(v.voidedAt()).isEqualTo(T0.plusSeconds(180));
            assertThat(v.voidedBecause()).isEqualTo("changed by coordinator: re-read by the core lab");
        });
        assertThat(r.versions()).extracting(v -> v.values().get("lvef")).containsExactly("12", "32", "33");
        assertThat(r.versions()).extracting(FormVersion::reason).containsExactly(null, "transcription error",
                "re-read by the core lab");
    }

    @Test
    void aRefusedSaveWritesNothing() {
        FormRecord r = new FormRecord(ECHO, "S1", "Month 3");
        r.save(Map.of("lvef", "40"), "coordinator", T0, null, null);
        assertThatThrownBy(() -> r.save(Map.of("lvef", "400"), "coordinator", T0, "typo", null))
                .isInstanceOf(CaptureException.class).hasMessageContaining("not saved")
                .hasMessageContaining("400 % is not possible");
        assertThat(r.versions()).hasSize(1);
        assertThat(r.current().values()).containsEntry("lvef", "40");
        assertThatThrownBy(() -> new FormRecord(ECHO, "S2", "Baseline").sign("i", "I", T0, "reviewed"))
                .hasMessageContaining("empty form");
    }

    @Test
    void aQueryIsOpenedAnsweredReopenedAndClosedWithItsHistory() {
        DataQuery q = new DataQuery("Q1", "S1", "Month 3", "echo", "lvef", "12 % is outside 15–70 %; please confirm",
                "system", T0);
        assertThatThrownBy(() -> q.reopen("monitor", T0, "why")).isInstanceOf(IllegalStateException.class);
        q.answer("coordinator", T0.plusSeconds(10), "confirmed on the source echo report");
        assertThatThrownBy(() -> q.answer("coordinator", T0, "again")).hasMessageContaining("only an open query");
        q.reopen("monitor", T0.plusSeconds(20), "please attach the core-lab reading");
        q.answer("coordinator", T0.plusSeconds(30), "core lab: 13 %");
        q.close("monitor", T0.plusSeconds(40), "resolved");
        assertThat(q.status()).isEqualTo(DataQuery.Status.CLOSED);
        assertThat(q.history()).extracting(DataQuery.Step::to).containsExactly(DataQuery.Status.OPEN,
                DataQuery.Status.ANSWERED, DataQuery.Status.OPEN, DataQuery.Status.ANSWERED, DataQuery.Status.CLOSED);
        assertThatThrownBy(() -> q.close("monitor", T0, "")).hasMessageContaining("closed already");
    }
}
