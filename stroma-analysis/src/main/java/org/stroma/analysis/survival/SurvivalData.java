package org.stroma.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.stroma.analysis.data.DataException;

/**
 * Times to an event, each with whether the event happened (true) or the time was censored (false), and the group of
 * each subject (null for a single sample).
 */
public record SurvivalData(double[] time, boolean[] event, String[] group) {

    public SurvivalData {
        if (time.length != event.length || (group != null && group.length != time.length)) {
            throw new IllegalArgumentException("times, events and groups differ in length");
        }
        for (int i = 0; i < time.length; i++) {
            if (!(time[i] >= 0)) {
                throw new DataException("time " + time[i] + " (observation " + (i + 1) + ") is negative");
            }
        }
    }

    public int n() {
        return time.length;
    }

    public int events() {
        int d = 0;
        for (boolean e : event) {
            d += e ? 1 : 0;
        }
        return d;
    }

    private int[] indices(IntPredicate keep) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < time.length; i++) {
            if (keep.test(i)) {
                list.add(i);
            }
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The subjects of one group. */
    public SurvivalData of(String level) {
        int[] keep = indices(i -> level.equals(group[i]));
        double[] t = new double[keep.length];
        boolean[] e = new boolean[keep.length];
        for (int j = 0; j < keep.length; j++) {
            t[j] = time[keep[j]];
            e[j] = event[keep[j]];
        }
        return new SurvivalData(t, e, null);
    }
}
