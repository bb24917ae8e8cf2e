package org.stroma.analysis.plot;

import java.util.List;

/** Means over time by group, each point with its 95 % interval as an error bar, as SVG. */
public final class MeansPlot {
    private static final double W = 640;
    private static final double H = 380;

    private MeansPlot() {
    }

    public record Point(double time, double mean, double low, double high) {
    }

    public record Series(String name, List<Point> points) {
    }

    public static String svg(List<Series> series, String timeLabel, String valueLabel, String title) {
        Svg svg = new Svg(W, H);
        double tMax = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::time).max().orElse(1);
        double tMin = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::time).min().orElse(0);
        double lo = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::low).min().orElse(0);
        double hi = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::high).max().orElse(1);
        double pad = (hi - lo) * 0.08 + 1e-9;
        double span = tMax - tMin;
        Axis x = new Axis(tMin - span * 0.05, tMax + span * 0.05, 60, W - 20);
        Axis y = new Axis(lo - pad, hi + pad, H - 50, 20);
        Axis.draw(svg, x, y, timeLabel, valueLabel);
        for (int g = 0; g < series.size(); g++) {
            Series s = series.get(g);
            String colour = Svg.PALETTE[g % Svg.PALETTE.length];
            double offset = (g - (series.size() - 1) / 2.0) * 4; // groups side by side at each time
            StringBuilder d = new StringBuilder();
            for (Point p : s.points()) {
                double px = x.at(p.time()) + offset;
                d.append(d.length() == 0 ? "M" : " L").append(Svg.num(px)).append(' ').append(Svg.num(y.at(p.mean())));
                svg.line(px, y.at(p.low()), px, y.at(p.high()), colour, 1, "error-bar");
                svg.circle(px, y.at(p.mean()), 3.5, colour, "mean");
            }
            svg.path(d.toString(), colour, 2, "none", "means-line", s.name());
            svg.rect(W - 170, 28 + g * 18, 12, 3, colour, "legend-key");
            svg.text(W - 152, 33 + g * 18, s.name(), "start", 12, "legend");
        }
        if (title != null) {
            svg.text(60, 14, title, "start", 13, "title");
        }
        return svg.toString();
    }
}
