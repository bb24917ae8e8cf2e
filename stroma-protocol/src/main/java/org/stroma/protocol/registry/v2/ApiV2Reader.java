package org.stroma.protocol.registry.v2;

import org.stroma.protocol.registry.RecordFormat;
import org.stroma.protocol.registry.StudyModulesReader;
import org.stroma.protocol.registry.TrackedJson;
import org.stroma.protocol.registry.TrackedJson.Cursor;
import org.stroma.protocol.registry.ValueSpelling;

/**
 * Reads one study in ClinicalTrials.gov API v2 JSON ({@code protocolSection}, {@code derivedSection}, …) into the
 * protocol model. Values the model does not hold stay unread in the {@link TrackedJson}, for the exporter to give back.
 */
public final class ApiV2Reader extends StudyModulesReader {
    public ApiV2Reader(TrackedJson json) {
        super(RecordFormat.CTGOV_V2, ValueSpelling.API_V2_CODES, json, true);
    }

    /** The study modules are written with API v2's own names. */
    @Override
    protected Cursor field(Cursor parent, String name) {
        return parent.get(name);
    }

    /** Counts are JSON numbers. */
    @Override
    protected Integer count(Cursor c, String field) {
        Integer value = c.integer();
        protocol.read(field, c.path(), value);
        return value;
    }

    /** Yes and no are JSON booleans. */
    @Override
    protected Boolean yesNo(Cursor c, String field) {
        Boolean value = c.bool();
        protocol.read(field, c.path(), value);
        return value;
    }
}
