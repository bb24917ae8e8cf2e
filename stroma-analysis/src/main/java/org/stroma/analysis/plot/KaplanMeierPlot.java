package org.stroma.analysis.plot;

import java.util.List;
import org.stroma.analysis.survival.KaplanMeier;

/** Kaplan–Meier curves as step functions, one colour per group, with axes and a legend, as SVG. */
public final class KaplanMeierPlot {
    private static final double W = 640;
    private static final double H = 400;
    private static final double LEFT = 60;
    private static final double RIGHT = 20;
    private static final double TOP = 32;
    private static final double BOTTOM = 50;

    private KaplanMeierPlot() {
    }

    /** {@code until}: the last time shown (the longest follow-up); {@code timeLabel}: "weeks", "days". */
    public static String svg(List<KaplanMeier.Curve> curves, double until, String timeLabel, String title) {
        Svg svg = new Svg(W, H);
        Axis x = new Axis(0, until, LEFT, W - RIGHT);
        Axis y = new Axis(0, 1, H - BOTTOM, TOP);
        Axis.draw(svg, x, y, timeLabel, "free of the event");
        for (int g = 0; g < curves.size(); g++) {
            KaplanMeier.Curve c = curves.get(g);
            StringBuilder d = new StringBuilder("M").append(Svg.num(x.at(0))).append(' ').append(Svg.num(y.at(1)));
            for (KaplanMeier.Step s : c.steps()) {
                if (s.time() > until) {
                    break;
                }
                d.append(" H").append(Svg.num(x.at(s.time()))).append(" V").append(Svg.num(y.at(s.survival())));
            }
            d.append(" H").append(Svg.num(x.at(until)));
            String colour = Svg.PALETTE[g % Svg.PALETTE.length];
            svg.path(d.toString(), colour, 2, "none", "km-curve", c.group() + ": " + c.n() + " subjects, " + c.events()
                    + " events");
            svg.rect(W - RIGHT - 150, TOP + 8 + g * 18, 12, 3, colour, "legend-key");
            svg.text(W - RIGHT - 132, TOP + 13 + g * 18, c.group() + " (n = " + c.n() + ")", "start", 12, "legend");
        }
        if (title != null) {
            svg.text(LEFT, TOP - 14, title, "start", 13, "title");
        }
        return svg.toString();
    }
}
