package org.stroma.server.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.stroma.protocol.Route;

/**
 * A product step's form fields, made from the step's template: a number field for each number, a text field (or a
 * choice, for a test finding or a route) for each text, a group for each object, and a JSON box for a list (the
 * temperature readings). Each field's name says its place and kind ({@code n.given.volumeMl}, {@code s.number.flags},
 * {@code j.temperatures.readings}), so that {@link #read} puts the values back where the template had them, a number
 * as a number and "00" as text.
 */
public final class StepFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> CHOICES = Map.of(
            "sterility", List.of("NEGATIVE", "POSITIVE", "PENDING"),
            "mycoplasma", List.of("NEGATIVE", "POSITIVE", "PENDING"),
            // blank first: the protocol's own route, which the bedside need not choose
            "route", java.util.stream.Stream.concat(java.util.stream.Stream.of(""), java.util.Arrays.stream(
                    Route.values()).map(Route::name)).toList());

    private StepFields() {
    }

    /** The fields of one step, in a group the step form swaps when another step is chosen. */
    public record Fieldset(String product, String type, List<StepField> fields) {

        /** Whether the step asks when it was done; an administration states its own start and stop instead. */
        public boolean asksWhen() {
            return !type.equals("Administered");
        }
    }

    /** The fields of one step, as HTML: what the step form swaps in when another step is chosen. */
    public static String render(String product, String type, String template) {
        return Templates.render("part/stepFields.jte", of(product, type, template));
    }

    /** The fields of one step, made from its template's JSON. */
    public static Fieldset of(String product, String type, String template) {
        JsonNode node;
        try {
            node = JSON.readTree(template);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a step template that is not JSON: " + template, e);
        }
        return new Fieldset(product, type, fields(node, ""));
    }

    private static List<StepField> fields(JsonNode node, String path) {
        List<StepField> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                fields.add(new StepField.Group(e.getKey(), fields(v, name)));
            } else if (v.isArray()) {
                fields.add(new StepField.JsonList(name, e.getKey() + " (JSON list)", v.toString()));
            } else if (CHOICES.containsKey(e.getKey())) {
                fields.add(new StepField.Choice(name, e.getKey(), CHOICES.get(e.getKey()), v.asText()));
            } else {
                String value = v.isNumber() && v.asDouble() == 0 ? "" : v.asText();
                fields.add(new StepField.Entry(name, e.getKey(), v.isNumber(), value));
            }
        }
        return fields;
    }

    /** The step as JSON from the form's fields; an empty field is left out. A number that is not one is refused. */
    public static ObjectNode read(Map<String, List<String>> form) {
        ObjectNode root = JSON.createObjectNode();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            String key = e.getKey();
            if (key.length() < 3 || key.charAt(1) != '.' || "nsj".indexOf(key.charAt(0)) < 0 || e.getValue().isEmpty()) {
                continue;
            }
            String value = e.getValue().get(0).strip();
            if (value.isEmpty()) {
                continue;
            }
            String[] path = key.substring(2).split("\\.");
            ObjectNode parent = root;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
            }
            String leaf = path[path.length - 1];
            switch (key.charAt(0)) {
                case 'n' -> {
                    try {
                        parent.put(leaf, Double.parseDouble(value.replace(',', '.')));
                    } catch (NumberFormatException notANumber) {
                        throw new IllegalArgumentException(key.substring(2) + ": '" + value + "' is not a number");
                    }
                }
                case 'j' -> {
                    try {
                        parent.set(leaf, JSON.readTree(value));
                    } catch (java.io.IOException notJson) {
                        throw new IllegalArgumentException(key.substring(2) + ": not JSON (" + notJson.getMessage()
                                + ")");
                    }
                }
                default -> parent.put(leaf, value);
            }
        }
        return root;
    }
}
