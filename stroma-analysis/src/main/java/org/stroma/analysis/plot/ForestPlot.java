package org.stroma.analysis.plot;

import java.util.List;
import java.util.Locale;

/**
 * A forest plot: each trial's estimate as a square sized by its weight with its 95 % interval, the pooled estimates
 * as diamonds, and the line of no effect; as SVG. A trial's name too long for its column is broken onto lines, its
 * row growing with them, rather than written over the plot.
 */
public final class ForestPlot {
    private static final double LABEL = 220;
    private static final double PLOT = 330;
    private static final double NUMBERS = 170;
    private static final double W = LABEL + PLOT + NUMBERS;
    private static final double ROW = 26;
    private static final double LINE = 15;
    private static final double EDGE = 8;

    private ForestPlot() {
    }

    /** A trial's row (weight 0–1), or a pooled row (drawn as a diamond). */
    public record Row(String label, double estimate, double low, double high, double weight, boolean pooled) {
    }

    public static String svg(List<Row> rows, String effect, double noEffect, String title) {
        double min = Math.min(noEffect, rows.stream().mapToDouble(Row::low).min().orElse(noEffect));
        double max = Math.max(noEffect, rows.stream().mapToDouble(Row::high).max().orElse(noEffect));
        double pad = (max - min) * 0.05;
        Ticks ticks = Ticks.over(min - pad, max + pad, 6);
        for (int most = 5; most >= 2 && PLOT * ticks.step().doubleValue() / (ticks.max() - ticks.min())
                < widest(ticks) + 12; most--) {
            ticks = Ticks.over(min - pad, max + pad, most);
        }
        Axis x = new Axis(ticks.min(), ticks.max(), LABEL, LABEL + PLOT);
        List<String> effectLines = TextWidth.wrap(effect, AxesFrame.TITLE_FONT, PLOT);
        // a trial's name is broken onto as many lines as its column needs, and its row is as high as they are
        List<List<String>> names = rows.stream().map(r -> TextWidth.wrap(r.label(), 12, LABEL - 2 * EDGE)).toList();
        double[] centres = new double[rows.size()];
        List<String> titleLines = title == null ? List.of() : TextWidth.wrap(title, 13, W - 2 * EDGE);
        double top = 40 + Math.max(0, titleLines.size() - 1) * (LINE + 2);
        double bottom = top;
        for (int i = 0; i < rows.size(); i++) {
            double height = Math.max(ROW, names.get(i).size() * LINE + 8);
            centres[i] = bottom + height / 2;
            bottom += height;
        }
        Svg svg = new Svg(W, bottom + 36 + (effectLines.size() - 1) * LINE + 12);
        svg.line(x.at(noEffect), top - 8, x.at(noEffect), bottom, "#777", 1, "no-effect");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double cy = centres[i];
            List<String> name = names.get(i);
            svg.lines(EDGE, cy + 4 - (name.size() - 1) * LINE / 2, name, "start", 12, LINE, r.pooled()
                    ? "pooled-label" : "study-label", false);
            svg.text(W - EDGE, cy + 4, String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", r.estimate(), r.low(),
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
        if (!titleLines.isEmpty()) {
            svg.lines(EDGE, 18, titleLines, "start", 13, LINE + 2, "title", false);
        }
        return svg.toString();
    }

    private static double widest(Ticks ticks) {
        return ticks.labels().stream().mapToDouble(l -> TextWidth.of(l, AxesFrame.TICK_FONT)).max().orElse(0);
    }
}
