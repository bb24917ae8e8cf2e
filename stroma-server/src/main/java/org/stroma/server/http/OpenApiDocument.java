package org.stroma.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of the JSON API, made from the API's own route list so that it cannot drift from what the
 * server answers. Errors share one schema: status, message, field.
 */
final class OpenApiDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    private OpenApiDocument() {
    }

    static ObjectNode of(List<Endpoint> api) {
        ObjectNode doc = NODES.objectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Stroma API").put("version", "1")
                .put("description", "Cell-therapy trials from registry record to analysed data. Sign in with POST"
                        + " /api/session; send the returned token as X-CSRF-Token on every later POST.");
        ObjectNode error = doc.putObject("components").putObject("schemas").putObject("Error");
        error.put("type", "object");
        ObjectNode props = error.putObject("properties");
        props.putObject("status").put("type", "integer");
        props.putObject("error").put("type", "string").put("description", "what is wrong, in plain words");
        ObjectNode field = props.putObject("field");
        field.putArray("type").add("string").add("null");
        field.put("description", "the request field at fault, when one is");
        ObjectNode paths = doc.putObject("paths");
        for (Endpoint e : api) {
            ObjectNode path = paths.has(e.path()) ? (ObjectNode) paths.get(e.path()) : paths.putObject(e.path());
            ObjectNode op = path.putObject(e.method().toLowerCase(Locale.ROOT));
            op.put("summary", e.summary());
            op.put("operationId", e.method().toLowerCase(Locale.ROOT) + e.path().replaceAll("[^A-Za-z]+", "_"));
            ArrayNode parameters = op.putArray("parameters");
            Matcher m = PARAMETER.matcher(e.path());
            while (m.find()) {
                parameters.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
            if (e.body() != null) {
                op.putObject("requestBody").put("description", e.body()).put("required", true).putObject("content")
                        .putObject(e.body().startsWith("JSON") ? "application/json" : "application/octet-stream");
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject(e.method().equals("POST") ? "201" : "200").put("description", "done");
            for (String status : List.of("400", "401", "403", "404", "409")) {
                responses.putObject(status).put("description", "refused, with the reason").putObject("content")
                        .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
            }
        }
        return doc;
    }
}
