package org.stroma.analysis.plot;

import java.util.List;
import java.util.Locale;

/**
 * A forest plot: each trial's estimate as a square sized by its weight with its 95 % interval, the pooled estimates
 * as diamonds, and the line of no effect; as SVG. The trials' names have a column as wide as the longest of them,
 * and the picture widens with it.
 */
public final class ForestPlot {
    private static final double PLOT = 330;
    private static final double ROW = 26;
    private static final double LABEL = 220;
    private static final double NUMBERS = 170;
    private static final double EDGE = 8;

    private ForestPlot() {
    }

    /** A trial's row (weight 0–1), or a pooled row (drawn as a diamond). */
    public record Row(String label, double estimate, double low, double high, double weight, boolean pooled) {
    }

    public static String svg(List<Row> rows, String effect, double noEffect, String title) {
        double labels = Math.max(LABEL, rows.stream().mapToDouble(r -> TextWidth.of(r.label(), 12)).max().orElse(0)
                + 2 * EDGE);
        double min = Math.min(noEffect, rows.stream().mapToDouble(Row::low).min().orElse(noEffect));
        double max = Math.max(noEffect, rows.stream().mapToDouble(Row::high).max().orElse(noEffect));
        double pad = (max - min) * 0.05;
        Ticks ticks = Ticks.over(min - pad, max + pad, 6);
        double widestTick = ticks.labels().stream().mapToDouble(l -> TextWidth.of(l, AxesFrame.TICK_FONT)).max()
                .orElse(0);
        for (int most = 5; most >= 2 && PLOT * ticks.step().doubleValue() / (ticks.max() - ticks.min())
                < widestTick + 12; most--) {
            ticks = Ticks.over(min - pad, max + pad, most);
        }
        double width = labels + PLOT + NUMBERS;
        Axis x = new Axis(ticks.min(), ticks.max(), labels, labels + PLOT);
        List<String> effectLines = TextWidth.wrap(effect, AxesFrame.TITLE_FONT, PLOT);
        double top = 40;
        double bottom = top + rows.size() * ROW;
        Svg svg = new Svg(width, bottom + 36 + (effectLines.size() - 1) * 15 + 12);
        svg.line(x.at(noEffect), top - 8, x.at(noEffect), bottom, "#777", 1, "no-effect");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double cy = top + i * ROW + ROW / 2;
            svg.text(EDGE, cy + 4, r.label(), "start", 12, r.pooled() ? "pooled-label" : "study-label");
            svg.text(width - EDGE, cy + 4, String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", r.estimate(), r.low(),
                    r.high()), "end", 11, "estimate");
            if (r.pooled()) {
                String d = "M" + Svg.num(x.at(r.low())) + " " + Svg.num(cy) + " L" + Svg.num(x.at(r.estimate())) + " "
                        + Svg.num(cy - 7) + " L" + Svg.num(x.at(r.high())) + " " + Svg.num(cy) + " L"
                        + Svg.num(x.at(r.estimate())) + " " + Svg.num(cy + 7) + " Z";
                svg.path(d, "#111", 1, "#111", "diamond", r.label());
            } else {
                svg.line(x.at(r.low()), cy, x.at(r.high()), cy, "#111", 1.2, "interval");
                double side = 4 + 12 * Math.sqrt(Math.max(0, Math.min(1, r.weight())));
                svg.rect(x.at(r.estimate()) - side / 2, cy - side / 2, side, side, Svg.PALETTE[0], "square");
            }
        }
        svg.line(x.from(), bottom + 4, x.to(), bottom + 4, "#333", 1, "axis");
        for (Ticks.Tick t : ticks.ticks()) {
            svg.line(x.at(t.value()), bottom + 4, x.at(t.value()), bottom + 9, "#333", 1, "tick");
            svg.text(x.at(t.value()), bottom + 22, t.label(), "middle", AxesFrame.TICK_FONT, "tick-label");
        }
        svg.lines(x.from() + PLOT / 2, bottom + 38, effectLines, "middle", AxesFrame.TITLE_FONT, 15, "axis-label",
                false);
        if (title != null) {
            svg.text(EDGE, 18, title, "start", 13, "title");
        }
        return svg.toString();
    }
}
