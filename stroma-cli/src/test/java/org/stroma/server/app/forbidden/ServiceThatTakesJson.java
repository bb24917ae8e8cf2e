package org.stroma.server.app.forbidden;

import com.fasterxml.jackson.databind.JsonNode;

/** A service that takes the wire's JSON instead of a command: forbidden, kept to show the rule catches it. */
public final class ServiceThatTakesJson {
    public static String product(JsonNode body) {
        return body.path("product").asText();
    }
}
