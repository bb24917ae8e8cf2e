package org.stroma.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.stroma.server.app.RequestException;

/**
 * The step form's fields read back as the step's JSON, the same the API takes: each field's name says its place and
 * kind ({@code n.given.volumeMl} a number, {@code s.number.flags} text, {@code j.temperatures.readings} JSON), so "00"
 * stays text and a number a number. Fields of another kind (the CSRF token, the step's type) are not the step's.
 */
final class StepForm {
    private StepForm() {
    }

    /** The step as JSON from the form's fields; an empty field is left out. A number that is not one is refused. */
    static ObjectNode read(Map<String, List<String>> form) {
        ObjectNode root = Web.JSON.createObjectNode();
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
                if (parent.has(path[i]) && !parent.get(path[i]).isObject()) {
                    throw RequestException.badRequest("details", key.substring(2) + ": " + path[i] + " is given"
                            + " twice, as a value and as a group of fields");
                }
                parent = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
            }
            String leaf = path[path.length - 1];
            if (parent.has(leaf)) {
                // "given" and "given.volumeMl" at once: one field cannot be both a value and a group of fields
                throw RequestException.badRequest("details", key.substring(2) + ": " + leaf + " is given twice, as a"
                        + " value and as a group of fields");
            }
            switch (key.charAt(0)) {
                case 'n' -> {
                    try {
                        parent.put(leaf, Double.parseDouble(value.replace(',', '.')));
                    } catch (NumberFormatException notANumber) {
                        throw RequestException.badRequest("details", key.substring(2) + ": '" + value + "' is not a number");
                    }
                }
                case 'j' -> {
                    try {
                        parent.set(leaf, Web.JSON.readTree(value));
                    } catch (java.io.IOException notJson) {
                        throw RequestException.badRequest("details", key.substring(2) + ": not JSON ("
                                + notJson.getMessage() + ")");
                    }
                }
                default -> parent.put(leaf, value);
            }
        }
        return root;
    }
}
