package org.stroma.server.pages;

/** A value as the pages write it: its text, and nothing at all for a value that is not there. */
public final class Text {
    private Text() {
    }

    /** The value's text, or null (which a template writes as nothing, and an attribute leaves out). */
    public static String of(Object value) {
        return value == null ? null : value.toString();
    }
}
