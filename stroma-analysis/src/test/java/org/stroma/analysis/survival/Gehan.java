package org.stroma.analysis.survival;

import java.util.ArrayList;
import java.util.List;

/** Gehan's 6-MP remission data (Freireich et al.): weeks in remission, "+" censored. */
final class Gehan {
    static final String SIX_MP = "6,6,6,6+,7,9+,10,10+,11+,13,16,17+,19+,20+,22,23,25+,32+,32+,34+,35+";
    static final String PLACEBO = "1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23";

    private Gehan() {
    }

    static SurvivalData data() {
        List<Double> t = new ArrayList<>();
        List<Boolean> e = new ArrayList<>();
        List<String> g = new ArrayList<>();
        read(SIX_MP, "6-MP", t, e, g);
        read(PLACEBO, "placebo", t, e, g);
        double[] time = t.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] event = new boolean[e.size()];
        for (int i = 0; i < event.length; i++) {
            event[i] = e.get(i);
        }
        return new SurvivalData(time, event, g.toArray(String[]::new));
    }

    private static void read(String values, String group, List<Double> t, List<Boolean> e, List<String> g) {
        for (String v : values.split(",")) {
            boolean censored = v.endsWith("+");
            t.add(Double.parseDouble(censored ? v.substring(0, v.length() - 1) : v));
            e.add(!censored);
            g.add(group);
        }
    }
}
