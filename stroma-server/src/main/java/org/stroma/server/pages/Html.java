package org.stroma.server.pages;

import java.util.Collection;
import java.util.function.Function;

/** Writing HTML safely: every value goes through {@link #esc}; pages are built from these small pieces. */
public final class Html {
    private Html() {
    }

    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A table: a header row, then one row per item, each cell already HTML. */
    public static <T> String table(Collection<T> items, Function<T, String[]> row, String... headers) {
        StringBuilder s = new StringBuilder("<table><tr>");
        for (String h : headers) {
            s.append("<th>").append(esc(h)).append("</th>");
        }
        s.append("</tr>");
        for (T item : items) {
            s.append("<tr>");
            for (String cell : row.apply(item)) {
                s.append("<td>").append(cell == null ? "" : cell).append("</td>");
            }
            s.append("</tr>");
        }
        return s.append("</table>").toString();
    }

    /** A POST form with the session's CSRF token. */
    public static String form(String action, String csrf, String fields, String button) {
        return "<form method=\"post\" action=\"" + esc(action) + "\"><input type=\"hidden\" name=\"_csrf\" value=\""
                + esc(csrf) + "\">" + fields + "<button type=\"submit\">" + esc(button) + "</button></form>";
    }

    public static String link(String href, Object text) {
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }
}
