package org.stroma.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.stroma.server.app.RequestException;
import org.stroma.server.app.Texts;
import org.stroma.server.auth.Principal;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.product.DonationNumber;

/** What every handler needs from a request: the person signed in, and the request's fields read with clear errors. */
final class Web {
    static final String PRINCIPAL = "principal";
    /**
     * A donation number is written as it is printed on the label and scanned at the bedside ("S0001 26 000001 00 M"),
     * one string, as the bedside step takes it back.
     */
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(DonationNumber.class, ToStringSerializer.instance))
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

    /**
     * A sign-in must come from Stroma's own page or a program, never from another site's page (which would sign the
     * browser in as someone else). Browsers send another site's form-like posts (text/plain, form encoded) without
     * asking, so only JSON is taken, which a foreign page cannot send without the browser asking first; and a request
     * the browser marks as coming from another origin is refused outright.
     */
    static void requireSameOriginJson(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw RequestException.unsupportedMediaType("send the sign-in as JSON (Content-Type: application/json)");
        }
        String origin = ctx.header("Origin");
        String site = ctx.header("Sec-Fetch-Site");
        if (origin != null && !origin.equals(ctx.scheme() + "://" + ctx.host())
                || site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw RequestException.forbidden("a sign-in sent from another site's page is refused");
        }
    }

    static JsonNode body(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw RequestException.badRequest("body", "the request has no body; send JSON");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RequestException.badRequest("body", "the body is not JSON: " + Texts.shown(e.getOriginalMessage()));
        }
        checkTexts(tree, "");
        return tree;
    }

    /** The longest text any field holds: a reason or a term is far shorter; a file comes as a file. */
    static final int MAX_TEXT = 10_000;

    /** Every text of a JSON body keeps the rules of {@link Texts}, each named by its path when it does not. */
    private static void checkTexts(JsonNode node, String path) {
        if (node.isTextual()) {
            Texts.check(path.isEmpty() ? "body" : path, node.asText(), MAX_TEXT);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                Texts.check(path.isEmpty() ? "body" : path, e.getKey(), 200);
                checkTexts(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkTexts(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** Every value of the query string keeps the rules of {@link Texts}, named by its parameter when it does not. */
    static void checkQuery(Context ctx) {
        ctx.queryParamMap().forEach((name, values) -> {
            Texts.check("a query parameter's name", name, 200);
            values.forEach(v -> Texts.check(name, v, 2000));
        });
    }

    /** Every value in a route's path (a study, a subject, a form…) keeps the rules of {@link Texts}, named by it. */
    static void checkPath(Context ctx) {
        ctx.pathParamMap().forEach((name, value) -> Texts.check(name, value, 200));
    }

    /** The longest document a page's form may hold: the analysis plan as JSON, each of its texts within MAX_TEXT. */
    static final int MAX_DOCUMENT = 500_000;

    /** Every field of a page's form keeps the rules of {@link Texts}, named when it does not. */
    static void checkForm(Context ctx) {
        ctx.formParamMap().forEach((name, values) -> {
            Texts.check("a field's name", name, 200);
            values.forEach(v -> Texts.check(name, v, name.equals(DOCUMENT_FIELD) ? MAX_DOCUMENT : MAX_TEXT));
        });
    }

    /** The one field of a page's form that holds a JSON document: the analysis plan's editor. */
    static final String DOCUMENT_FIELD = "plan";

    /** A form field holding JSON, read with the same checks as a JSON body; what does not read is named. */
    static JsonNode document(String field, String text) {
        if (text == null || text.isBlank()) {
            throw RequestException.badRequest(field, "the " + field + " is empty; send it as JSON");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw RequestException.badRequest(field, "the " + field + " is not JSON: " + Texts.shown(
                    e.getOriginalMessage()));
        }
        checkTexts(tree, field);
        return tree;
    }

    /** An analysis plan sent as JSON, in the shape the plan is read in; what does not fit is named by its path. */
    static AnalysisPlan plan(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isObject()) {
            throw RequestException.badRequest(field, "send the analysis plan as a JSON object, as it is read");
        }
        try {
            return JSON.treeToValue(v, AnalysisPlan.class);
        } catch (JsonProcessingException e) {
            StringBuilder path = new StringBuilder(field);
            if (e instanceof JsonMappingException m) {
                m.getPath().forEach(r -> path.append(r.getFieldName() != null ? "." + r.getFieldName() : "["
                        + r.getIndex() + "]"));
            }
            throw RequestException.badRequest(path.toString(), "the analysis plan does not read at " + path + ": "
                    + Texts.shown(e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw RequestException.badRequest(field, "the analysis plan does not read: " + Texts.shown(e.getMessage()));
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
                    .name().toLowerCase(Locale.ROOT));
        }
        return Texts.check(field, v.asText(), 2000);
    }

    static boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isBoolean()) {
            throw RequestException.badRequest(field, "'" + field + "' is true or false");
        }
        return v.asBoolean();
    }

    /** A whole number of the body, or null when absent. */
    static Integer integer(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw RequestException.badRequest(field, "'" + field + "' is a whole number, not " + v);
        }
        return v.asInt();
    }

    /**
     * A yes-or-no query parameter: true or false in any case, absent for false; anything else is refused rather than
     * read as false, so that a mistyped "?blinded=yes" never gives the unblinded answer.
     */
    static boolean yesNo(String field, String text) {
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw RequestException.badRequest(field, "'" + Texts.shown(text) + "' is not true or false");
    }

    /** A whole number typed in a form field, or null when blank. */
    static Integer integer(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw RequestException.badRequest(field, "'" + text + "' is not a whole number");
        }
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
            throw RequestException.badRequest(field, "'" + field + "': '" + Texts.shown(text) + "' is not a date"
                    + " (YYYY-MM-DD)");
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
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (!(v.isTextual() || v.isNull())) {
                // what was typed, as typed: "95", "7.0" — a number's own spelling would be Java's, not the person's
                throw RequestException.badRequest(field + "." + e.getKey(), "'" + e.getKey() + "' is text, as typed"
                        + " (\"95\"), not " + v.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            levels.put(e.getKey(), v.isNull() ? "" : Texts.check(field + "." + e.getKey(), v.asText(), 2000));
        });
        return levels;
    }

    /** A list of texts ("items": ["weight"]); absent or null is none. */
    static List<String> texts(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray() || v.size() > 1000) {
            throw RequestException.badRequest(field, "'" + field + "' is a list of texts");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode t : v) {
            if (!t.isTextual() || t.asText().isBlank()) {
                throw RequestException.badRequest(field, "'" + field + "' is a list of texts, not " + Texts.shown(
                        t.toString()));
            }
            texts.add(Texts.check(field, t.asText(), 100));
        }
        return texts;
    }

    /** An object of ids to the versions they were read at: {"Q1": 2}. */
    static Map<String, Integer> versions(JsonNode node, String field) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw RequestException.badRequest(field, "'" + field + "' is an object of ids to the versions read"
                    + " ({\"Q1\": 2})");
        }
        Map<String, Integer> versions = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            String name = field + "." + Texts.check(field, e.getKey(), 40);
            JsonNode v = e.getValue();
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw RequestException.badRequest(name, "'" + name + "' is the version read, a whole number, not "
                        + Texts.shown(v.toString()));
            }
            versions.put(e.getKey(), v.asInt());
        });
        return versions;
    }

    static int version(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw RequestException.badRequest("version", "'" + ctx.pathParam("version") + "' is not a version number");
        }
    }
}
