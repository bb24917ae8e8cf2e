package org.stroma.export;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes an XML document element by element, indented two spaces per level: what the ODM and Define-XML exports
 * need and no more. Attributes come as name–value pairs; a null value leaves its attribute out, so that optional
 * attributes are written only when known.
 */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens an element: {@code start("Study", "OID", "ST.1")}. */
    public XmlWriter start(String name, Object... attributes) {
        tag(name, attributes, false);
        open.push(name);
        return this;
    }

    /** An element without content. */
    public XmlWriter empty(String name, Object... attributes) {
        tag(name, attributes, true);
        return this;
    }

    /** An element holding only text: {@code text("StudyName", "MESAMI2")}; nothing is written for null text. */
    public XmlWriter text(String name, String text, Object... attributes) {
        if (text == null) {
            return this;
        }
        indent();
        out.append('<').append(name);
        attributes(attributes);
        out.append('>').append(escape(text, false)).append("</").append(name).append(">\n");
        return this;
    }

    public XmlWriter end() {
        String name = open.pop();
        indent();
        out.append("</").append(name).append(">\n");
        return this;
    }

    /** The document, every element closed. */
    public String document() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("elements left open: " + open);
        }
        return out.toString();
    }

    private void tag(String name, Object[] attributes, boolean selfClosing) {
        indent();
        out.append('<').append(name);
        attributes(attributes);
        out.append(selfClosing ? "/>\n" : ">\n");
    }

    private void attributes(Object[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name–value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(String.valueOf(attributes[i + 1]),
                        true)).append('"');
            }
        }
    }

    private void indent() {
        out.append("  ".repeat(open.size()));
    }

    /** Escapes markup, and drops the control characters XML 1.0 cannot carry at all. */
    static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                case '\r' -> b.append("&#13;");
                default -> {
                    if (c >= 0x20 || c == '\n') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
