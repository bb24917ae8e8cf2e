package org.stroma.protocol.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stroma.protocol.Protocol;

/**
 * One study read from a registry file: the protocol, what to review, the format it came in, and — for API v2 records —
 * the JSON of the fields the model does not hold, by JSON pointer, so that an export can give them back.
 */
public record ImportedRecord(Protocol protocol, ImportReport report, RecordFormat format,
        Map<String, String> unmodelledJson) {
    public ImportedRecord {
        unmodelledJson = Collections.unmodifiableMap(new LinkedHashMap<>(unmodelledJson));
    }
}
