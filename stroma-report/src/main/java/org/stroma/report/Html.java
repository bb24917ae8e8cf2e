package org.stroma.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import org.stroma.protocol.ScientificNotation;

/** Writing the report's HTML: every value escaped, numbers formatted one way. */
final class Html {
    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        return value.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"",
                "&quot;");
    }

    static String num(Double x) {
        if (x == null || x.isNaN()) {
            return "";
        }
        if (Math.abs(x) >= 1000 || x == Math.rint(x) && Math.abs(x) < 1e6) {
            return x == Math.rint(x) ? String.valueOf(x.longValue()) : String.format(Locale.ROOT, "%.0f", x);
        }
        return String.format(Locale.ROOT, "%.3g", x);
    }

    /** A cell count to three significant digits, as a protocol writes one: 6.3×10^7. */
    static String cells(Double cells) {
        return cells == null ? "" : ScientificNotation.format(new BigDecimal(cells).round(new MathContext(3))
                .doubleValue());
    }

    static String p(Double p) {
        if (p == null) {
            return "";
        }
        return p < 0.001 ? "&lt;0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder s = new StringBuilder("<table><tr>");
        headers.forEach(h -> s.append("<th>").append(esc(h)).append("</th>"));
        s.append("</tr>");
        for (List<String> row : rows) {
            s.append("<tr>");
            row.forEach(c -> s.append("<td>").append(c).append("</td>"));
            s.append("</tr>");
        }
        return s.append("</table>").toString();
    }
}
