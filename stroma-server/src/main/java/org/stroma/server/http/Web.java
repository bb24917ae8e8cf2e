package org.stroma.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stroma.server.app.RequestException;
import org.stroma.server.auth.Principal;

/** What every handler needs from a request: the person signed in, and the request's fields read with clear errors. */
final class Web {
    static final String PRINCIPAL = "principal";
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private Web() {
    }

    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw RequestException.unauthenticated();
        }
        return p;
    }

    static JsonNode body(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw RequestException.badRequest("body", "the request has no body; send JSON");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RequestException.badRequest("body", "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    static String text(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                throw RequestException.badRequest(field, "'" + field + "' is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw RequestException.badRequest(field, "'" + field + "' is text, not " + v.getNodeType()
                    .name().toLowerCase());
        }
        return v.asText();
    }

    static boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isBoolean()) {
            throw RequestException.badRequest(field, "'" + field + "' is true or false");
        }
        return v.asBoolean();
    }

    static Double number(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw RequestException.badRequest(field, "'" + field + "' is a number, not " + v);
        }
        return v.asDouble();
    }

    static Double number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw RequestException.badRequest(field, "'" + text + "' is not a number");
        }
    }

    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw RequestException.badRequest(field, "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** {"I1": true, "E27": false} from a JSON object of yes/no answers. */
    static Map<String, Boolean> answers(JsonNode node, String field) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return answers;
        }
        if (!node.isObject()) {
            throw RequestException.badRequest(field, "'" + field + "' maps criterion ids to true or false");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isBoolean()) {
                throw RequestException.badRequest(field + "." + e.getKey(), "an answer is true or false");
            }
            answers.put(e.getKey(), e.getValue().asBoolean());
        });
        return answers;
    }

    /** An object of names to text values: a stratification's levels, a form's values. */
    static Map<String, String> textMap(JsonNode node, String field) {
        Map<String, String> levels = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return levels;
        }
        if (!node.isObject()) {
            throw RequestException.badRequest(field, "'" + field + "' is an object of names to values");
        }
        node.fields().forEachRemaining(e -> levels.put(e.getKey(), e.getValue().asText()));
        return levels;
    }

    static int version(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw RequestException.badRequest("version", "'" + ctx.pathParam("version") + "' is not a version number");
        }
    }
}
