package org.stroma.analysis.plot;

import java.util.ArrayList;
import java.util.List;
import org.stroma.analysis.survival.KaplanMeier;

/** Kaplan–Meier curves as step functions, one colour per group, with axes and a legend, as SVG. */
public final class KaplanMeierPlot {
    private static final double W = 640;
    private static final double PLOT_HEIGHT = 318;

    private KaplanMeierPlot() {
    }

    /** {@code until}: the last time shown (the longest follow-up); {@code timeLabel}: "weeks", "days". */
    public static String svg(List<KaplanMeier.Curve> curves, double until, String timeLabel, String title) {
        List<Legend.Entry> legend = new ArrayList<>();
        for (int g = 0; g < curves.size(); g++) {
            KaplanMeier.Curve c = curves.get(g);
            legend.add(new Legend.Entry(c.group() + " (n = " + c.n() + ")", Svg.PALETTE[g % Svg.PALETTE.length]));
        }
        AxesFrame frame = new AxesFrame(W, PLOT_HEIGHT, 0, until, 0, 1, timeLabel, "free of the event", title, legend);
        Svg svg = frame.draw();
        Axis x = frame.x();
        Axis y = frame.y();
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
            svg.path(d.toString(), Svg.PALETTE[g % Svg.PALETTE.length], 2, "none", "km-curve", c.group() + ": "
                    + c.n() + " subjects, " + c.events() + " events");
        }
        return svg.toString();
    }
}
