package org.stroma.analysis.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A plot's legend, set below the plot rather than over it: each series's colour and its whole name, entries side by
 * side in rows as wide as the plot, a name too long for a row broken onto several lines. Nothing is cut, and the
 * legend never covers a curve: the plot grows by the legend's height.
 */
final class Legend {
    static final double FONT_SIZE = 12;
    static final double LINE_HEIGHT = 15;
    private static final double KEY = 16;
    private static final double KEY_GAP = 6;
    private static final double ENTRY_GAP = 20;
    private static final double ROW_GAP = 4;

    /** A series: its name and its colour. */
    record Entry(String label, String colour) {
    }

    /** An entry where it is drawn: the top left corner of its key's line, and its name's lines. */
    private record Placed(Entry entry, double x, double y, List<String> lines) {
    }

    private final List<Placed> placed;
    private final double height;

    private Legend(List<Placed> placed, double height) {
        this.placed = placed;
        this.height = height;
    }

    /** The entries laid out from ({@code left}, {@code top}) in rows no wider than {@code width}. */
    static Legend layout(List<Entry> entries, double left, double top, double width) {
        List<Placed> placed = new ArrayList<>();
        double x = left;
        double y = top;
        double rowHeight = 0;
        double textWidth = width - KEY - KEY_GAP;
        for (Entry e : entries) {
            List<String> lines = TextWidth.wrap(e.label(), FONT_SIZE, textWidth);
            double entryWidth = KEY + KEY_GAP + lines.stream().mapToDouble(l -> TextWidth.of(l, FONT_SIZE)).max()
                    .orElse(0);
            if (x > left && x + entryWidth > left + width) {
                x = left;
                y += rowHeight + ROW_GAP;
                rowHeight = 0;
            }
            placed.add(new Placed(e, x, y, lines));
            x += entryWidth + ENTRY_GAP;
            rowHeight = Math.max(rowHeight, lines.size() * LINE_HEIGHT);
        }
        return new Legend(placed, placed.isEmpty() ? 0 : y + rowHeight - top);
    }

    /** From the top of the first row to the bottom of the last; 0 without entries. */
    double height() {
        return height;
    }

    void draw(Svg svg) {
        for (Placed p : placed) {
            svg.rect(p.x(), p.y() + 6, KEY, 3, p.entry().colour(), "legend-key");
            // the first baseline a font's ascent (0.93 em in DejaVu Sans) below the row's top
            svg.lines(p.x() + KEY + KEY_GAP, p.y() + 0.95 * FONT_SIZE, p.lines(), "start", FONT_SIZE, LINE_HEIGHT,
                    "legend", false);
        }
    }
}
