package org.stroma.protocol.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.stroma.protocol.PartialDate;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.RecordFormatException;

/**
 * Stroma's own protocol JSON: the protocol model as it is, field by field, with its provenance. It is what
 * {@code stroma import --format protocol} prints, and it reads back into the same protocol.
 */
public final class ProtocolJson {
    /**
     * The model's records are written as their components only (helpers such as {@code Dose.isRange()} are derived, not
     * data), and dates as the registry writes them ("2016-02-19", "2022-12"). The model itself carries no JSON
     * annotations: this mapping is the adapter's business.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("stroma-protocol")
                    .addSerializer(PartialDate.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(PartialDate date, JsonGenerator out, SerializerProvider provider)
                                throws IOException {
                            out.writeString(date.toString());
                        }
                    })
                    .addDeserializer(PartialDate.class, new JsonDeserializer<>() {
                        @Override
                        public PartialDate deserialize(JsonParser in, DeserializationContext context) throws IOException {
                            PartialDate date = PartialDate.parseIso(in.getValueAsString());
                            if (date == null) {
                                throw context.weirdStringException(in.getValueAsString(), PartialDate.class,
                                        "expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
                            }
                            return date;
                        }
                    }));

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
        ProtocolJsonShape.check(tree, location);
        try {
            Protocol protocol = MAPPER.treeToValue(tree, Protocol.class);
            ProtocolJsonShape.criteriaComplete(protocol, location);
            return protocol;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String problem = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new RecordFormatException(location, "not a valid Stroma protocol: " + problem.replaceAll("\\s+", " "));
        }
    }
}
