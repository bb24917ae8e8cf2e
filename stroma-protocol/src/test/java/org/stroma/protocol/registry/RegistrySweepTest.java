package org.stroma.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stroma.protocol.Fixtures;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.json.ProtocolJson;
import org.stroma.protocol.registry.v2.ApiV2Writer;

/**
 * Every real registry record — all of {@code ../shared/ctgov} when it is beside the checkout, the copied fixtures
 * otherwise — imports without error; API v2 records round-trip; the protocol JSON reads back into the same protocol.
 */
class RegistrySweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * API v2 protocol fields the model does not hold; an imported record keeps them aside for export. Anything else
     * the model must carry itself.
     */
    private static final Set<String> NOT_MODELLED = Set.of(
            "identificationModule.orgStudyIdInfo.type", "identificationModule.orgStudyIdInfo.link",
            "statusModule.expandedAccessInfo", "statusModule.studyFirstSubmitQcDate",
            "statusModule.resultsFirstSubmitDate",
            "statusModule.resultsFirstSubmitQcDate", "statusModule.resultsFirstPostDateStruct",
            "statusModule.dispFirstSubmitDate", "statusModule.dispFirstSubmitQcDate",
            "statusModule.dispFirstPostDateStruct", "sponsorCollaboratorsModule.responsibleParty.oldNameTitle",
            "sponsorCollaboratorsModule.responsibleParty.oldOrganization", "oversightModule",
            "designModule.designInfo.observationalModel", "designModule.designInfo.timePerspective",
            "designModule.targetDuration", "designModule.patientRegistry", "designModule.bioSpec",
            "designModule.expandedAccessTypes", "ipdSharingStatementModule", "referencesModule.availIpds");

    @TestFactory
    Stream<DynamicTest> everyRegistryRecordImportsWithoutError() {
        RegistryImporter importer = new RegistryImporter();
        return Fixtures.allRecords("registry sweep").stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> {
                    List<ImportedRecord> records = importer.read(Files.readAllBytes(file));
                    assertThat(records).hasSize(1);
                    Protocol p = records.get(0).protocol();
                    assertThat(file.getFileName().toString()).startsWith(p.identification().nctId());
                    assertThat(p.identification().briefTitle()).isNotBlank();
                    assertThat(p.status().overallStatus()).isNotNull();
                    assertThat(p.design().studyType()).isNotNull();
                    assertThat(p.eligibility().criteriaText()).isNotBlank();
                    assertThat(p.eligibility().inclusion()).isNotEmpty();
                    assertThat(p.provenance().fields()).isNotEmpty();
                }));
    }

    @TestFactory
    Stream<DynamicTest> apiV2RecordsExportToExactlyTheJsonTheyCameFrom() {
        return v2Records().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode original = JSON.readTree(Files.readAllBytes(file));
            ImportedRecord record = new RegistryImporter().read(Files.readAllBytes(file)).get(0);
            assertThat(record.format()).isEqualTo(RecordFormat.CTGOV_V2);
            JsonNode exported = ApiV2Writer.write(record.protocol(), unmodelled(record));
            assertThat(exported).isEqualTo(original);
        }));
    }

    @TestFactory
    Stream<DynamicTest> theModelItselfCarriesEveryProtocolFieldButTheDocumentedFew() {
        return v2Records().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode original = JSON.readTree(Files.readAllBytes(file)).get("protocolSection");
            ImportedRecord record = new RegistryImporter().read(Files.readAllBytes(file)).get(0);
            JsonNode fromModel = ApiV2Writer.write(record.protocol(), Map.of()).get("protocolSection");
            Set<String> lost = new TreeSet<>();
            collectDifferences(original, fromModel, "", lost);
            lost.removeIf(path -> NOT_MODELLED.stream().anyMatch(path::startsWith));
            assertThat(lost).as("protocol fields the model dropped").isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> protocolJsonReadsBackIntoTheSameProtocol() {
        List<byte[]> inputs = new ArrayList<>();
        Fixtures.SEEDS.forEach(s -> inputs.add(Fixtures.seed(s)));
        for (Path p : Fixtures.copiedRecords()) {
            try {
                inputs.add(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return inputs.stream().map(bytes -> {
            Protocol protocol = new RegistryImporter().read(bytes).get(0).protocol();
            return DynamicTest.dynamicTest(protocol.identification().nctId(), () -> {
                byte[] json = ProtocolJson.write(protocol).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ImportedRecord back = new RegistryImporter().read(json).get(0);
                assertThat(back.format()).isEqualTo(RecordFormat.STROMA_PROTOCOL);
                assertThat(back.protocol()).isEqualTo(protocol);
            });
        });
    }

    static Stream<Path> v2Records() {
        return Fixtures.allRecords("API v2 records", "api-v2").stream();
    }

    static Map<String, JsonNode> unmodelled(ImportedRecord record) throws IOException {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : record.unmodelledJson().entrySet()) {
            map.put(e.getKey(), JSON.readTree(e.getValue()));
        }
        return map;
    }

    /** Paths (dotted, without list indexes) where the model's export lacks or changes a value of the original. */
    private static void collectDifferences(JsonNode original, JsonNode exported, String path, Set<String> lost) {
        if (original.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = exported == null ? null : exported.get(e.getKey());
                collectDifferences(e.getValue(), other, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), lost);
            }
        } else if (original.isArray()) {
            for (int i = 0; i < original.size(); i++) {
                JsonNode other = exported == null || !exported.isArray() ? null : exported.get(i);
                collectDifferences(original.get(i), other, path, lost);
            }
        } else if (exported == null || !exported.equals(original)) {
            lost.add(path);
        }
    }
}
