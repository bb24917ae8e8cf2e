package org.stroma.analysis.plot;

import java.util.List;

/**
 * What surrounds a plot's data: its title above, a vertical axis on the left and a horizontal one below with their
 * ticks and titles, and the legend under it all. Each margin is as wide as what is written in it, measured with
 * {@link TextWidth}: the widest tick label decides the left margin, a long title is broken onto lines, and the picture
 * grows downwards by the legend's height, so nothing written overlaps the plot area or leaves the picture.
 */
final class AxesFrame {
    static final double TICK_FONT = 11;
    static final double TITLE_FONT = 12;
    private static final double TICK = 5;
    private static final double LINE = 15;
    private static final double EDGE = 8;
    /** The least room between two tick labels on the horizontal axis. */
    private static final double LABEL_GAP = 12;
    /** The least room between two ticks on the vertical axis: a label's height (1.2 em) and a little more. */
    private static final double ROW = 32;

    private final double width;
    private final double height;
    private final double left;
    private final double top;
    private final double plotWidth;
    private final double plotHeight;
    private final Ticks xTicks;
    private final Ticks yTicks;
    private final List<String> titleLines;
    private final List<String> xTitleLines;
    private final List<String> yTitleLines;
    private final Legend legend;

    /**
     * A frame {@code width} pixels wide around a plot area {@code plotHeight} high, for data from {@code xMin} to
     * {@code xMax} and from {@code yMin} to {@code yMax}; {@code title} may be null, {@code legend} empty.
     */
    AxesFrame(double width, double plotHeight, double xMin, double xMax, double yMin, double yMax, String xTitle,
            String yTitle, String title, List<Legend.Entry> legend) {
        this.width = width;
        this.plotHeight = plotHeight;
        this.yTicks = Ticks.over(yMin, yMax, (int) Math.min(6, plotHeight / ROW));
        this.yTitleLines = TextWidth.wrap(yTitle, TITLE_FONT, plotHeight);
        this.titleLines = title == null ? List.of() : TextWidth.wrap(title, TITLE_FONT + 1, width - 2 * EDGE);
        this.top = titleLines.isEmpty() ? 14 : 18 + (titleLines.size() - 1) * (LINE + 2) + 18;
        double yLabels = widest(yTicks);
        // the vertical title's lines, then the tick labels, then the ticks
        double axisX = EDGE + TITLE_FONT + (yTitleLines.size() - 1) * LINE + 6 + yLabels + TICK + 3;
        Ticks x = null;
        double plot = 0;
        double leftEdge = axisX;
        for (int most = 10; most >= 2; most--) {
            x = Ticks.over(xMin, xMax, most);
            double xLabels = widest(x);
            // the first and the last labels are centred on the axis's ends: half of each hangs over
            leftEdge = Math.max(axisX, xLabels / 2 + EDGE);
            plot = width - leftEdge - Math.max(16, xLabels / 2 + EDGE);
            double spacing = x.step().doubleValue() / (x.max() - x.min()) * plot;
            if (spacing >= xLabels + LABEL_GAP) {
                break;
            }
        }
        this.xTicks = x;
        this.left = leftEdge;
        this.plotWidth = plot;
        this.xTitleLines = TextWidth.wrap(xTitle, TITLE_FONT, plotWidth);
        double legendTop = top + plotHeight + 40 + (xTitleLines.size() - 1) * LINE + 14;
        this.legend = Legend.layout(legend, left, legendTop, width - left - EDGE);
        this.height = legend.isEmpty() ? legendTop - 4 : legendTop + this.legend.height() + EDGE;
    }

    private static double widest(Ticks ticks) {
        return ticks.labels().stream().mapToDouble(l -> TextWidth.of(l, TICK_FONT)).max().orElse(0);
    }

    Axis x() {
        return new Axis(xTicks.min(), xTicks.max(), left, left + plotWidth);
    }

    Axis y() {
        return new Axis(yTicks.min(), yTicks.max(), top + plotHeight, top);
    }

    /** A picture of the frame's size, with the frame drawn: the data go on top. */
    Svg draw() {
        Svg svg = new Svg(width, height);
        Axis x = x();
        Axis y = y();
        double bottom = top + plotHeight;
        // the plot area, unpainted: it says where the data are drawn (and a test finds it)
        svg.rect(left, top, plotWidth, plotHeight, "none", "plot-area");
        svg.line(left, bottom, left + plotWidth, bottom, "#333", 1, "axis");
        svg.line(left, bottom, left, top, "#333", 1, "axis");
        for (Ticks.Tick t : xTicks.ticks()) {
            svg.line(x.at(t.value()), bottom, x.at(t.value()), bottom + TICK, "#333", 1, "tick");
            svg.text(x.at(t.value()), bottom + 20, t.label(), "middle", TICK_FONT, "tick-label");
        }
        for (Ticks.Tick t : yTicks.ticks()) {
            svg.line(left - TICK, y.at(t.value()), left, y.at(t.value()), "#333", 1, "tick");
            // a third of the font's size below the tick: the digits' middle on it
            svg.text(left - TICK - 3, y.at(t.value()) + TICK_FONT * 0.35, t.label(), "end", TICK_FONT,
                    "tick-label");
        }
        svg.lines(left + plotWidth / 2, bottom + 40, xTitleLines, "middle", TITLE_FONT, LINE, "axis-label", false);
        svg.lines(EDGE + TITLE_FONT, top + plotHeight / 2, yTitleLines, "middle", TITLE_FONT, LINE, "axis-label",
                true);
        if (!titleLines.isEmpty()) {
            svg.lines(EDGE, 18, titleLines, "start", TITLE_FONT + 1, LINE + 2, "title", false);
        }
        legend.draw(svg);
        return svg;
    }
}
