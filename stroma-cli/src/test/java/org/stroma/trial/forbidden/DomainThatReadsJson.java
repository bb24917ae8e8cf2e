package org.stroma.trial.forbidden;

import com.fasterxml.jackson.databind.JsonNode;

/** A domain class that reads JSON itself: what the architecture forbids, kept to show the rule catches it. */
public final class DomainThatReadsJson {
    public static String term(JsonNode event) {
        return event.path("term").asText();
    }
}
