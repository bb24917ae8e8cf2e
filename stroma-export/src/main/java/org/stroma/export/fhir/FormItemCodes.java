package org.stroma.export.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;

/**
 * The codes the FHIR export gives the items of the case report forms, read from {@value #FILE}: each form's
 * observation category, the standard code of an item where one is known to mean exactly that item, and the UCUM code
 * of each unit the forms write. Kept as data, so that a sponsor's terminologist can add or correct a code without
 * touching the exporter; an item with no standard code keeps only its Stroma code.
 */
final class FormItemCodes {
    static final String FILE = "form-item-codes.json";

    private static FormItemCodes shipped;

    private final Map<String, String> categories = new HashMap<>();
    private final Map<String, Coding> standard = new HashMap<>();
    private final Map<String, String> units = new HashMap<>();

    private FormItemCodes(JsonNode root) {
        root.path("units").fields().forEachRemaining(u -> units.put(u.getKey(), u.getValue().asText()));
        root.path("forms").fields().forEachRemaining(form -> {
            JsonNode f = form.getValue();
            if (f.hasNonNull("category")) {
                categories.put(form.getKey(), f.get("category").asText());
            }
            f.path("codes").fields().forEachRemaining(item -> {
                JsonNode c = item.getValue();
                standard.put(key(form.getKey(), item.getKey()), new Coding(c.path("system").asText(Systems.LOINC),
                        c.path("code").asText(), c.hasNonNull("display") ? c.get("display").asText() : null));
            });
        });
    }

    /** The codes shipped with Stroma. */
    static synchronized FormItemCodes shipped() {
        if (shipped == null) {
            try (InputStream in = FormItemCodes.class.getResourceAsStream(FILE)) {
                if (in == null) {
                    throw new IllegalStateException(FILE + " is missing from the class path");
                }
                shipped = new FormItemCodes(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + FILE, e);
            }
        }
        return shipped;
    }

    /** The Stroma code of an item: its form and its id, "vitals.weight". */
    static String key(String form, String item) {
        return form + "." + item;
    }

    /** The observation-category code of a form's items, or null. */
    String category(String form) {
        return categories.get(form);
    }

    /** The standard code of an item, a fresh copy to put in a resource, or null when none is known for sure. */
    Coding standardCode(String form, String item) {
        Coding c = standard.get(key(form, item));
        return c == null ? null : c.copy();
    }

    /** The UCUM code of a unit as the forms write it, or null when it has none listed. */
    String ucum(String unit) {
        return unit == null ? null : units.get(unit);
    }
}
