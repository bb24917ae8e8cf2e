package org.stroma.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The origin of each field of a protocol, keyed by the field's path in the protocol model
 * ({@code design.enrollment.count}, {@code interventions[1].cellProduct.dose}). {@code format} names the format or
 * page layout the record was read from.
 */
public record Provenance(String format, Map<String, FieldOrigin> fields) {
    public Provenance {
        fields = Collections.unmodifiableMap(new TreeMap<>(fields == null ? Map.of() : fields));
    }

    public FieldOrigin of(String field) {
        return fields.get(field);
    }

    /** The fields whose origin has the given certainty, in path order. */
    public Map<String, FieldOrigin> withCertainty(Certainty certainty) {
        Map<String, FieldOrigin> selected = new TreeMap<>();
        fields.forEach((path, origin) -> {
            if (origin.certainty() == certainty) {
                selected.put(path, origin);
            }
        });
        return selected;
    }

    public static Builder builder(String format) {
        return new Builder(format);
    }

    /** Collects field origins while a record is read; the last word on a field wins. */
    public static final class Builder {
        private final String format;
        private final Map<String, FieldOrigin> fields = new LinkedHashMap<>();

        private Builder(String format) {
            this.format = format;
        }

        public Builder(Provenance existing) {
            this.format = existing.format();
            this.fields.putAll(existing.fields());
        }

        /** Records that a field was read at {@code source}, if it has a value; a null value is left unrecorded. */
        public Builder read(String field, String source, Object value) {
            java.util.Objects.requireNonNull(field, "field");
            if (present(value)) {
                fields.put(field, FieldOrigin.read(source));
            }
            return this;
        }

        public Builder inferred(String field, String source, String note) {
            fields.put(java.util.Objects.requireNonNull(field, "field"), FieldOrigin.inferred(source, note));
            return this;
        }

        public Builder missing(String field, String note) {
            fields.put(java.util.Objects.requireNonNull(field, "field"), FieldOrigin.missing(note));
            return this;
        }

        public boolean has(String field) {
            return fields.containsKey(field);
        }

        public Provenance build() {
            return new Provenance(format, fields);
        }

        private static boolean present(Object value) {
            if (value == null) {
                return false;
            }
            if (value instanceof String s) {
                return !s.isBlank();
            }
            if (value instanceof java.util.Collection<?> c) {
                return !c.isEmpty();
            }
            return true;
        }
    }
}
