package org.stroma.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.RecordFormatException;

/**
 * Stroma's own protocol JSON: the protocol model as it is, field by field, with its provenance. It is what
 * {@code stroma import --format protocol} prints, and it reads back into the same protocol.
 */
public final class ProtocolJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProtocolJson() {
    }

    public static JsonNode toTree(Protocol protocol) {
        return MAPPER.valueToTree(protocol);
    }

    public static String write(Protocol protocol) {
        try {
            return MAPPER.writeValueAsString(protocol);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a protocol could not be written as JSON", e);
        }
    }

    public static Protocol fromTree(JsonNode tree, String location) {
        try {
            return MAPPER.treeToValue(tree, Protocol.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String problem = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new RecordFormatException(location, "not a valid Stroma protocol: " + problem.replaceAll("\\s+", " "));
        }
    }
}
