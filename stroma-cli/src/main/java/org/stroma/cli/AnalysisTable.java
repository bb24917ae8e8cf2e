package org.stroma.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stroma.analysis.result.Analysis;
import org.stroma.analysis.result.Estimate;
import org.stroma.analysis.result.HypothesisTest;

/** An analysis as a person reads it in a terminal: the estimates and tests as aligned tables, then the notes. */
final class AnalysisTable {
    private AnalysisTable() {
    }

    static String render(Analysis a) {
        StringBuilder s = new StringBuilder();
        s.append(a.method()).append(", n = ").append(a.n()).append('\n');
        if (!a.estimates().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"term", "estimate", "se", "95% CI", "statistic", "df", "p"});
            for (Estimate e : a.estimates()) {
                rows.add(new String[] {e.term(), num(e.estimate()), num(e.se()), e.ciLow() == null ? "" : num(e.ciLow())
                        + " to " + num(e.ciHigh()), num(e.statistic()), num(e.df()), p(e.p())});
            }
            s.append('\n').append(align(rows));
        }
        if (!a.tests().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"test", "statistic", "df", "p"});
            for (HypothesisTest t : a.tests()) {
                rows.add(new String[] {t.name(), num(t.statistic()), num(t.df()), p(t.p())});
            }
            s.append('\n').append(align(rows));
        }
        for (Map.Entry<String, Object> d : a.details().entrySet()) {
            if (d.getValue() instanceof Number || d.getValue() instanceof String || d.getValue() instanceof Boolean) {
                s.append(d.getKey()).append(": ").append(d.getValue() instanceof Double x ? num(x) : d.getValue())
                        .append('\n');
            }
        }
        a.notes().forEach(n -> s.append("note: ").append(n).append('\n'));
        return s.toString();
    }

    private static String num(Double x) {
        if (x == null) {
            return "";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e9) {
            return String.valueOf(x.longValue());
        }
        return String.format(Locale.ROOT, "%.6g", x);
    }

    private static String p(Double p) {
        if (p == null) {
            return "";
        }
        return p < 1e-3 ? String.format(Locale.ROOT, "%.3e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String align(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == 0 ? String.format("%-" + widths[i] + "s", r[i])
                        : "  " + String.format("%" + widths[i] + "s", r[i]));
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
        return s.toString();
    }
}
