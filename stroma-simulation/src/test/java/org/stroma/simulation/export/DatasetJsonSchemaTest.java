package org.stroma.simulation.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.export.Export;
import org.stroma.export.ExportFormat;
import org.stroma.export.ExportedFile;

/**
 * Every SDTM dataset of every reference trial, blinded and unblinded, is valid against CDISC's Dataset-JSON v1.1
 * JSON Schema (fixtures/schemas/dataset-json-1.1, from the cdisc-org/DataExchange-DatasetJson repository).
 */
class DatasetJsonSchemaTest {
    private static final Path SCHEMA = Path.of("..", "fixtures", "schemas", "dataset-json-1.1",
            "dataset.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyDatasetIsValidDatasetJson() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(JSON.readTree(
                SCHEMA.toFile()));
        int datasets = 0;
        List<String> errors = new ArrayList<>();
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            for (Export e : List.of(t.blinded().get(ExportFormat.SDTM), t.unblinded().get(ExportFormat.SDTM))) {
                for (ExportedFile f : e.files()) {
                    if (f.name().endsWith(".json")) {
                        datasets++;
                        schema.validate(JSON.readTree(f.content())).forEach(m -> errors.add(t.seed() + " "
                                + f.name() + ": " + m.getMessage()));
                    }
                }
            }
        }
        assertThat(datasets).as("datasets validated").isGreaterThan(50);
        assertThat(errors).isEmpty();
    }
}
