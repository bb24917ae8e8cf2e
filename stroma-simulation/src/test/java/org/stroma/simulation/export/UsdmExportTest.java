package org.stroma.simulation.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroma.export.ExportFormat;
import org.stroma.export.usdm.UsdmExport;
import org.stroma.protocol.registry.RegistryImporter;

/**
 * The USDM export of every reference trial is valid against the USDM v4 API's JSON Schema (its Wrapper), and holds
 * the protocol: the arms (a crossover's sequences), a timeline instance and timing per visit, every eligibility
 * criterion with its computable rule, the registered outcomes as endpoints; every id is unique and every reference
 * points at an entity of the study.
 */
class UsdmExportTest {
    private static final Path SCHEMA = Path.of("..", "fixtures", "schemas", "usdm-4.0",
            "usdm-4.0-wrapper-schemas.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTrialsStudyDefinitionIsValidAndWhole() throws Exception {
        JsonNode api = JSON.readTree(SCHEMA.toFile());
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/Wrapper-Input");
        root.set("components", api.get("components"));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            JsonNode usdm = JSON.readTree(t.blinded().get(ExportFormat.USDM).file(UsdmExport.FILE).content());
            Set<ValidationMessage> errors = schema.validate(usdm);
            assertThat(errors).as(t.seed()).isEmpty();
            JsonNode design = usdm.at("/study/versions/0/studyDesigns/0");
            assertThat(usdm.at("/study/versions/0/studyIdentifiers/0/text").asText()).isEqualTo(t.study());
            // randomization, then a scheduled instance and a timing per visit; one fixed reference, every chain of
            // timings ending at it
            JsonNode timeline = design.at("/scheduleTimelines/0");
            assertThat(timeline.get("instances").size()).isEqualTo(design.get("encounters").size() + 1)
                    .isEqualTo(timeline.get("timings").size());
            java.util.Map<String, String> to = new java.util.HashMap<>();
            int fixed = 0;
            for (JsonNode timing : timeline.get("timings")) {
                if (timing.at("/type/code").asText().equals("C201358")) {
                    fixed++;
                    assertThat(timing.get("relativeFromScheduledInstanceId").asText()).isEqualTo(timeline.get(
                            "entryId").asText());
                } else {
                    to.put(timing.get("relativeFromScheduledInstanceId").asText(), timing.get(
                            "relativeToScheduledInstanceId").asText());
                }
            }
            assertThat(fixed).as(t.seed() + " fixed references").isEqualTo(1);
            for (String start : to.keySet()) {
                String at = start;
                for (int step = 0; step <= to.size() && to.containsKey(at); step++) {
                    at = to.get(at);
                }
                assertThat(at).as(t.seed() + " where " + start + "'s timings lead").isEqualTo(timeline.get("entryId")
                        .asText());
            }
            assertThat(design.get("eligibilityCriteria").size()).isEqualTo(usdm.at(
                    "/study/versions/0/eligibilityCriterionItems").size()).isPositive();
            for (JsonNode c : design.get("eligibilityCriteria")) {
                assertThat(c.at("/extensionAttributes/0/url").asText()).isEqualTo("https://stroma.org/usdm/computable-rule");
                assertThat(c.at("/extensionAttributes/0/valueString").asText()).isNotBlank();
            }
            // every registered outcome is an endpoint (ACESO-IHD registers none, and has no objective)
            int endpoints = 0;
            for (JsonNode o : design.get("objectives")) {
                endpoints += o.get("endpoints").size();
            }
            assertThat(endpoints).as(t.seed() + " endpoints").isEqualTo(new RegistryImporter().read(t.unblinded()
                    .get(ExportFormat.CTGOV_V2).file(t.study() + ".json").content()).get(0).protocol().outcomes()
                    .size());
            if (t.seed().startsWith("001") || t.seed().startsWith("004")) {
                assertThat(design.at("/model/code").asText()).isEqualTo("C82637");
                assertThat(design.at("/arms/0/label").asText()).contains(" then ");
            }
            // ids unique; every id a reference names exists
            Set<String> ids = new HashSet<>();
            Set<String> references = new HashSet<>();
            collect(usdm, ids, references, List.of());
            assertThat(ids).as(t.seed() + " ids").doesNotContainNull();
            assertThat(ids).containsAll(references);
            // the blinded and the unblinded definitions are the protocol's: the same
            assertThat(t.unblinded().get(ExportFormat.USDM).file(UsdmExport.FILE).text()).isEqualTo(t.blinded()
                    .get(ExportFormat.USDM).file(UsdmExport.FILE).text());
        }
    }

    private static void collect(JsonNode node, Set<String> ids, Set<String> references, List<String> path) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("id") && f.getValue().isTextual()) {
                    assertThat(ids.add(f.getValue().asText())).as("id " + f.getValue() + " twice").isTrue();
                } else if (f.getKey().endsWith("Id") && f.getValue().isTextual()) {
                    references.add(f.getValue().asText());
                } else if (f.getKey().endsWith("Ids") && f.getValue().isArray()) {
                    f.getValue().forEach(v -> references.add(v.asText()));
                }
                collect(f.getValue(), ids, references, path);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, ids, references, path));
        }
    }
}
