package org.stroma.server.pages;

import gg.jte.Content;
import gg.jte.html.HtmlTemplateOutput;

/**
 * Where the templates write: their own markup as it is, every value escaped. One escaping serves both places a value
 * goes, text and quoted attributes (single quotes too, as the htmx attributes holding JSON use them), so a value is
 * never written raw because it was put in the wrong kind of slot. A value inside a script or an event handler would
 * need another escaping; the pages have none (their Content-Security-Policy allows no inline script), and a template
 * that tried is refused when rendered rather than escaped wrongly.
 */
final class EscapingOutput implements HtmlTemplateOutput {
    private final StringBuilder html = new StringBuilder(8192);
    private String tag;
    private String attribute;

    @Override
    public void setContext(String tagName, String attributeName) {
        this.tag = tagName;
        this.attribute = attributeName;
    }

    @Override
    public void writeContent(String value) {
        html.append(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        html.append(value, beginIndex, endIndex);
    }

    @Override
    public void writeUserContent(String value) {
        if (value == null) {
            return;
        }
        if ("script".equals(tag) || "style".equals(tag) || attribute != null && attribute.startsWith("on")) {
            throw new IllegalStateException("a value written into <" + tag + (attribute == null ? "" : " " + attribute)
                    + ">, where HTML escaping does not protect it");
        }
        escape(value, html);
    }

    @Override
    public void writeUserContent(Enum<?> value) {
        if (value != null) {
            writeUserContent(value.name());
        }
    }

    @Override
    public void writeUserContent(Content content) {
        if (content != null) {
            content.writeTo(this);
        }
    }

    @Override
    public String toString() {
        return html.toString();
    }

    /** The characters that end a text or a quoted attribute, or start markup or an entity, as entities. */
    static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
