package org.stroma.simulation.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroma.export.Export;
import org.stroma.export.ExportFormat;
import org.stroma.export.ExportedFile;
import org.stroma.export.ipd.ParticipantDataExport;
import org.stroma.trial.lock.LockedTrial;

/**
 * The de-identified participant data of every reference trial: one row per randomized participant, every captured
 * value, no subject id, site name or kit code anywhere, each participant's dates shifted with their intervals kept,
 * and the arm only in the unblinded export; its README says what was done.
 */
class ParticipantDataExportTest {

    @Test
    void theDataAreDeIdentifiedAsTheReadmeSays() throws Exception {
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            LockedTrial locked = t.locked();
            List<LockedTrial.SubjectRow> randomized = locked.subjects().stream().filter(s -> s.group() != null)
                    .toList();
            Export unblinded = t.unblinded().get(ExportFormat.IPD);
            List<String[]> rows = rows(unblinded.file("participants.csv"));
            assertThat(rows).as(t.seed()).hasSize(randomized.size() + 1);
            assertThat(rows.get(0)).contains("arm");
            assertThat(rows(unblinded.file("measurements.csv"))).hasSize(locked.measurements().size() + 1);
            // rows in the order of the pseudonyms: never of enrolment or of reporting
            List<String> eventRows = rows(unblinded.file("adverse_events.csv")).stream().skip(1).map(r -> r[0])
                    .toList();
            assertThat(eventRows).isSorted();
            assertThat(rows.stream().skip(1).map(r -> r[0]).toList()).isSorted();
            for (Export e : List.of(unblinded, t.blinded().get(ExportFormat.IPD))) {
                String all = String.join("\n", e.files().stream().map(ExportedFile::text).toList());
                for (LockedTrial.SubjectRow s : locked.subjects()) {
                    assertThat(all).as(t.seed()).doesNotContainPattern("\\b" + s.subject() + "\\b")
                            .doesNotContain(s.site());
                }
                assertThat(e.file(ParticipantDataExport.README).text()).contains("Dates shifted", "90+",
                        "Free text withheld");
            }
            if (t.masked()) {
                assertThat(rows(t.blinded().get(ExportFormat.IPD).file("participants.csv")).get(0))
                        .doesNotContain("arm");
            }
            // each participant's interval from randomization to first administration is kept; the dates are not
            Map<Long, Integer> intervals = new HashMap<>();
            randomized.stream().filter(s -> s.firstAdministration() != null).forEach(s -> intervals.merge(
                    ChronoUnit.DAYS.between(s.randomized(), s.firstAdministration()), 1, Integer::sum));
            Map<Long, Integer> shared = new HashMap<>();
            Set<LocalDate> original = new HashSet<>();
            randomized.forEach(s -> original.add(s.randomized()));
            int moved = 0;
            List<String> header = List.of(rows.get(0));
            int randomizedOn = header.indexOf("randomized");
            int firstGiven = header.indexOf("first_administration");
            for (String[] r : rows.subList(1, rows.size())) {
                LocalDate on = LocalDate.parse(r[randomizedOn]);
                moved += original.contains(on) ? 0 : 1;
                if (!r[firstGiven].isEmpty()) {
                    shared.merge(ChronoUnit.DAYS.between(on, LocalDate.parse(r[firstGiven])), 1, Integer::sum);
                }
            }
            assertThat(shared).as(t.seed() + " intervals").isEqualTo(intervals);
            assertThat(moved).as(t.seed() + " randomization dates moved").isPositive();
        }
    }

    private static List<String[]> rows(ExportedFile csv) {
        return Arrays.stream(csv.text().split("\r\n")).map(line -> line.split(",", -1)).toList();
    }
}
