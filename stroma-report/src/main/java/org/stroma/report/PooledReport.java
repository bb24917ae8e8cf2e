package org.stroma.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.plot.ForestPlot;
import org.stroma.analysis.pool.RandomEffectsMetaAnalysis;
import org.stroma.analysis.result.Estimate;
import org.stroma.trial.lock.LockedTrial;

/**
 * An outcome pooled over sister trials: each trial's own estimate of the cells' effect (ANCOVA for a parallel trial,
 * the crossover analysis for a crossover, so each trial is analysed within itself, as stratifying by trial does), then
 * the fixed-effect and DerSimonian–Laird random-effects estimates with heterogeneity, and a forest plot. A trial
 * without a comparison (a single group) is listed as not contributing.
 */
public final class PooledReport {
    private PooledReport() {
    }

    /** A trial's contribution: its estimate, or why it has none. */
    public record Contribution(String trial, Estimate estimate, String missing) {
    }

    public static List<Contribution> contributions(List<LockedTrial> trials, String item) {
        List<Contribution> list = new ArrayList<>();
        for (LockedTrial t : trials) {
            OutcomeAnalyses.Outcome o = OutcomeAnalyses.outcomes(t, Map.of()).stream().filter(x -> x.item().equals(item))
                    .findFirst().orElse(null);
            Estimate e = o == null ? null : o.analyses().stream().filter(a -> a.method().equals(t.crossover()
                    ? "crossover" : "ancova")).flatMap(a -> a.estimates().stream()).filter(x -> !x.term().equals(
                    "(intercept)")).findFirst().orElse(null);
            if (e != null && t.crossover() && e.term().toLowerCase(Locale.ROOT).split(" − ")[0].contains("placebo")) {
                // the effect of cells, whichever sequence came first
                e = new Estimate(e.term(), -e.estimate(), e.se(), -e.ciHigh(), -e.ciLow(), e.statistic() == null
                        ? null : -e.statistic(), e.df(), e.p());
            }
            list.add(new Contribution(t.trial(), e, e == null ? (o == null ? "no " + item + " measured"
                    : "no comparison of arms (" + String.join("; ", o.notAnalysed()) + ")") : null));
        }
        return list;
    }

    public static String html(String title, List<LockedTrial> trials, String item, String effectLabel,
            String subtitle) {
        List<Contribution> contributions = contributions(trials, item);
        List<RandomEffectsMetaAnalysis.Study> studies = contributions.stream().filter(c -> c.estimate() != null
                && c.estimate().se() != null && c.estimate().se() > 0).map(c -> new RandomEffectsMetaAnalysis.Study(
                c.trial(), c.estimate().estimate(), c.estimate().se())).toList();
        StringBuilder s = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.esc(title)).append("</title><style>body{font-family:sans-serif;max-width:60rem;margin:1rem"
                        + " auto}table{border-collapse:collapse}th,td{border:1px solid #ccd;padding:.25rem .5rem}"
                        + ".muted{color:#5f6f78}</style></head><body><h1>").append(Html.esc(title)).append("</h1><p"
                        + " class=\"muted\">").append(Html.esc(subtitle)).append(" Each trial is analysed within itself;"
                        + " the estimates are pooled by inverse variance (fixed) and DerSimonian–Laird (random).</p>");
        List<List<String>> rows = new ArrayList<>();
        for (Contribution c : contributions) {
            rows.add(c.estimate() == null ? List.of(Html.esc(c.trial()), "", "", "", Html.esc(c.missing()))
                    : List.of(Html.esc(c.trial()), Html.num(c.estimate().estimate()), Html.num(c.estimate().se()),
                            Html.num(c.estimate().ciLow()) + " to " + Html.num(c.estimate().ciHigh()), ""));
        }
        s.append("<section id=\"trials\"><h2>Trials</h2>").append(Html.table(List.of("Trial", "Estimate", "SE",
                "95% CI", "Not contributing because"), rows)).append("</section>");
        if (studies.size() < 2) {
            s.append("<section id=\"pooled\"><h2>Pooled</h2><p>Fewer than two trials compare the arms on ")
                    .append(Html.esc(item)).append(": nothing to pool.</p></section>");
            return s.append("</body></html>").toString();
        }
        try {
            RandomEffectsMetaAnalysis.Result r = RandomEffectsMetaAnalysis.pool(studies);
            List<ForestPlot.Row> forest = new ArrayList<>();
            for (int i = 0; i < studies.size(); i++) {
                RandomEffectsMetaAnalysis.Study st = studies.get(i);
                forest.add(new ForestPlot.Row(st.name(), st.estimate(), st.estimate() - 1.959964 * st.se(),
                        st.estimate() + 1.959964 * st.se(), r.randomWeights()[i], false));
            }
            forest.add(new ForestPlot.Row("fixed effect", r.fixed().estimate(), r.fixed().ciLow(), r.fixed().ciHigh(),
                    1, true));
            forest.add(new ForestPlot.Row("random effects", r.random().estimate(), r.random().ciLow(),
                    r.random().ciHigh(), 1, true));
            Map<String, String> pooled = new LinkedHashMap<>();
            pooled.put("random effects", Html.num(r.random().estimate()) + " (" + Html.num(r.random().ciLow()) + " to "
                    + Html.num(r.random().ciHigh()) + "), p " + Html.p(r.random().p()));
            pooled.put("fixed effect", Html.num(r.fixed().estimate()) + " (" + Html.num(r.fixed().ciLow()) + " to "
                    + Html.num(r.fixed().ciHigh()) + "), p " + Html.p(r.fixed().p()));
            pooled.put("heterogeneity", "Q " + Html.num(r.q()) + " on " + r.df() + " df, p " + Html.p(r.qP()) + "; τ² "
                    + Html.num(r.tau2()) + "; I² " + Html.num(100 * r.i2()) + " %");
            s.append("<section id=\"pooled\"><h2>Pooled</h2>").append(ForestPlot.svg(forest, effectLabel, 0, null))
                    .append(Html.table(List.of("", ""), pooled.entrySet().stream().map(e -> List.of(Html.esc(
                            e.getKey()), e.getValue())).toList())).append("</section>");
        } catch (DataException e) {
            s.append("<section id=\"pooled\"><h2>Pooled</h2><p>").append(Html.esc(e.getMessage())).append("</p></section>");
        }
        return s.append("</body></html>").toString();
    }
}
