package org.stroma.protocol.registry;

import java.util.ArrayList;
import java.util.List;
import org.stroma.protocol.Coded;
import org.stroma.protocol.Provenance;
import org.stroma.protocol.registry.TrackedJson.Cursor;

/**
 * What the JSON readers share: each value read through a cursor is recorded as read from its JSON path, and values a
 * reader cannot use become warnings. Subclasses say how a vocabulary value is spelled in their format.
 */
public abstract class JsonRecordReader {
    protected final Provenance.Builder provenance;
    protected final List<String> warnings = new ArrayList<>();

    protected JsonRecordReader(String format) {
        this.provenance = Provenance.builder(format);
    }

    /** The vocabulary value the format's text stands for, or null. */
    protected abstract <E extends Enum<E> & Coded> E resolve(Class<E> type, String text);

    protected String text(Cursor c, String field) {
        String value = c.text();
        provenance.read(field, c.path(), value);
        return value;
    }

    protected List<String> texts(Cursor c, String field) {
        List<String> values = c.texts();
        provenance.read(field, c.path(), values);
        return values;
    }

    protected <E extends Enum<E> & Coded> E code(Cursor c, Class<E> type) {
        return c.code(type, this::resolve, warnings::add);
    }

    protected <E extends Enum<E> & Coded> E code(Cursor c, Class<E> type, String field) {
        E value = code(c, type);
        provenance.read(field, c.path(), value);
        return value;
    }

    /** The codes of a list, skipping (and warning about) the ones the vocabulary lacks. */
    protected <E extends Enum<E> & Coded> List<E> codes(Cursor list, Class<E> type, String field) {
        List<E> values = new ArrayList<>();
        for (Cursor element : list.elements()) {
            E value = code(element, type);
            if (value != null) {
                values.add(value);
            }
        }
        provenance.read(field, list.path(), values);
        return values;
    }
}
