package org.stroma.store.conduct;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.stroma.store.StoreJson;
import org.stroma.trial.product.CustodyEvent;

/**
 * Conduct events as JSON: each kind by its name, custody events (a sealed family of records) tagged with theirs.
 * The domain's records carry no JSON annotations; the tags are added here.
 */
public final class ConductEventJson {
    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
    private interface Tagged {
    }

    private static final ObjectMapper MAPPER = StoreJson.MAPPER.copy()
            .addMixIn(CustodyEvent.class, Tagged.class);

    static {
        MAPPER.registerSubtypes(CustodyEvent.class.getPermittedSubclasses());
    }

    private ConductEventJson() {
    }

    static String write(ConductEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a conduct event the store cannot write: " + event, e);
        }
    }

    /** A product step alone, tagged with its type. */
    static String write(CustodyEvent step) {
        try {
            return MAPPER.writeValueAsString(step);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a product step the store cannot write: " + step, e);
        }
    }

    static ConductEvent read(String kind, String json) {
        for (Class<?> type : ConductEvent.class.getPermittedSubclasses()) {
            if (type.getSimpleName().equals(kind)) {
                try {
                    return (ConductEvent) MAPPER.readValue(json, type);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("a stored " + kind + " event no longer reads: "
                            + e.getOriginalMessage(), e);
                }
            }
        }
        throw new IllegalStateException("a stored conduct event of an unknown kind: " + kind);
    }
}
