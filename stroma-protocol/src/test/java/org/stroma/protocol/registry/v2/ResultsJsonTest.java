package org.stroma.protocol.registry.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Fixtures;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.protocol.results.RegistryResults;

/**
 * A registry record's results section read into the model: the figures of a real record where the registry shows them,
 * and for every API v2 record with results, the model written back and read again is the same model.
 */
class ResultsJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRealRecordsResultsReadAsTheRegistryShowsThem() throws Exception {
        ImportedRecord r = new RegistryImporter().read(Fixtures.resource("fixtures/ctgov/api-v2/NCT02945046.json"))
                .get(0);
        RegistryResults results = r.results().orElseThrow();
        RegistryResults.Milestone started = results.flow().periods().get(0).milestones().get(0);
        assertThat(started.type()).isEqualTo("STARTED");
        assertThat(started.subjects()).containsEntry("FG000", 59).containsEntry("FG001", 55);
        assertThat(results.baseline().measures().get(0).classes().get(0).categories().get(0).measurements().get(0)
                .value()).isEqualTo("43.1");
        RegistryResults.Outcome primary = results.outcomes().get(0);
        assertThat(primary.type()).isEqualTo("PRIMARY");
        assertThat(primary.participants()).containsEntry("OG000", 57);
        assertThat(primary.measure().paramType()).isEqualTo("LEAST_SQUARES_MEAN");
        assertThat(primary.analyses().get(0).pValue()).isEqualTo("0.9093");
        assertThat(primary.analyses().get(0).groupIds()).containsExactly("OG001");
        assertThat(results.adverseEvents().groups().get(0).seriousAffected()).isEqualTo(5);
        assertThat(results.adverseEvents().serious().get(0).organSystem()).isEqualTo("Ear and labyrinth disorders");
    }

    @Test
    void everyResultsSectionWrittenBackReadsAsTheSameModel() throws Exception {
        int withResults = 0;
        for (Path file : Fixtures.allRecords("results sections", "api-v2")) {
            List<ImportedRecord> records = new RegistryImporter().read(Files.readAllBytes(file));
            for (ImportedRecord r : records) {
                if (r.results().isEmpty()) {
                    continue;
                }
                withResults++;
                RegistryResults read = r.results().get();
                RegistryResults again = ResultsJson.read(JSON.readTree(ResultsJson.write(read).toString()));
                assertThat(again).as(file.toString()).isEqualTo(read);
            }
        }
        assertThat(withResults).isPositive();
    }
}
