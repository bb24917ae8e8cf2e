package org.stroma.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import org.stroma.analysis.result.Distributions;

/**
 * The Kaplan–Meier estimate of survival: at each event time the share still free of the event is multiplied by
 * (1 − events / at risk). Its variance is Greenwood's, and the 95 % interval is formed on the log scale,
 * S·exp(±1.96·√Σ d/(n(n−d))), as R's survfit does by default; an interval is not formed where S is 0.
 */
public final class KaplanMeier {
    private KaplanMeier() {
    }

    /** One step of the curve: at a time with at least one event. */
    public record Step(double time, int atRisk, int events, double survival, double se, Double ciLow,
            Double ciHigh) {
    }

    /** A curve: its steps, its median (null when the curve never reaches one half) and its size. */
    public record Curve(String group, int n, int events, List<Step> steps, Double median) {
    }

    public static Curve estimate(String group, SurvivalData data) {
        TimeBlocks blocks = new TimeBlocks(data.time());
        List<Step> steps = new ArrayList<>();
        double s = 1;
        double greenwood = 0;
        for (int b = 0; b < blocks.blocks(); b++) {
            int events = 0;
            for (int k = blocks.start(b); k < blocks.end(b); k++) {
                events += data.event()[blocks.subject(k)] ? 1 : 0;
            }
            if (events == 0) {
                continue;
            }
            double t = blocks.time(b);
            int atRisk = blocks.atRisk(b);
            s *= 1 - (double) events / atRisk;
            greenwood += atRisk > events ? (double) events / ((double) atRisk * (atRisk - events))
                    : Double.POSITIVE_INFINITY;
            double se = s * Math.sqrt(greenwood);
            Double low = null;
            Double high = null;
            if (s > 0 && Double.isFinite(greenwood)) {
                double half = Distributions.Z95 * Math.sqrt(greenwood);
                low = s * Math.exp(-half);
                high = Math.min(1, s * Math.exp(half));
            }
            steps.add(new Step(t, atRisk, events, s, Double.isFinite(se) ? se : 0, low, high));
        }
        return new Curve(group, data.n(), data.events(), steps, median(steps));
    }

    /**
     * The first time survival falls to one half or below; where it sits exactly at one half, the middle of that flat
     * stretch (the next event time's and this one's), as is usual.
     */
    private static Double median(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            double s = steps.get(i).survival();
            if (Math.abs(s - 0.5) < 1e-12) {
                return i + 1 < steps.size() ? (steps.get(i).time() + steps.get(i + 1).time()) / 2 : steps.get(i).time();
            }
            if (s < 0.5) {
                return steps.get(i).time();
            }
        }
        return null;
    }
}
