package org.stroma.protocol.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.protocol.Age;
import org.stroma.protocol.Coded;
import org.stroma.protocol.PartialDate;
import org.stroma.protocol.registry.TrackedJson.Cursor;

/**
 * What the JSON readers share: each value is read through a cursor of the {@link TrackedJson}, which remembers it
 * as read, and is recorded as read from its JSON path. What was never read is the record's unmodelled part: kept for
 * the export where the format has one that gives it back (API v2), listed as not imported otherwise.
 */
public abstract class JsonRecordReader extends RecordReader {
    protected final TrackedJson json;
    private final boolean keptForExport;

    /**
     * @param keptForExport whether an export gives back what was not read; then a value read but not held by the
     *                      model ("N/A" for an age, a date that is not one) is left unread, so that it is given back
     */
    protected JsonRecordReader(RecordFormat format, ValueSpelling spelling, TrackedJson json, boolean keptForExport) {
        super(format, spelling);
        this.json = json;
        this.keptForExport = keptForExport;
    }

    protected String text(Cursor c, String field) {
        String value = c.text();
        protocol.read(field, c.path(), value);
        return value;
    }

    protected List<String> texts(Cursor c, String field) {
        List<String> values = c.texts();
        protocol.read(field, c.path(), values);
        return values;
    }

    /** A vocabulary value; an unknown code stays unread, so that it is reported (and kept, where the export keeps). */
    protected <E extends Enum<E> & Coded> E code(Cursor c, Class<E> type, String field) {
        E value = values.code(type, c.codeText(type), c.path(), field);
        if (value != null) {
            c.markRead();
        }
        return value;
    }

    protected <E extends Enum<E> & Coded> E code(Cursor c, Class<E> type) {
        return code(c, type, null);
    }

    /** The codes of a list, skipping (and warning about) the ones the vocabulary lacks. */
    protected <E extends Enum<E> & Coded> List<E> codes(Cursor list, Class<E> type, String field) {
        List<E> codes = new ArrayList<>();
        for (Cursor element : list.elements()) {
            E value = code(element, type);
            if (value != null) {
                codes.add(value);
            }
        }
        protocol.read(field, list.path(), codes);
        return codes;
    }

    protected PartialDate date(Cursor c, String field) {
        return keptIfUnused(c, values.date(c.text(), c.path(), field));
    }

    protected Age age(Cursor c, String field) {
        return keptIfUnused(c, values.age(c.text(), c.path(), field));
    }

    private <T> T keptIfUnused(Cursor c, T value) {
        if (value == null && keptForExport) {
            c.unmarkRead();
        }
        return value;
    }

    @Override
    protected List<String> unmodelled() {
        // grouped by their first two levels: "$.resultsSection (kept for export)"
        String fate = keptForExport ? "kept for export" : "not imported";
        Set<String> groups = new LinkedHashSet<>();
        for (String pointer : json.unread().keySet()) {
            String[] parts = pointer.split("/");
            groups.add(json.display(parts.length > 2 ? "/" + parts[1] + "/" + parts[2] : pointer));
        }
        return groups.stream().map(g -> g + " (" + fate + ")").toList();
    }

    @Override
    protected Map<String, String> unmodelledJson() {
        Map<String, String> unread = new LinkedHashMap<>();
        if (keptForExport) {
            json.unread().forEach((pointer, node) -> unread.put(pointer, node.toString()));
        }
        return unread;
    }
}
