package org.stroma.analysis.plot;

import java.util.ArrayList;
import java.util.List;

/** Means over time by group, each point with its 95 % interval as an error bar, as SVG. */
public final class MeansPlot {
    private static final double W = 640;
    private static final double PLOT_HEIGHT = 300;

    private MeansPlot() {
    }

    public record Point(double time, double mean, double low, double high) {
    }

    public record Series(String name, List<Point> points) {
    }

    public static String svg(List<Series> series, String timeLabel, String valueLabel, String title) {
        double tMax = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::time).max().orElse(1);
        double tMin = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::time).min().orElse(0);
        double lo = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::low).min().orElse(0);
        double hi = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::high).max().orElse(1);
        // a margin around the data so no point sits on an axis; equal values are given a scale by the ticks
        double pad = (hi - lo) * 0.08;
        double span = tMax - tMin;
        List<Legend.Entry> legend = new ArrayList<>();
        for (int g = 0; g < series.size(); g++) {
            legend.add(new Legend.Entry(series.get(g).name(), Svg.PALETTE[g % Svg.PALETTE.length]));
        }
        AxesFrame frame = new AxesFrame(W, PLOT_HEIGHT, tMin - span * 0.05, tMax + span * 0.05, lo - pad, hi + pad,
                timeLabel, valueLabel, title, legend);
        Svg svg = frame.draw();
        Axis x = frame.x();
        Axis y = frame.y();
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
        }
        return svg.toString();
    }
}
