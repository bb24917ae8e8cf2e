package org.stroma.protocol.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.v2.ResultsJson;
import org.stroma.protocol.results.RegistryResults;

/**
 * One study read from a registry file: the protocol, what to review, the format it came in, and — for API v2 records —
 * the JSON of the fields the model does not hold, by JSON pointer, so that an export can give them back.
 */
public record ImportedRecord(Protocol protocol, ImportReport report, RecordFormat format,
        Map<String, String> unmodelledJson) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ImportedRecord {
        unmodelledJson = Collections.unmodifiableMap(new LinkedHashMap<>(unmodelledJson));
    }

    /** The record's results section (API v2 records that have one), read; empty otherwise. */
    public Optional<RegistryResults> results() {
        String results = unmodelledJson.get("/resultsSection");
        if (results == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ResultsJson.read(JSON.readTree(results)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the results section kept from the record no longer reads", e);
        }
    }
}
