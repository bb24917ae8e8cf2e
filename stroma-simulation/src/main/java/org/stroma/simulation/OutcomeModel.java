package org.stroma.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.stroma.trial.capture.FormDef;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.capture.ItemType;
import org.stroma.trial.eligibility.rule.Interval;

/**
 * How a simulated subject's measurements go: each numeric item starts near the middle of its expected range (spread
 * an eighth of the range), wanders a little at each visit, and while the subject has had cells moves towards the
 * better side by up to half a spread over six months. Lesion counts are negative binomial with a lower rate on cells;
 * NYHA and CCS class and EDSS change by steps; MLHFQ items ease on cells; an ICD's episodes are counted since the last
 * interrogation. Every benefit of cells is scaled by the effect (0: none), and the draws are the same whatever the arm,
 * so that without an effect two arms give the same values. Values stay within what is possible, so the edit checks open
 * queries (values outside the expected range) but never refuse.
 *
 * <p>A subject who passed the screening is as the criteria asked: what the criteria bound (a VO2 peak of at most 20, an
 * EDSS of 3 to 6.5, NYHA III–IV) starts inside their bounds at the baseline visit. And a subject has one weight: the
 * weight at randomization, the one the baseline visit records, which later visits find within 2 % of it.
 */
final class OutcomeModel {
    /** Which way is better for an item: +1 higher, −1 lower. */
    private static final Map<String, Integer> BETTER = Map.ofEntries(
            Map.entry("lvef", 1), Map.entry("lvedv", -1), Map.entry("lvesv", -1), Map.entry("lvedd", -1),
            Map.entry("lvesd", -1), Map.entry("lvef_imaging", 1), Map.entry("scar_percent", -1),
            Map.entry("perfusion_defect", -1), Map.entry("vo2_peak", 1), Map.entry("distance", 1),
            Map.entry("nt_probnp", -1), Map.entry("bnp", -1), Map.entry("black_hole_volume", -1),
            Map.entry("shocks", -1), Map.entry("vt_vf_episodes", -1));

    /**
     * NYHA class at baseline in a heart-failure trial (I to IV): mostly II and III, the classes such trials enrol; a few
     * I and IV. Drawn only among the classes the criteria admit.
     */
    private static final double[] NYHA = {0.05, 0.45, 0.45, 0.05};
    /**
     * CCS angina class at baseline (0, I to IV) in an ischaemic cardiomyopathy no longer open to revascularization:
     * angina is common and often limiting, so II and III are the most frequent, IV rare (it is unstable in all but
     * name), and a few have none.
     */
    private static final double[] CCS_ISCHAEMIC = {0.10, 0.20, 0.35, 0.30, 0.05};
    /** CCS class without ischaemic heart disease (a dilated cardiomyopathy, multiple sclerosis): mostly no angina. */
    private static final double[] CCS_OTHER = {0.85, 0.10, 0.05, 0, 0};
    /**
     * Ventricular tachycardia or fibrillation episodes an ICD records, per month: a third of an episode a year on
     * average, of the order seen in cardiomyopathy patients with an ICD, and clustered (negative binomial of shape
     * 0.3): most subjects have none between two interrogations, a few have several.
     */
    private static final double VT_VF_PER_MONTH = 0.03;
    /** The share of episodes ended by anti-tachycardia pacing, and by a shock; the rest stop on their own. */
    private static final double ENDED_BY_PACING = 0.55;
    private static final double ENDED_BY_SHOCK = 0.25;
    /** The greatest swing of a subject's weight from one visit to the next around their own weight: 2 %. */
    private static final double WEIGHT_SWING = 0.02;

    private final Random random;
    private final double effect;
    private final EligibilityBounds bounds;
    private final boolean ischaemic;
    /** Per subject and item, the value at baseline. */
    private final Map<String, Double> baseline = new HashMap<>();
    /** Each subject's own weight (kg): the randomization's, and the baseline visit's. */
    private final Map<String, Double> weights = new HashMap<>();
    /** Per subject, the months (from the first administration) of the ICD's last interrogation. */
    private final Map<String, Double> interrogated = new HashMap<>();

    OutcomeModel(Random random, double effect) {
        this(random, effect, EligibilityBounds.none(), false);
    }

    /**
     * A model whose baselines keep within the trial's eligibility {@code bounds}, for a population with ischaemic heart
     * disease or not ({@code ischaemic}: how much angina there is).
     */
    OutcomeModel(Random random, double effect, EligibilityBounds bounds, boolean ischaemic) {
        this.random = random;
        this.effect = effect;
        this.bounds = bounds;
        this.ischaemic = ischaemic;
    }

    /**
     * The subject's weight in kg, drawn once: adults of a European trial, 78 ± 14 kg, kept between 45 and 140 kg and
     * within what the criteria allow. The randomization doses by it and the baseline visit records it.
     */
    double weightKg(String subject) {
        return weights.computeIfAbsent(subject, k -> {
            Interval allowed = bounds.interval("weight");
            for (int attempt = 0; attempt < 100; attempt++) {
                double w = Math.round((78 + random.nextGaussian() * 14) * 10) / 10.0;
                if (w >= 45 && w <= 140 && (allowed == null || allowed.contains(w))) {
                    return w;
                }
            }
            return inside(allowed, 78, 14, 0.1);
        });
    }

    /**
     * The values of a form at a visit, {@code months} after the first administration (0 or less: baseline), for a
     * subject who has had cells for {@code cellMonths} of them.
     */
    Map<String, String> values(String subject, FormDef form, double months, double cellMonths, String visitDay) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> episodes = form.items().stream().anyMatch(i -> i.id().equals("vt_vf_episodes"))
                ? icdEpisodes(subject, months, cellMonths) : Map.of();
        for (ItemDef item : form.items()) {
            String v = episodes.containsKey(item.id()) ? String.valueOf(episodes.get(item.id()))
                    : value(subject, item, months, cellMonths, visitDay);
            if (v != null) {
                values.put(item.id(), v);
            }
        }
        return values;
    }

    private String value(String subject, ItemDef item, double months, double cellMonths, String visitDay) {
        String key = subject + "/" + item.id();
        if (item.type() == ItemType.DATE) {
            return visitDay;
        }
        if (item.type() == ItemType.BOOLEAN) {
            return random.nextDouble() < 0.2 ? "yes" : "no";
        }
        if (item.type() == ItemType.CODED) {
            return coded(key, item, months, cellMonths);
        }
        if (item.id().equals("gel_count") || item.id().equals("new_t2_count")) {
            double rate = months <= 0 ? 2.0 : cellMonths > 0 ? 1.6 - 0.8 * effect : 1.6;
            int count = negativeBinomial(rate, 1.2);
            Interval allowed = bounds.interval(item.id());
            // at baseline, a count the criteria bound (at least one lesion) is drawn again until it meets them
            for (int attempt = 0; months <= 0 && allowed != null && !allowed.contains(count) && attempt < 50;
                    attempt++) {
                count = negativeBinomial(rate, 1.2);
            }
            return String.valueOf(months <= 0 && allowed != null && !allowed.contains(count)
                    ? (long) inside(allowed, rate, rate, 1) : count);
        }
        if (item.id().equals("weight")) {
            return String.valueOf(weight(subject, months));
        }
        double low = item.low() != null ? item.low() : item.lowest() != null ? item.lowest() : 0;
        double high = item.high() != null ? item.high() : item.highest() != null ? item.highest() : low + 10;
        double spread = (high - low) / 8;
        double start = baseline.computeIfAbsent(key, k -> baselineValue(item, (low + high) / 2, spread));
        double v = start;
        if (months > 0) {
            v += random.nextGaussian() * spread / 4;
            if (item.id().startsWith("item_")) {
                v -= effect * Math.min(1, cellMonths / 6) * 0.6; // the MLHFQ eases on cells
            } else {
                v += effect * BETTER.getOrDefault(item.id(), 0) * Math.min(1, cellMonths / 6) * spread / 2;
            }
        }
        if (item.lowest() != null) {
            v = Math.max(item.lowest(), v);
        }
        if (item.highest() != null) {
            v = Math.min(item.highest(), v);
        }
        if (item.type() == ItemType.INTEGER) {
            return String.valueOf(Math.round(v));
        }
        return String.valueOf(Math.round(v * 10) / 10.0);
    }

    /**
     * The value at the baseline visit of a numeric item: near the middle of its expected range, and inside what the
     * eligibility criteria allow (drawn again until it is, as the screening kept only those who were), to the item's
     * precision.
     */
    private double baselineValue(ItemDef item, double middle, double spread) {
        Interval allowed = bounds.interval(item.id());
        double step = item.type() == ItemType.INTEGER ? 1 : 0.1;
        for (int attempt = 0; attempt < 100; attempt++) {
            double v = middle + random.nextGaussian() * spread;
            if (item.lowest() != null) {
                v = Math.max(item.lowest(), v);
            }
            if (item.highest() != null) {
                v = Math.min(item.highest(), v);
            }
            double rounded = Math.round(v / step) * step;
            if (allowed == null || allowed.contains(rounded)) {
                return allowed == null ? v : rounded;
            }
        }
        return inside(allowed, middle, spread, step);
    }

    /**
     * A value inside an interval when drawing did not give one (a bound far from the usual values): near the middle
     * of a closed interval, a little inside a one-sided one, to {@code step}.
     */
    private static double inside(Interval allowed, double middle, double spread, double step) {
        if (allowed == null) {
            return middle;
        }
        List<Double> candidates = new ArrayList<>();
        if (allowed.low() != null && allowed.high() != null) {
            candidates.add((allowed.low() + allowed.high()) / 2);
        }
        if (allowed.high() != null) {
            candidates.add(allowed.high() - spread / 2);
            candidates.add(allowed.high() - step);
            candidates.add(allowed.high());
        }
        if (allowed.low() != null) {
            candidates.add(allowed.low() + spread / 2);
            candidates.add(allowed.low() + step);
            candidates.add(allowed.low());
        }
        for (double c : candidates) {
            double rounded = Math.round(c / step) * step;
            if (allowed.contains(rounded)) {
                return rounded;
            }
        }
        return middle;
    }

    /**
     * The weight a visit records: the subject's own at the baseline visit (the one the products are dosed by), then
     * within 2 % of it — a scale, clothes, fluid — never a second person's.
     */
    private double weight(String subject, double months) {
        double own = weightKg(subject);
        if (months <= 0) {
            return own;
        }
        double swing = Math.max(-WEIGHT_SWING, Math.min(WEIGHT_SWING, random.nextGaussian() * WEIGHT_SWING / 2));
        return Math.round(own * (1 + swing) * 10) / 10.0;
    }

    private String coded(String key, ItemDef item, double months, double cellMonths) {
        List<String> codes = item.codes();
        if (item.id().equals("edss")) {
            double start = baseline.computeIfAbsent(key, k -> edssAtBaseline());
            double worse = months > 0 && random.nextDouble() < (cellMonths > 0 ? 0.15 - 0.07 * effect : 0.15) ? 1.0
                    : 0;
            double v = Math.min(9.5, start + worse);
            baseline.put(key, v);
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (item.id().equals("nyha")) {
            double start = baseline.computeIfAbsent(key, k -> (double) drawClass(NYHA, codes, bounds.classes("nyha")));
            double v = start;
            if (months > 0 && random.nextDouble() < (cellMonths > 0 ? 0.2 + 0.2 * effect : 0.2)) {
                v = Math.max(0, start - 1);
            }
            return codes.get((int) Math.min(codes.size() - 1, v));
        }
        if (item.id().equals("ccs")) {
            double start = baseline.computeIfAbsent(key, k -> (double) drawClass(ischaemic ? CCS_ISCHAEMIC : CCS_OTHER,
                    codes, bounds.classes("ccs")));
            int v = (int) start;
            if (months > 0) {
                // one draw whatever the arm: from the last visit's class, a class better (more often on cells), a
                // class worse, or the same — angina eases or worsens a step at a time
                double u = random.nextDouble();
                double better = cellMonths > 0 ? 0.1 + 0.15 * effect : 0.1;
                if (u < better) {
                    v = Math.max(0, v - 1);
                } else if (u > 0.95) {
                    v = Math.min(codes.size() - 1, v + 1);
                }
                baseline.put(key, (double) v);
            }
            return codes.get(v);
        }
        return codes.get(random.nextInt(Math.min(codes.size(), 3)));
    }

    /**
     * EDSS at baseline: 2.5 to 6.5 by half steps, the disability of those a cell therapy trial in multiple sclerosis
     * takes, kept to the steps the criteria admit (3 to 6.5, say).
     */
    private double edssAtBaseline() {
        Interval allowed = bounds.interval("edss");
        List<Double> steps = new ArrayList<>();
        for (double v = 2.5; v <= 6.5; v += 0.5) {
            if (allowed == null || allowed.contains(v)) {
                steps.add(v);
            }
        }
        if (steps.isEmpty()) {
            return inside(allowed, 4.5, 1, 0.5);
        }
        return steps.get(random.nextInt(steps.size()));
    }

    /** A class's index in {@code codes}, drawn by the population's shares among the classes {@code allowed}. */
    private int drawClass(double[] shares, List<String> codes, Set<String> allowed) {
        double total = 0;
        for (int i = 0; i < shares.length && i < codes.size(); i++) {
            total += allowed == null || allowed.contains(codes.get(i)) ? shares[i] : 0;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < shares.length && i < codes.size(); i++) {
            double share = allowed == null || allowed.contains(codes.get(i)) ? shares[i] : 0;
            if (share > 0 && u < share) {
                return i;
            }
            u -= share;
        }
        // the criteria admit only classes the population's shares leave out: the first of them
        for (int i = 0; i < codes.size(); i++) {
            if (allowed == null || allowed.contains(codes.get(i))) {
                return i;
            }
        }
        return 0;
    }

    /**
     * What an ICD interrogation reads: the VT/VF episodes since the last interrogation (at baseline, the three months
     * before), fewer on cells, and how each ended — by pacing, by a shock, or on its own — so that shocks and pacing
     * never outnumber the episodes.
     */
    private Map<String, Integer> icdEpisodes(String subject, double months, double cellMonths) {
        double since = months <= 0 ? 3 : Math.max(0.5, months - interrogated.getOrDefault(subject, 0.0));
        interrogated.put(subject, Math.max(0, months));
        double rate = VT_VF_PER_MONTH * since * (1 - 0.3 * effect * Math.min(1, cellMonths / 6));
        int episodes = negativeBinomial(rate, 0.3);
        int pacing = 0;
        int shocks = 0;
        for (int e = 0; e < episodes; e++) {
            double u = random.nextDouble();
            if (u < ENDED_BY_PACING) {
                pacing++;
            } else if (u < ENDED_BY_PACING + ENDED_BY_SHOCK) {
                shocks++;
            }
        }
        return Map.of("vt_vf_episodes", episodes, "atp_episodes", pacing, "shocks", shocks);
    }

    /** A negative binomial count with mean μ and shape k, as a Poisson with a gamma-distributed rate. */
    private int negativeBinomial(double mu, double k) {
        double lambda = gamma(k) * mu / k;
        double l = Math.exp(-lambda);
        int n = 0;
        double p = random.nextDouble();
        while (p > l) {
            p *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** A gamma variate of shape k and scale 1 (Marsaglia and Tsang). */
    private double gamma(double k) {
        if (k < 1) {
            return gamma(k + 1) * Math.pow(random.nextDouble(), 1 / k);
        }
        double d = k - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
