package org.stroma.export.sdtm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table from Stroma's form items to SDTM findings ({@value #RESOURCE}): which domain each item goes to, under which
 * test code and name, unit and category. Data, not code, so that a sponsor can change a code or add a form without a
 * release; an item the table does not map is reported in the export, not dropped unseen.
 */
final class SdtmMapping {
    static final String RESOURCE = "sdtm-mapping.json";

    private final Map<String, String> domainLabels;
    private final List<ItemMapping> items;

    private SdtmMapping(Map<String, String> domainLabels, List<ItemMapping> items) {
        this.domainLabels = Map.copyOf(domainLabels);
        this.items = List.copyOf(items);
    }

    static SdtmMapping standard() {
        try (InputStream in = SdtmMapping.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the export module");
            }
            return read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SdtmMapping read(JsonNode root) {
        Map<String, String> labels = new LinkedHashMap<>();
        root.path("domains").properties().forEach(d -> labels.put(d.getKey(), d.getValue().asText()));
        List<ItemMapping> items = new ArrayList<>();
        for (JsonNode i : root.path("items")) {
            ItemMapping m = new ItemMapping(text(i, "form"), text(i, "item"), text(i, "domain"), text(i, "testcd"),
                    text(i, "test"), text(i, "category"), text(i, "unit"), text(i, "specimen"), text(i, "method"),
                    text(i, "location"));
            if (m.form() == null || m.item() == null || m.domain() == null || m.testCode() == null
                    || m.test() == null) {
                throw new IllegalStateException(RESOURCE + ": an item mapping needs form, item, domain, testcd and"
                        + " test: " + i);
            }
            if (!labels.containsKey(m.domain())) {
                throw new IllegalStateException(RESOURCE + ": domain " + m.domain() + " has no label");
            }
            items.add(m);
        }
        return new SdtmMapping(labels, items);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) && !n.get(field).asText().isBlank() ? n.get(field).asText() : null;
    }

    Optional<ItemMapping> of(String form, String item) {
        return items.stream().filter(m -> m.matches(form, item)).findFirst();
    }

    /** The findings domains, in the table's order. */
    List<String> domains() {
        return List.copyOf(domainLabels.keySet());
    }

    String label(String domain) {
        return domainLabels.get(domain);
    }

    List<ItemMapping> items() {
        return items;
    }
}
