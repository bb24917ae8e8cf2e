package org.stroma.protocol;

/**
 * Where one field of a protocol came from: read as the record states it, inferred (with the reasoning in
 * {@code note}), or missing. {@code source} is the place in the record: a JSON path, an XML path or a page section.
 */
public record FieldOrigin(Certainty certainty, String source, String note) {

    public static FieldOrigin read(String source) {
        return new FieldOrigin(Certainty.READ, source, null);
    }

    public static FieldOrigin inferred(String source, String note) {
        return new FieldOrigin(Certainty.INFERRED, source, note);
    }

    public static FieldOrigin missing(String note) {
        return new FieldOrigin(Certainty.MISSING, null, note);
    }
}
