package org.stroma.protocol.registry;

import java.util.List;
import java.util.Map;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.Provenance;
import org.stroma.protocol.text.FreeTextInterpreter;

/**
 * One registry record being imported. A format's reader says only where each field stands in its format and sets it
 * on {@link #protocol}, reading typed values through {@link #values}; what every import does after that is done here,
 * the same for every format: the free text is read ({@link FreeTextInterpreter}), the fields a trial needs but the
 * record lacks are marked ({@link FieldsToReview}), and the report for review is made.
 */
public abstract class RecordReader {
    private final RecordFormat format;
    protected final ProtocolBuilder protocol;
    protected final RecordValues values;

    protected RecordReader(RecordFormat format, ValueSpelling spelling) {
        this.format = format;
        this.protocol = new ProtocolBuilder(format.description());
        this.values = new RecordValues(spelling, protocol);
    }

    /** Reads the record's fields into {@link #protocol}. */
    protected abstract void readFields();

    /** The parts of the record the model does not hold, as the report lists them ("/clinical_study/results"). */
    protected List<String> unmodelled() {
        return List.of();
    }

    /** The JSON of the parts the model does not hold, by JSON pointer, for a format whose export gives them back. */
    protected Map<String, String> unmodelledJson() {
        return Map.of();
    }

    public final ImportedRecord importRecord() {
        readFields();
        Protocol raw = protocol.build();
        List<String> unmodelled = unmodelled();
        Map<String, String> unmodelledJson = unmodelledJson();
        RecordLimits.checkCriteriaLines(raw);
        Protocol interpreted = FreeTextInterpreter.interpret(raw);
        RecordLimits.checkCriteria(interpreted);
        Provenance.Builder provenance = new Provenance.Builder(interpreted.provenance());
        FieldsToReview.markMissing(interpreted, provenance);
        Protocol imported = interpreted.withProvenance(provenance.build());
        return new ImportedRecord(imported, ImportReport.of(imported.provenance(), values.warnings(), unmodelled),
                format, unmodelledJson);
    }
}
