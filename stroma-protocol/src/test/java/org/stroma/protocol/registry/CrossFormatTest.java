package org.stroma.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stroma.protocol.Arm;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.Official;
import org.stroma.protocol.Organization;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.Protocol;

/**
 * Where the same study field exists in two formats, both give the same value. Every API v2 record is rendered as the
 * classic API and the legacy XML would have carried it (by the registry's documented mapping, in test code of its own),
 * and the three imports are compared field by field — the interpreted fields (criteria, time frames, cell products)
 * included.
 */
class CrossFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> classicApiAndApiV2GiveTheSameValues() {
        return RegistrySweepTest.v2Records().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode v2 = JSON.readTree(Files.readAllBytes(file));
            Protocol fromV2 = importOne(JSON.writeValueAsBytes(v2), RecordFormat.CTGOV_V2);
            Protocol fromClassic = importOne(JSON.writeValueAsBytes(ClassicRendering.of(v2)), RecordFormat.CTGOV_CLASSIC);
            assertThat(differences(shared(fromClassic, true), shared(fromV2, true))).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> legacyXmlAndApiV2GiveTheSameValues() {
        return RegistrySweepTest.v2Records().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode v2 = JSON.readTree(Files.readAllBytes(file));
            Protocol fromV2 = importOne(JSON.writeValueAsBytes(v2), RecordFormat.CTGOV_V2);
            byte[] xml = LegacyXmlRendering.of(v2).getBytes(StandardCharsets.UTF_8);
            Protocol fromXml = importOne(xml, RecordFormat.CTGOV_LEGACY_XML);
            assertThat(differences(shared(fromXml, false), shared(fromV2, false))).isEmpty();
        }));
    }

    /** The fields whose values differ, each with both values cut short, for a readable failure. */
    private static List<String> differences(Map<String, Object> other, Map<String, Object> v2) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(v2.keySet());
        keys.addAll(other.keySet());
        return keys.stream().filter(k -> !java.util.Objects.equals(other.get(k), v2.get(k)))
                .map(k -> k + ": v2 " + shorten(v2.get(k)) + " | other " + shorten(other.get(k))).toList();
    }

    private static String shorten(Object value) {
        String s = String.valueOf(value);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static Protocol importOne(byte[] content, RecordFormat expected) {
        List<ImportedRecord> records = new RegistryImporter().read(content);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).format()).isEqualTo(expected);
        return records.get(0).protocol();
    }

    /** The fields both formats carry, by name. The legacy XML has no age groups and no arm-to-intervention lists. */
    private static Map<String, Object> shared(Protocol p, boolean classic) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("nctId", p.identification().nctId());
        f.put("orgStudyId", p.identification().orgStudyId());
        f.put("briefTitle", p.identification().briefTitle());
        f.put("officialTitle", p.identification().officialTitle());
        f.put("acronym", p.identification().acronym());
        f.put("overallStatus", p.status().overallStatus());
        f.put("start", p.status().start());
        f.put("primaryCompletion", p.status().primaryCompletion());
        f.put("completion", p.status().completion());
        f.put("leadSponsor", p.sponsorship().leadSponsor());
        f.put("collaborators", p.sponsorship().collaborators().stream().map(Organization::name).toList());
        f.put("briefSummary", text(p.briefSummary()));
        f.put("detailedDescription", text(p.detailedDescription()));
        f.put("conditions", p.conditions());
        f.put("keywords", p.keywords());
        f.put("design", p.design());
        for (Arm a : p.arms()) {
            f.put("arm " + a.label(), List.of(String.valueOf(a.type()), String.valueOf(a.description()),
                    String.valueOf(a.placebo()), classic ? a.interventionNames().toString() : ""));
        }
        for (Intervention i : p.interventions()) {
            f.put("intervention " + i.reference(), i);
        }
        for (int i = 0; i < p.outcomes().size(); i++) {
            Outcome o = p.outcomes().get(i);
            f.put("outcome " + i, o);
        }
        Eligibility e = p.eligibility();
        f.put("criteriaText", text(e.criteriaText()));
        f.put("inclusion", e.inclusion());
        f.put("exclusion", e.exclusion());
        f.put("sex", e.sex());
        f.put("minimumAge", e.minimumAge());
        f.put("maximumAge", e.maximumAge());
        f.put("healthyVolunteers", e.healthyVolunteers());
        if (classic) {
            f.put("standardAges", e.standardAges());
        }
        f.put("officials", p.overallOfficials().stream().map(Official::toString).toList());
        f.put("locations", p.locations().stream().map(l -> List.of(String.valueOf(l.facility()),
                String.valueOf(l.status()), String.valueOf(l.city()), String.valueOf(l.state()), String.valueOf(l.zip()),
                String.valueOf(l.country()))).toList());
        return f;
    }

    /** Text compared line by line without trailing space, which the XML download does not keep. */
    private static String text(String s) {
        return s == null ? null : String.join("\n", s.strip().lines().map(String::stripTrailing).toList());
    }

}
