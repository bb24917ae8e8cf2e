package org.stroma.server.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.stroma.protocol.Route;

/**
 * A product step's form fields, made from the step's template: a number field for each number, a text field (or a
 * choice, for a test finding or a route) for each text, a group for each object, and a JSON box for a list (the
 * temperature readings). Each field's name says its place and kind ({@code n.given.volumeMl}, {@code s.number.flags},
 * {@code j.temperatures.readings}), so that the step's form is read back with the values where the template had them, a
 * number as a number and "00" as text.
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
    public static String render(String product, String type, String template) {
        JsonNode node;
        try {
            node = JSON.readTree(template);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a step template that is not JSON: " + template, e);
        }
        StringBuilder s = new StringBuilder("<div id=\"details-" + Html.esc(product) + "\" class=\"step-fields\""
                + " data-step=\"" + Html.esc(type) + "\">");
        fields(node, "", s);
        if (!type.equals("Administered")) {
            s.append("<label for=\"at-").append(Html.esc(product)).append("\">When (blank: now)</label><input"
                    + " type=\"text\" id=\"at-").append(Html.esc(product)).append("\" name=\"s.at\""
                    + " placeholder=\"2026-06-23T09:00:00Z\">");
        }
        return s.append("</div>").toString();
    }

    private static void fields(JsonNode node, String path, StringBuilder s) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                s.append("<fieldset><legend>").append(Html.esc(e.getKey())).append("</legend>");
                fields(v, name, s);
                s.append("</fieldset>");
            } else if (v.isArray()) {
                s.append(label(name, e.getKey() + " (JSON list)")).append("<textarea id=\"f-").append(Html.esc(name))
                        .append("\" name=\"j.").append(Html.esc(name)).append("\">").append(Html.esc(v.toString()))
                        .append("</textarea>");
            } else if (CHOICES.containsKey(e.getKey())) {
                s.append(label(name, e.getKey())).append("<select id=\"f-").append(Html.esc(name)).append("\" name=\"s.")
                        .append(Html.esc(name)).append("\">");
                CHOICES.get(e.getKey()).forEach(c -> s.append("<option value=\"").append(c).append("\"").append(
                        c.equals(v.asText()) ? " selected" : "").append(">").append(c.isEmpty() ? "as the protocol"
                        + " says" : c).append("</option>"));
                s.append("</select>");
            } else {
                String kind = v.isNumber() ? "n" : "s";
                String value = v.isNumber() && v.asDouble() == 0 ? "" : v.asText();
                s.append(label(name, e.getKey())).append("<input type=\"text\" id=\"f-").append(Html.esc(name))
                        .append("\" name=\"").append(kind).append('.').append(Html.esc(name)).append("\"")
                        .append(v.isNumber() ? " inputmode=\"decimal\"" : "").append(" value=\"").append(Html.esc(value))
                        .append("\">");
            }
        }
    }

    private static String label(String name, String text) {
        return "<label for=\"f-" + Html.esc(name) + "\">" + Html.esc(text) + "</label>";
    }
}
