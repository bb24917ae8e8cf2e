package org.stroma.simulation.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stroma.export.Export;
import org.stroma.export.ExportFormat;
import org.stroma.export.ctgov.RegistryResultsExport;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.protocol.results.RegistryResults;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.subject.SubjectState;

/**
 * The registry record with its results section, for every reference trial: it reads back through Stroma's own
 * importer as one API v2 study, completed, with the actual enrolment; its participant flow, baseline and adverse
 * events count what the locked data holds, group by group; the planned outcome measures of the parallel trials are
 * there with their comparisons; and what is left for a person is listed beside it.
 */
class RegistryResultsExportTest {

    @Test
    void everyTrialsResultsReadBackAndCountTheLockedData() throws Exception {
        int outcomesWithAnalysis = 0;
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            Export e = t.unblinded().get(ExportFormat.CTGOV_V2);
            List<ImportedRecord> read = new RegistryImporter().read(e.file(t.study() + ".json").content());
            assertThat(read).as(t.seed()).hasSize(1);
            ImportedRecord record = read.get(0);
            assertThat(record.protocol().identification().nctId()).isEqualTo(t.study());
            assertThat(record.protocol().status().overallStatus().name()).isEqualTo("COMPLETED");
            LockedTrial locked = t.locked();
            List<LockedTrial.SubjectRow> randomized = locked.subjects().stream().filter(s -> s.group() != null)
                    .toList();
            assertThat(record.protocol().design().enrollment().count()).isEqualTo(randomized.size());
            RegistryResults results = record.results().orElseThrow();

            // the flow: each group started with its randomized subjects, and completed with those who completed
            Map<String, Long> byGroup = new TreeMap<>(randomized.stream().collect(Collectors.groupingBy(
                    LockedTrial.SubjectRow::group, Collectors.counting())));
            RegistryResults.Period first = results.flow().periods().get(0);
            assertThat(first.milestones().get(0).type()).isEqualTo("STARTED");
            assertThat(first.milestones().get(0).subjects().values().stream().map(Long::valueOf).toList())
                    .as(t.seed()).isEqualTo(List.copyOf(byGroup.values()));
            RegistryResults.Period last = results.flow().periods().get(results.flow().periods().size() - 1);
            assertThat(last.milestones().get(1).subjects().values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo((int) randomized.stream().filter(s -> s.state() == SubjectState.COMPLETED).count());
            // baseline: every randomized subject, in the total group
            assertThat(results.baseline().participants().values().stream().reduce((a, b) -> b).orElseThrow())
                    .isEqualTo(randomized.size());
            // adverse events: those at risk received a product; every serious event is listed
            int treated = (int) randomized.stream().filter(s -> s.firstAdministration() != null).count();
            assertThat(results.adverseEvents().groups().stream().mapToInt(RegistryResults.EventGroup::seriousAtRisk)
                    .sum()).isEqualTo(treated);
            // treatment-emergent events only: from the first administration on
            long seriousEvents = locked.adverseEvents().stream().filter(a -> a.group() != null
                    && a.event().isSerious() && a.daysFromAdministration() != null && a.daysFromAdministration() >= 0)
                    .count();
            for (RegistryResults.EventGroup g : results.adverseEvents().groups()) {
                assertThat(g.seriousAffected()).isLessThanOrEqualTo(g.seriousAtRisk());
                assertThat(g.otherAffected()).isLessThanOrEqualTo(g.otherAtRisk());
                assertThat(g.deathsAffected()).isLessThanOrEqualTo(g.deathsAtRisk());
            }
            results.adverseEvents().serious().forEach(ev -> ev.stats().forEach(st -> assertThat(st.numAffected())
                    .isLessThanOrEqualTo(st.numAtRisk())));
            assertThat(results.adverseEvents().serious().stream().flatMap(ev -> ev.stats().stream())
                    .mapToInt(RegistryResults.EventStats::numEvents).sum()).as(t.seed()).isEqualTo((int) seriousEvents);
            assertThat(e.file(RegistryResultsExport.REVIEW).text()).contains("Before posting the results of "
                    + t.study());
            for (RegistryResults.Outcome o : results.outcomes()) {
                assertThat(o.participants()).isNotEmpty();
                if (!o.analyses().isEmpty()) {
                    outcomesWithAnalysis++;
                    assertThat(o.analyses().get(0).paramValue()).matches("-?[0-9.]+(E-?[0-9]+)?");
                }
            }
        }
        assertThat(outcomesWithAnalysis).as("outcome measures posted with their comparison").isPositive();
    }
}
