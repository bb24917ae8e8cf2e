package org.stroma.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.PlannedDose;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.subject.SubjectState;

/**
 * The baseline table: age, sex and each stratification factor by arm and for all subjects, a subject without a
 * recorded age or sex counted as not recorded; the blinded table has the column of all subjects alone, and no arm.
 */
class BaselineTableTest {
    private static final LocalDate DAY = LocalDate.of(2026, 7, 1);
    private final List<LockedTrial.SubjectRow> subjects = new ArrayList<>();
    private final List<LockedTrial.MeasurementRow> measurements = new ArrayList<>();

    private void subject(String id, String site, String arm, String treatment, Integer age, AdministrativeSex sex,
            double weight, String nyha) {
        subjects.add(new LockedTrial.SubjectRow(id, site, SubjectState.COMPLETED, arm, treatment, DAY, DAY.plusDays(
                20), weight, null, List.of(SubjectState.COMPLETED), DAY.plusDays(200), List.of(new PlannedDose(1, arm,
                treatment, null)), age, sex, Map.of("site", site)));
        measurements.add(new LockedTrial.MeasurementRow(id, arm, "Baseline", DAY, -0.5, "functional_class", "nyha",
                nyha));
        measurements.add(new LockedTrial.MeasurementRow(id, arm, "Baseline", DAY, -0.5, "vitals", "weight",
                String.valueOf(weight)));
    }

    private LockedTrial trial() {
        return new LockedTrial("NCT0", "test", false, subjects, measurements, List.of(), List.of(), List.of());
    }

    private void fourSubjects() {
        subject("S1", "Toulouse", "A", "Placebo", 50, AdministrativeSex.FEMALE, 60, "II");
        subject("S2", "Créteil", "A", "Placebo", 70, AdministrativeSex.MALE, 80, "III");
        subject("S3", "Toulouse", "B", "MSC", 61, AdministrativeSex.MALE, 90, "III");
        // S4's record gave neither birth date nor sex
        subject("S4", "Toulouse", "B", "MSC", null, null, 70, "II");
        // screened and never randomized: not in the table
        subjects.add(new LockedTrial.SubjectRow("S5", "Toulouse", SubjectState.SCREEN_FAILURE, null, null, null,
                null, null, "not eligible", List.of(SubjectState.SCREEN_FAILURE), DAY, List.of(), 99,
                AdministrativeSex.FEMALE, Map.of()));
    }

    @Test
    void eachArmHasItsAgeSexAndStrataAndASubjectWithoutThemIsNotRecorded() {
        fourSubjects();
        String html = section(TrialReport.html(trial(), false, "test"));
        assertThat(html).contains("<th>A: Placebo (n = 2)</th><th>B: MSC (n = 2)</th><th>all subjects (n = 4)</th>");
        // age: A 50 and 70 (mean 60, SD 14.1); B 61 alone, with one not recorded; all 50, 61, 70
        assertThat(html).contains("<td>Age at randomization (years)</td><td>60.0 ± 14.1; 60.0 (50.0–70.0); n = 2</td>"
                + "<td>61.0 ± 0.0; 61.0 (61.0–61.0); n = 1</td><td>60.3 ± 10.0; 61.0 (50.0–70.0); n = 3</td>");
        assertThat(html).contains("<td>&nbsp;&nbsp;not recorded</td><td>0 (0.0 %)</td><td>1 (50.0 %)</td>"
                + "<td>1 (25.0 %)</td>");
        assertThat(html).contains("<td><strong>Sex</strong></td>",
                "<td>&nbsp;&nbsp;female</td><td>1 (50.0 %)</td><td>0 (0.0 %)</td><td>1 (25.0 %)</td>",
                "<td>&nbsp;&nbsp;male</td><td>1 (50.0 %)</td><td>1 (50.0 %)</td><td>2 (50.0 %)</td>");
        assertThat(html).contains("<td><strong>Stratum: site</strong></td>",
                "<td>&nbsp;&nbsp;Créteil</td><td>1 (50.0 %)</td><td>0 (0.0 %)</td><td>1 (25.0 %)</td>",
                "<td>&nbsp;&nbsp;Toulouse</td><td>1 (50.0 %)</td><td>2 (100.0 %)</td><td>3 (75.0 %)</td>");
        // the baseline values shown before stay: the weight the products were dosed by, a class by its counts
        assertThat(html).contains("<td>Weight at randomization (kg)</td><td>70.0 ± 14.1;", "<td><strong>NYHA class</strong></td>",
                "<td>&nbsp;&nbsp;III</td><td>1 (50.0 %)</td><td>1 (50.0 %)</td><td>2 (50.0 %)</td>");
        // the subject never randomized is counted nowhere (S5 was 99)
        assertThat(html).doesNotContain("99.0");
    }

    @Test
    void theBlindedTableHasAllSubjectsInOneColumnAndNoArm() {
        fourSubjects();
        String html = section(TrialReport.html(trial(), true, "test"));
        assertThat(html).contains("<th>Characteristic</th><th>all subjects (n = 4)</th></tr>");
        assertThat(html).contains("<td>Age at randomization (years)</td><td>60.3 ± 10.0; 61.0 (50.0–70.0); n = 3</td>"
                + "</tr>", "<td>&nbsp;&nbsp;male</td><td>2 (50.0 %)</td></tr>",
                "<td>&nbsp;&nbsp;Toulouse</td><td>3 (75.0 %)</td></tr>");
        assertThat(html).doesNotContain("Placebo", "MSC", "A:", "B:");
    }

    private static String section(String report) {
        int from = report.indexOf("<section id=\"baseline\"");
        return report.substring(from, report.indexOf("</section>", from));
    }
}
