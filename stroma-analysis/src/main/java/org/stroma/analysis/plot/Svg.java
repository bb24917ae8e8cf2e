package org.stroma.analysis.plot;

import java.util.List;
import java.util.Locale;

/** A small SVG writer: the elements the plots need, every text escaped, numbers written the same way everywhere. */
final class Svg {
    static final String[] PALETTE = {"#1f5f8b", "#c0392b", "#2e7d32", "#8e44ad", "#d35400", "#546e7a"};
    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;

    /** A picture of whole pixels, the size rounded up. */
    Svg(double width, double height) {
        this.width = Math.ceil(width);
        this.height = Math.ceil(height);
    }

    static String num(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String cssClass) {
        body.append("<line class=\"").append(cssClass).append("\" x1=\"").append(num(x1)).append("\" y1=\"")
                .append(num(y1)).append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2))
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(num(strokeWidth))
                .append("\"/>");
        return this;
    }

    Svg path(String d, String stroke, double strokeWidth, String fill, String cssClass, String title) {
        body.append("<path class=\"").append(cssClass).append("\" d=\"").append(d).append("\" stroke=\"")
                .append(stroke).append("\" stroke-width=\"").append(num(strokeWidth)).append("\" fill=\"").append(fill)
                .append("\">");
        if (title != null) {
            body.append("<title>").append(esc(title)).append("</title>");
        }
        body.append("</path>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String cssClass) {
        body.append("<rect class=\"").append(cssClass).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append("\" fill=\"")
                .append(fill).append("\"/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String cssClass) {
        body.append("<circle class=\"").append(cssClass).append("\" cx=\"").append(num(cx)).append("\" cy=\"")
                .append(num(cy)).append("\" r=\"").append(num(r)).append("\" fill=\"").append(fill).append("\"/>");
        return this;
    }

    Svg text(double x, double y, String text, String anchor, double size, String cssClass) {
        body.append("<text class=\"").append(cssClass).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"").append(num(size))
                .append("\" font-family=\"sans-serif\">").append(esc(text)).append("</text>");
        return this;
    }

    /**
     * Lines of one text, {@code lineHeight} apart, as one element (its content is the lines joined: the whole text).
     * Turned a quarter left ({@code turned}), about the first line's anchor, the lines follow one another rightwards:
     * a vertical axis's title reads upwards.
     */
    Svg lines(double x, double y, List<String> lines, String anchor, double size, double lineHeight,
            String cssClass, boolean turned) {
        body.append("<text class=\"").append(cssClass).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"").append(num(size))
                .append("\" font-family=\"sans-serif\"");
        if (turned) {
            body.append(" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y)).append(")\"");
        }
        body.append('>');
        for (int i = 0; i < lines.size(); i++) {
            body.append("<tspan x=\"").append(num(x)).append("\" dy=\"").append(num(i == 0 ? 0 : lineHeight))
                    .append("\">").append(esc(lines.get(i))).append("</tspan>");
        }
        body.append("</text>");
        return this;
    }

    @Override
    public String toString() {
        // whole numbers: the PDF's renderer draws a picture sized "640.00" at six tenths of its box, "640" fills it
        String size = (long) width + " " + (long) height;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + "\" width=\"" + (long) width
                + "\" height=\"" + (long) height + "\" role=\"img\">" + body + "</svg>";
    }
}
